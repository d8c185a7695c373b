/**
 * Golden fixtures: `fixtures/<case>/openapi.(yaml|json)` with the expected `template.yaml` or `diagnostics.txt`
 * of `compile`, and `lint.txt` of `gateform lint` where it says something else.
 */
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compile,
  type Diagnostic,
  formatStylish,
  lint,
  resolveDiagnostics,
  serializeTemplate,
} from '../../src/index.js';
import { configFor } from '../../src/compile.js';
import type { SourceFile } from '../../src/load/source-file.js';

/** Golden cases: the purpose-built fixtures, and the examples the README shows. */
export const CASE_ROOTS = ['fixtures', 'examples'];

export interface FixtureCase {
  readonly name: string;
  readonly dir: string;
  readonly input: string;
  readonly base?: string;
}

export function fixtureCases(): FixtureCase[] {
  return CASE_ROOTS.flatMap((root) =>
    readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => ({ root, name: d.name })),
  )
    .map(({ root, name }) => {
      const dir = join(root, name);
      const input = ['openapi.yaml', 'openapi.json'].map((f) => join(dir, f)).find(existsSync);
      if (!input) throw new Error(`${dir} has no openapi.yaml or openapi.json`);
      const base = join(dir, 'base.yaml');
      return { name: dir, dir, input, ...(existsSync(base) && { base }) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * What a fixture produces: the template (`template.yaml`) when it compiles, and the diagnostics as
 * `stylish` prints them: those of `compile` when there are any (`diagnostics.txt`: errors, or warnings
 * beside a template), and those of `gateform lint` with the config it would find (`lint.txt`) where they
 * are not the same: lint has no `--into` template, and stops before the emitter's checks.
 */
export async function runFixture(fixture: FixtureCase): Promise<Record<string, string>> {
  const result = await compile(fixture.input, fixture.base ? { into: fixture.base } : {});
  const outputs: Record<string, string> = {};
  if (result.template) outputs['template.yaml'] = serializeTemplate(result.template, 'yaml');
  if (result.diagnostics.length > 0) outputs['diagnostics.txt'] = stylish(result);
  const configProblems: Diagnostic[] = [];
  const configFiles = new Map<string, SourceFile>();
  const linted = await lint(fixture.input, configFor(fixture.input, configProblems, configFiles));
  const lintText =
    configProblems.length + linted.diagnostics.length > 0
      ? stylish({
          diagnostics: [...configProblems, ...linted.diagnostics],
          files: new Map([...configFiles, ...linted.files]),
        })
      : '';
  if (lintText !== (outputs['diagnostics.txt'] ?? '')) outputs['lint.txt'] = lintText;
  return outputs;
}

function stylish(result: {
  readonly diagnostics: readonly Diagnostic[];
  readonly files: ReadonlyMap<string, SourceFile>;
}): string {
  return formatStylish(resolveDiagnostics(result.diagnostics, result.files), {
    lineOf: (file, line) => result.files.get(file)?.lineText(line),
  });
}

/** Compare with the golden file; `UPDATE_GOLDEN=1` rewrites it instead. */
export function golden(fixture: FixtureCase, file: string, actual: string): string | undefined {
  const path = join(fixture.dir, file);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, actual);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Golden files of a fixture that its run no longer produces (stale, or missing output). */
export function unexpectedGoldens(fixture: FixtureCase, produced: readonly string[]): string[] {
  const stale = GOLDEN_FILES.filter((f) => existsSync(join(fixture.dir, f)) && !produced.includes(f));
  if (process.env['UPDATE_GOLDEN'] === '1') for (const f of stale) unlinkSync(join(fixture.dir, f));
  return process.env['UPDATE_GOLDEN'] === '1' ? [] : stale;
}

const GOLDEN_FILES = ['template.yaml', 'diagnostics.txt', 'lint.txt'];
