/** House style that the formatter cannot keep: no line of src/ over 160 characters (string literals it does not break). */
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
