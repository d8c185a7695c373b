/** House style that tools cannot keep: no line of src/ over 160 characters, and no temporary folder a test run leaves behind. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const LIMIT = 160;

it(`no line in src/ is longer than ${LIMIT} characters`, () => {
  const long = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      readFileSync(join('src', file), 'utf8')
        .split('\n')
        .flatMap((line, i) => ([...line].length > LIMIT ? [`src/${file}:${i + 1} (${[...line].length})`] : [])),
    );
  expect(long, 'split the long strings: node scripts/split-long-strings.mjs && npm run format').toEqual([]);
});

it('tests make temporary folders with tempDir(), under the root the run removes', () => {
  const direct = readdirSync('test', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith('support/temp'))
    .filter((file) => /\b(?:tmpdir|mkdtempSync)\(/.test(readFileSync(join('test', file), 'utf8')));
  expect(direct, 'use tempDir() from test/support/temp.ts').toEqual([]);
});
