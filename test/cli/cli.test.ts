/** Smoke tests of the built CLI, as users run it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

const COMPILE = 'dist/cli/bin/compile.js';
const GATEFORM = 'dist/cli/bin/gateform.js';

function run(bin: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('compile CLI', () => {
  const example = 'examples/pets/openapi.yaml';
  const expected = readFileSync('examples/pets/template.yaml', 'utf8');

  it('prints the template to stdout', () => {
    const { status, stdout, stderr } = run(COMPILE, [example]);
    // Infos only (the example's Lambda routes answer CORS themselves).
    expect(stderr).not.toMatch(/\b(error|warning)s?\b/);
    expect(status).toBe(0);
    expect(stdout).toBe(expected);
  });

  it('prints the same bytes from another directory, locale and time zone', () => {
    const elsewhere = tempDir('gateform-');
    for (const LC_ALL of ['lt_LT.UTF-8', 'C']) {
      const result = spawnSync(process.execPath, [join(process.cwd(), COMPILE), join(process.cwd(), example)], {
        cwd: elsewhere,
        encoding: 'utf8',
        env: { ...process.env, LC_ALL, LANG: LC_ALL, TZ: 'Pacific/Kiritimati' },
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(expected);
    }
  });

  it('is the same command under gateform', () => {
    expect(run(GATEFORM, ['compile', example]).stdout).toBe(expected);
  });

  it('writes YAML or JSON by the output extension, and --format overrides it', () => {
    const dir = tempDir('gateform-');
    expect(run(COMPILE, [example, '-o', join(dir, 't.yaml')]).status).toBe(0);
    expect(readFileSync(join(dir, 't.yaml'), 'utf8')).toBe(expected);
    expect(run(COMPILE, [example, '-o', join(dir, 't.json')]).status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 't.json'), 'utf8')) as { Resources: Record<string, unknown> };
    expect(Object.keys(json.Resources)).toContain('PetStoreApi');
    expect(run(COMPILE, [example, '--format', 'json', '-o', join(dir, 'x.yaml')]).status).toBe(0);
    expect(() => JSON.parse(readFileSync(join(dir, 'x.yaml'), 'utf8'))).not.toThrow();
  });

  it('--check exits 0 when the file is current and 1 when it is stale or missing', () => {
    const dir = tempDir('gateform-');
    const out = join(dir, 'template.yaml');
    copyFileSync('examples/pets/template.yaml', out);
    expect(run(COMPILE, [example, '-o', out, '--check']).status).toBe(0);
    writeFileSync(out, expected.replace('prod', 'staging'));
    const stale = run(COMPILE, [example, '-o', out, '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('is out of date');
    expect(stale.stdout).toBe(
      `--- ${out}\t(current)\n+++ ${out}\t(compiled from ${example})\n${stale.stdout.split('\n').slice(2).join('\n')}`,
    );
    expect(stale.stdout).toMatch(/^-.*staging$/m);
    expect(stale.stdout).toMatch(/^\+.*prod$/m);
    expect(run(COMPILE, [example, '-o', join(dir, 'none.yaml'), '--check']).status).toBe(1);
  });

  it('--check names the options that were used in the command to run', () => {
    const dir = tempDir('gateform-');
    const out = join(dir, 'my template.yaml');
    const stale = run(COMPILE, [
      'fixtures/into-base/openapi.yaml',
      '--into',
      'fixtures/into-base/base.yaml',
      '--format',
      'json',
      '-o',
      out,
      '--check',
    ]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe(
      `${out}: does not exist; run \`compile fixtures/into-base/openapi.yaml -o '${out}' --into fixtures/into-base/base.yaml --format json\` and commit the result.\n`,
    );
  });

  it('exits 1 on errors in the spec and leaves an existing output untouched', () => {
    const dir = tempDir('gateform-');
    const out = join(dir, 'template.yaml');
    writeFileSync(out, 'previous\n');
    const { status, stderr, stdout } = run(COMPILE, ['fixtures/error-unknown-key/openapi.yaml', '-o', out]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('fixtures/error-unknown-key/openapi.yaml:9:9: error Unknown key `integraton`');
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });

  it.each([
    ['a missing input', ['fixtures/nope/openapi.yaml'], 'Cannot read fixtures/nope/openapi.yaml'],
    ['no input', [], 'no input file given'],
    ['an unknown option', ['x.yaml', '--fromat', 'json'], 'unknown option --fromat'],
    ['a bad format', [example, '--format', 'xml'], '--format must be yaml or json'],
    ['--check without --output', [example, '--check'], '--check needs --output'],
    ['--region without --account-id', [example, '--region', 'eu-west-1'], '--region needs --account-id too'],
    ['--account-id without --region', [example, '--account-id', '123456789012'], '--account-id needs --region too'],
    [
      'a Region that is not one',
      [example, '--region', 'Europe', '--account-id', '123456789012'],
      '--region must be a Region name such as eu-west-1, not Europe',
    ],
    [
      'an account that is not one',
      [example, '--region', 'eu-west-1', '--account-id', '1234'],
      '--account-id must be 12 digits, not 1234',
    ],
    [
      'an output in a missing directory',
      [example, '-o', '/nonexistent-dir/t.yaml'],
      'cannot write /nonexistent-dir/t.yaml: its directory does not exist\n',
    ],
    [
      'an output that is a directory',
      [example, '-o', 'examples'],
      'cannot write examples: it is a folder; gateform writes only a regular file or a new path\n',
    ],
    [
      'an output that is the input',
      [example, '-o', './examples/pets/openapi.yaml'],
      'cannot write ./examples/pets/openapi.yaml: it is examples/pets/openapi.yaml, an input of this run',
    ],
    [
      'an output that is the --into template',
      [
        'fixtures/into-base/openapi.yaml',
        '--into',
        'fixtures/into-base/base.yaml',
        '-o',
        'fixtures/into-base/base.yaml',
      ],
      'cannot write fixtures/into-base/base.yaml: it is an input of this run',
    ],
    [
      'a missing --into template',
      [example, '--into', 'fixtures/nope.yaml'],
      'Cannot read fixtures/nope.yaml: no such file [file-unreadable]',
    ],
  ])('exits 2 on %s', (_name, args, message) => {
    const { status, stderr } = run(COMPILE, args);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
  });

  it('--config replaces the config found upward; a broken one exits 2 at its line', () => {
    const dir = tempDir('gateform-');
    writeFileSync(join(dir, 'off.yaml'), 'rules: { stage-access-logs: off }\n');
    writeFileSync(join(dir, 'bad.yaml'), 'extends: lenient\n');
    expect(run(COMPILE, [example, '--config', join(dir, 'off.yaml')]).status).toBe(0);
    const bad = run(COMPILE, [example, '--config', join(dir, 'bad.yaml')]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/bad\.yaml:1:1: error `extends: lenient` is not a preset/);
    expect(run(COMPILE, [example, '--config', join(dir, 'none.yaml')]).status).toBe(2);
  });

  it('merges into a base template with --into', () => {
    const { status, stdout } = run(COMPILE, [
      'fixtures/into-base/openapi.yaml',
      '--into',
      'fixtures/into-base/base.yaml',
    ]);
    expect(status).toBe(0);
    expect(stdout).toBe(readFileSync('fixtures/into-base/template.yaml', 'utf8'));
  });
});

describe('gateform CLI', () => {
  it('prints its version and help', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(run(GATEFORM, ['--version']).stdout).toBe(`${pkg.version}\n`);
    const help = run(GATEFORM, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('compile <openapi.yaml>');
    expect(run(GATEFORM, ['compile', '--help']).stdout).toContain('--into <template>');
  });

  it('exits 2 on an unknown command', () => {
    const { status, stderr } = run(GATEFORM, ['deploy']);
    expect(status).toBe(2);
    expect(stderr).toContain('unknown command deploy');
  });

  it('leaves no temporary file behind', () => {
    const dir = tempDir('gateform-');
    execFileSync(process.execPath, [COMPILE, 'examples/pets/openapi.yaml', '-o', join(dir, 'out.yaml')]);
    expect(existsSync(join(dir, 'out.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8').length).toBeGreaterThan(0);
    expect(
      execFileSync('ls', ['-a', dir], { encoding: 'utf8' })
        .split('\n')
        .filter((f) => f.endsWith('.tmp')),
    ).toEqual([]);
  });
});
