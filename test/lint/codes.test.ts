/**
 * Every code that can appear in gateform's output is in SARIF's `driver.rules` and has a page: a lint
 * rule's in docs/rules/, any other in docs/codes.md. The codes are found where they are reported in src/,
 * so a new check (or a new rule) without its page fails here.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CODES, COMPILER_CODES, LOADING_CODES, sarifRules } from '../../src/lint/codes.js';
import { NON_FATAL_CODES } from '../../src/lint/config.js';
import { RULES } from '../../src/lint/rules/index.js';

/** The codes src/ reports outside the lint rules (whose findings carry their rule's id). */
function reportedCodes(): string[] {
  const source = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith(join('lint', 'rules')))
    .map((f) => readFileSync(join('src', f), 'utf8'))
    .join('\n');
  return [...new Set([...source.matchAll(/(?:report\(\s*'|code: ')([a-z0-9]+(?:-[a-z0-9]+)+)'/g)].map((m) => m[1]!))];
}

it('finds the codes where they are reported', () => {
  expect(reportedCodes()).toEqual(
    expect.arrayContaining(['unresolved-ref', 'cloudwatch-role-required', 'body-validation-content-type']),
  );
});

it('has every reported code among the rules or the other codes', () => {
  const ruleIds = new Set(RULES.map((r) => r.meta.id));
  expect(reportedCodes().filter((code) => !ruleIds.has(code) && !(code in CODES))).toEqual([]);
});

const INTRO = `# Diagnostic codes

Every code gateform reports besides the lint rules (each rule has its page in [rules/](rules/README.md)):
what loading, the config and the compiler say. The severity of a warning or note may be set in
\`gateform.config.yaml\` (\`rules: { <code>: off }\`); errors stay errors. Where a code comes with a
\`…\`, the message names the place or value.
`;

/** docs/codes.md, from the codes' descriptions: loading in its own order, then the compiler's, by name. */
function codesPage(): string {
  const section = (title: string, codes: Readonly<Record<string, string>>, ids: readonly string[]): string =>
    `\n## ${title}\n${ids.map((id) => `\n### ${id}\n\n${codes[id]}\n`).join('')}`;
  const compiler = Object.keys(COMPILER_CODES).sort();
  return [
    INTRO,
    section('Loading, config and OpenAPI structure', LOADING_CODES, Object.keys(LOADING_CODES)),
    section(
      'Compiler warnings and notes (their severity may be set in `rules:`)',
      COMPILER_CODES,
      compiler.filter((id) => NON_FATAL_CODES.includes(id)),
    ),
    section(
      'Compiler errors (x-gateway, the --into template, the emitted template)',
      COMPILER_CODES,
      compiler.filter((id) => !NON_FATAL_CODES.includes(id)),
    ),
  ].join('');
}

it('has docs/codes.md written from the codes (UPDATE_GOLDEN=1 rewrites it)', () => {
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync('docs/codes.md', codesPage());
  expect(readFileSync('docs/codes.md', 'utf8')).toBe(codesPage());
});

it('gives every rule and every other code a page', () => {
  const pages = readFileSync('docs/codes.md', 'utf8');
  expect(Object.keys(CODES).filter((code) => !pages.includes(`\n### ${code}\n`))).toEqual([]);
  expect(RULES.filter((r) => !existsSync(`docs/rules/${r.meta.id}.md`)).map((r) => r.meta.id)).toEqual([]);
});

it('lists every rule and every other code, once each, in SARIF driver.rules', () => {
  const ids = sarifRules().map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expect.arrayContaining([...RULES.map((r) => r.meta.id), ...Object.keys(CODES)]));
  for (const rule of sarifRules())
    expect(rule.docsUrl).toMatch(/\/docs\/(rules\/[a-z0-9-]+\.md|codes\.md#[a-z0-9-]+)$/);
});
