/** Every complete x-gateway example of docs/migration.md compiles, with no error or warning. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { tempDir } from '../support/temp.js';

const examples = [...readFileSync('docs/migration.md', 'utf8').matchAll(/```yaml\n(openapi:[\s\S]*?)```/g)].map(
  (m) => m[1]!,
);
const dir = tempDir('migration-');

it('has the raw, SAM and HTTP API examples', () => {
  expect(examples).toHaveLength(3);
});

it.each(examples.map((text, i) => [i + 1, text]))('example %i compiles cleanly', async (n, text) => {
  const spec = join(dir, `example${n}.yaml`);
  writeFileSync(spec, text as string);
  const result = await compile(spec);
  expect(result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
  expect(result.template).toBeDefined();
});
