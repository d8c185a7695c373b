/**
 * A compile loads what its document needs (README "Speed"): swagger-parser only for external `$ref`s,
 * Handlebars' runtime only for mapping templates (never its compiler: templates are precompiled), the
 * `yaml` library only for a position the line scan cannot give, and ajv's runtime only, not ajv itself.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

const GATEFORM = 'dist/cli/bin/gateform.js';

/** The packages under node_modules a CLI compile of `spec` loads, as `name/path` (e.g. `handlebars/runtime.js`). */
function loadedPackageFiles(spec: string): string[] {
  const record = join(tempDir(), 'loaded.json');
  const result = spawnSync(
    process.execPath,
    ['--require', resolve('test/support/loaded-packages.cjs'), GATEFORM, 'compile', spec],
    { encoding: 'utf8', env: { ...process.env, LOADED_PACKAGES_FILE: record } },
  );
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(readFileSync(record, 'utf8')) as string[])
    .map((file) => file.split('\\').join('/'))
    .flatMap((file) => {
      const at = file.lastIndexOf('/node_modules/');
      return at < 0 ? [] : [file.slice(at + '/node_modules/'.length)];
    });
}

const packagesOf = (files: readonly string[]): string[] =>
  [
    ...new Set(
      files.map((f) =>
        f
          .split('/')
          .slice(0, f.startsWith('@') ? 2 : 1)
          .join('/'),
      ),
    ),
  ].sort();

describe('what a compile loads', () => {
  it('loads neither swagger-parser, Handlebars, yaml nor ajv for the README example', () => {
    const files = loadedPackageFiles('examples/pets/openapi.yaml');
    expect(packagesOf(files)).not.toContain('@apidevtools/swagger-parser');
    expect(packagesOf(files)).not.toContain('handlebars');
    expect(packagesOf(files)).not.toContain('yaml');
    // The precompiled validators need a few of ajv's runtime helpers, not ajv's compiler.
    expect(files.filter((f) => f.startsWith('ajv/') && !f.startsWith('ajv/dist/runtime/'))).toEqual([]);
  });

  it('loads swagger-parser for external $refs', () => {
    expect(packagesOf(loadedPackageFiles('fixtures/multi-file/openapi.yaml'))).toContain('@apidevtools/swagger-parser');
  });

  it("loads Handlebars' runtime, not its compiler, for mapping templates", () => {
    const files = loadedPackageFiles('fixtures/service-sqs/openapi.yaml');
    expect(files.some((f) => f.startsWith('handlebars/'))).toBe(true);
    expect(files.filter((f) => f.startsWith('handlebars/dist/cjs/handlebars/compiler/'))).toEqual([]);
  });
});
