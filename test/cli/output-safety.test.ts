/** The built CLI never writes over what it reads or anything but a regular file, and prints document text inert. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

const GATEFORM = join(process.cwd(), 'dist/cli/bin/gateform.js');

function run(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [GATEFORM, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 20000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project with a spec whose path item is in another file, and a config. */
function project(): string {
  const dir = tempDir('out-');
  mkdirSync(join(dir, 'paths'));
  writeFileSync(join(dir, 'package.json'), '{}');
  writeFileSync(join(dir, 'gateform.config.yaml'), 'extends: recommended\n');
  copyFileSync('examples/pets/openapi.yaml', join(dir, 'openapi.yaml'));
  writeFileSync(
    join(dir, 'spec.yaml'),
    'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    $ref: ./paths/a.yaml\n',
  );
  writeFileSync(
    join(dir, 'paths', 'a.yaml'),
    'get:\n  x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200" } } }\n  responses: { "200": { description: ok } }\n',
  );
  return dir;
}

describe('-o', () => {
  it.each([
    ['lint', 'the spec', ['lint', 'spec.yaml'], 'spec.yaml'],
    ['lint', 'a file the spec $refs', ['lint', 'spec.yaml'], 'paths/a.yaml'],
    ['lint', 'the config', ['lint', 'spec.yaml'], 'gateform.config.yaml'],
    ['compile', 'the spec', ['compile', 'openapi.yaml'], 'openapi.yaml'],
    ['compile', 'the config', ['compile', 'openapi.yaml'], 'gateform.config.yaml'],
  ])('%s does not write over %s', (_command, _what, args, target) => {
    const dir = project();
    const before = readFileSync(join(dir, target), 'utf8');
    const result = run([...args, '-o', target], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot write ${target}: it is`);
    expect(result.stderr).toContain('an input of this run');
    expect(readFileSync(join(dir, target), 'utf8')).toBe(before);
  });

  it('writes over no hard link to an input', () => {
    const dir = project();
    execFileSync('ln', [join(dir, 'paths', 'a.yaml'), join(dir, 'report.txt')]);
    expect(run(['lint', 'spec.yaml', '-o', 'report.txt'], dir).status).toBe(2);
    expect(readFileSync(join(dir, 'paths', 'a.yaml'), 'utf8')).toContain('x-amazon-apigateway-integration');
  });

  it.each([
    [
      'a symbolic link',
      (dir: string) => symlinkSync(join(dir, 'elsewhere.yaml'), join(dir, 'out.yaml')),
      'it is a symbolic link',
    ],
    ['a FIFO', (dir: string) => execFileSync('mkfifo', [join(dir, 'out.yaml')]), 'it is a FIFO'],
  ])('leaves %s in place: no regular file replaces it', (_name, make, reason) => {
    for (const command of [
      ['compile', 'openapi.yaml'],
      ['lint', 'spec.yaml'],
    ]) {
      const dir = project();
      writeFileSync(join(dir, 'elsewhere.yaml'), 'kept\n');
      make(dir);
      const result = run([...command, '-o', 'out.yaml'], dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`cannot write out.yaml: ${reason}`);
      expect(lstatSync(join(dir, 'out.yaml')).isFile()).toBe(false);
      expect(readFileSync(join(dir, 'elsewhere.yaml'), 'utf8')).toBe('kept\n');
    }
    const dir = project();
    expect(run(['compile', 'openapi.yaml', '-o', '/dev/null'], dir).stderr).toContain(
      'cannot write /dev/null: it is a device',
    );
  });

  it('writes a new path, and replaces a regular file that is no input', () => {
    const dir = project();
    expect(run(['lint', 'spec.yaml', '--format', 'json', '-o', 'report.json'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('[]\n');
    expect(run(['lint', 'spec.yaml', '--format', 'json', '-o', 'report.json'], dir).status).toBe(0);
  });
});

describe('document text in reports', () => {
  it('escapes terminal control characters from the spec in every format', () => {
    const dir = project();
    writeFileSync(
      join(dir, 'evil.yaml'),
      'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n"x\\e[2J\\e]0;pwned\\a\\u009b\\u202e": 1\n',
    );
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const { stdout } = run(['lint', 'evil.yaml', '--format', format], dir);
      expect(stdout, format).toContain('openapi-structure');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not reach the terminal.
      expect(stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    const { stderr } = run(['compile', 'evil.yaml'], dir);
    expect(stderr).toContain('\\u001b[2J');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not reach the terminal.
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
