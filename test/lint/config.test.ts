/** gateform.config.yaml: every mistake is an `invalid-config` error at its own place; the config applies to every diagnostic. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lint } from '../../src/lint.js';
import { applyConfig, loadConfig, NON_FATAL_CODES } from '../../src/lint/config.js';
import { RULES } from '../../src/lint/rules/index.js';
import { tempDir } from '../support/temp.js';

function load(text: string): ReturnType<typeof loadConfig> {
  const path = join(tempDir('gateform-config-'), 'gateform.config.yaml');
  writeFileSync(path, text);
  return loadConfig(path, RULES);
}

describe('loadConfig', () => {
  it.each([
    ['a bare string as ignore entry', 'ignore: ["api/legacy/**"]\n', ['/ignore/0']],
    ['a misspelled `file`', 'ignore:\n  - files: "api/legacy/**"\n    reason: r\n', ['/ignore/0/files', '/ignore/0']],
    ['a misspelled `pointer`', 'ignore:\n  - pointr: /paths\n    reason: r\n', ['/ignore/0/pointr', '/ignore/0']],
    [
      'a singular `rule`',
      'ignore:\n  - pointer: /paths\n    rule: [operation-no-auth]\n    reason: r\n',
      ['/ignore/0/rule'],
    ],
    ['entries that are no mappings', 'ignore: [1, null]\n', ['/ignore/0', '/ignore/1']],
    ['ignore that is no list', 'ignore: nope\n', ['/ignore']],
    ['rules that are no mapping', 'rules: 5\n', ['/rules']],
    ['a pointer without its slash', 'ignore:\n  - pointer: paths\n    reason: r\n', ['/ignore/0/pointer']],
    [
      'a misspelled rule in an ignore',
      'ignore:\n  - pointer: /paths\n    rules: [operation-no-aut]\n    reason: r\n',
      ['/ignore/0/rules/0'],
    ],
    ['a misspelled severity', 'rules:\n  operation-no-auth: warning\n', ['/rules/operation-no-auth']],
    ['an unknown top-level key', 'ignores: []\n', ['/ignores']],
    ['a document that is a list', '- a\n', ['']],
    ['an ignore entry without a reason', 'ignore:\n  - pointer: /paths\n', ['/ignore/0']],
    ['an empty reason', 'ignore:\n  - pointer: /paths\n    reason: " "\n', ['/ignore/0/reason']],
  ])('reports %s', (_name, text, pointers) => {
    const result = load(text);
    expect(result.config).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(pointers.map(() => 'invalid-config'));
    expect(result.diagnostics.map((d) => d.location?.pointer)).toEqual(pointers);
    for (const pointer of pointers) expect(result.file?.positionOf(pointer)).toBeDefined();
  });

  it('suggests the word meant', () => {
    const messages = load(
      'extend: strict\nrules:\n  operation-no-auth: warning\nignore:\n  - files: "a/**"\n    reason: r\n',
    ).diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      'Unknown key `extend` in gateform.config.yaml. Did you mean `extends`?',
      'Severity `warning` is not one of error, warn, off. Did you mean `warn`?',
      'Unknown key `files` in an ignore entry. Did you mean `file`?',
      'An ignore entry needs a `file` glob or a `pointer`; without them it would ignore the whole run.',
    ]);
  });

  it('accepts a valid config, with compiler warnings among the rules', () => {
    const result = load(
      'extends: strict\nrules:\n  model-keyword-ignored: off\nignore:\n  - file: "legacy/**"\n    reason: r\n  - pointer: /paths/~1a/get\n    rules: [operation-no-auth, openapi-structure]\n    reason: r\n',
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.config?.rules).toEqual({ 'model-keyword-ignored': 'off' });
    expect(result.config?.ignores).toHaveLength(2);
  });
});

describe('applyConfig', () => {
  const at = (code: string, severity: Diagnostic['severity'], pointer: string): Diagnostic => ({
    code,
    severity,
    message: code,
    location: { file: join(process.cwd(), 'api/a.yaml'), pointer },
  });
  const config = {
    preset: 'recommended' as const,
    rules: { 'model-keyword-ignored': 'off' as const, 'request-body-no-schema': 'error' as const },
    ignores: [{ pointer: '/paths/~1old', reason: 'moved' }],
    root: process.cwd(),
  };

  it('sets the severity of compiler warnings and ignores any diagnostic by pointer', () => {
    const result = applyConfig(
      [
        at('model-keyword-ignored', 'warning', '/a'),
        at('request-body-no-schema', 'warning', '/b'),
        at('openapi-structure', 'error', '/paths/~1old/get'),
        at('openapi-structure', 'error', '/paths/~1new'),
      ],
      config,
      false,
    );
    expect(result.map((d) => `${d.severity} ${d.code} ${d.location?.pointer}`)).toEqual([
      'error request-body-no-schema /b',
      'error openapi-structure /paths/~1new',
    ]);
  });

  it('keeps errors when compiling', () => {
    expect(applyConfig([at('openapi-structure', 'error', '/paths/~1old/get')], config, true)).toHaveLength(1);
  });
});

describe('the config in lint and compile', () => {
  it.each([
    ['lint', (spec: string) => lint(spec, loadConfig(join(dirname(spec), 'gateform.config.yaml'), RULES).config!)],
    ['compile', (spec: string) => compile(spec)],
  ])("sets the severity of the loader's warnings in %s", async (_name, run) => {
    const dir = tempDir('gateform-config-');
    const spec = join(dir, 'openapi.yaml');
    writeFileSync(spec, 'openapi: "3.0"\ninfo: { title: T, version: "1" }\npaths: {}\n');
    writeFileSync(join(dir, 'gateform.config.yaml'), 'rules: {}\n');
    expect((await run(spec)).diagnostics.map((d) => d.code)).toContain('openapi-version-incomplete');
    writeFileSync(join(dir, 'gateform.config.yaml'), 'rules:\n  openapi-version-incomplete: off\n');
    expect((await run(spec)).diagnostics.map((d) => d.code)).not.toContain('openapi-version-incomplete');
  });
});

/** The sources of the compiler: every stage but lint. */
function compilerSource(): string {
  return readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('lint'))
    .map((f) => readFileSync(join('src', f), 'utf8'))
    .join('\n');
}

