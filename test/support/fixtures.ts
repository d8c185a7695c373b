/** Golden fixtures: `fixtures/<case>/openapi.(yaml|json)` with the expected `template.yaml` or `diagnostics.txt`. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, formatStylish, resolveDiagnostics, serializeTemplate } from '../../src/index.js';

/** Golden cases: the purpose-built fixtures, and the examples the README shows. */
export const CASE_ROOTS = ['fixtures', 'examples'];

export interface FixtureCase {
  readonly name: string;
  readonly dir: string;
  readonly input: string;
  readonly base?: string;
}

export function fixtureCases(): FixtureCase[] {
  return CASE_ROOTS.flatMap((root) => readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => ({ root, name: d.name })))
    .map(({ root, name }) => {
      const dir = join(root, name);
      const input = ['openapi.yaml', 'openapi.json'].map((f) => join(dir, f)).find(existsSync);
      if (!input) throw new Error(`${dir} has no openapi.yaml or openapi.json`);
      const base = join(dir, 'base.yaml');
      return { name: dir, dir, input, ...(existsSync(base) && { base }) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** What a fixture produces: the template text, or the diagnostics as `stylish` prints them. */
export async function runFixture(fixture: FixtureCase): Promise<{ file: 'template.yaml' | 'diagnostics.txt'; text: string }> {
  const result = await compile(fixture.input, fixture.base ? { into: fixture.base } : {});
  const printed = formatStylish(resolveDiagnostics(result.diagnostics, result.files), { lineOf: (file, line) => result.files.get(file)?.lineText(line) });
  if (!result.template) return { file: 'diagnostics.txt', text: printed };
  return { file: 'template.yaml', text: serializeTemplate(result.template, 'yaml') };
}

/** Compare with the golden file; `UPDATE_GOLDEN=1` rewrites it instead. */
export function golden(fixture: FixtureCase, file: string, actual: string): string | undefined {
  const path = join(fixture.dir, file);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, actual);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
