/** The command-line page shows the commands' own help, word for word. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { COMPILE_USAGE } from '../../src/cli/compile.js';
import { LINT_USAGE } from '../../src/cli/lint.js';
import { GATEFORM_USAGE } from '../../src/cli/main.js';

it.each([
  ['npx compile --help', COMPILE_USAGE],
  ['npx gateform lint --help', LINT_USAGE],
  ['npx gateform --help', GATEFORM_USAGE],
])('docs/cli.md shows `%s` as it prints', (command, usage) => {
  const readme = readFileSync('docs/cli.md', 'utf8');
  const shown = readme.indexOf(`$ ${command}`);
  expect(shown, `docs/cli.md shows \`$ ${command}\``).toBeGreaterThanOrEqual(0);
  expect(readme.slice(readme.indexOf('\n', shown) + 1)).toMatch(
    new RegExp(`^${usage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
});