it('lists every warning and note the compiler reports among the codes `rules:` may set', () => {
  const source = compilerSource();
  const reported = new Set(
    [...source.matchAll(/(?:report\(\s*'|code: ')([a-z0-9-]+)',\s*(?:severity: )?'(?:warning|info)'/g)].map(
      (m) => m[1]!,
    ),
  );
  const ruleIds = RULES.map((r) => r.meta.id);
  expect([...reported].filter((code) => !ruleIds.includes(code)).sort()).toEqual([...NON_FATAL_CODES].sort());
});

it('reports one check under one code: no compiler code is a rule id with its words reordered', () => {
  const source = compilerSource();
  const words = (code: string): string => code.split('-').sort().join('-');
  const byWords = new Map(RULES.map((r) => [words(r.meta.id), r.meta.id]));
  const codes = new Set([...source.matchAll(/(?:report\(\s*'|code: ')([a-z0-9-]+)'/g)].map((m) => m[1]!));
  const twins = [...codes].filter((code) => byWords.has(words(code)) && byWords.get(words(code)) !== code);
  expect(twins).toEqual([]);
});

describe('config values printed in messages', () => {
  it.each([
    ['extends: { a: 1 }\n', '`extends: a mapping` is not a preset.'],
    ['rules:\n  operation-no-auth: [warn]\n', 'Severity a list is not one of error, warn, off.'],
    ['ignore:\n  - pointer: /paths\n    rules: [{ a: 1 }]\n    reason: r\n', 'a mapping is not a rule id.'],
    ['refs: { root: 5, remote: "yes" }\n', '`root` must be a folder, not the number 5.'],
  ])('%s', (text, message) => {
    expect(load(text).diagnostics.map((d) => d.message)).toContain(message);
  });
});
