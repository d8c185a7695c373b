/**
 * The line scan must find exactly what the YAML parser finds, for every node of every fixture and
 * example (or decline, and leave it to the parser).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPointer } from '../../src/diagnostics/diagnostic.js';
import { BlockIndex } from '../../src/load/block-scan.js';
import { splitPointer } from '../../src/diagnostics/diagnostic.js';
import { parseSource } from '../../src/load/parse.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) && !name.endsWith('template.yaml') ? [path] : [];
  });
}

function pointers(value: unknown, pointer = ''): string[] {
  if (value === null || typeof value !== 'object') return [pointer];
  const children = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [pointer, ...children.flatMap(([k, v]) => pointers(v, childPointer(pointer, k)))];
}

describe('block scan', () => {
  const files = [...yamlFiles('fixtures'), ...yamlFiles('examples')];
  it.each(files)('agrees with the parser on %s', (path) => {
    const { file, ok } = parseSource(path, readFileSync(path, 'utf8'));
    if (!ok) return;
    const all = pointers(file.value).filter((p) => p !== '');
    const index = new BlockIndex(file.text.split(/\r?\n/));
    let scanned = 0;
    for (const pointer of all) {
      const fast = index.find(splitPointer(pointer));
      if (!fast) continue;
      const parsed = file.parsedPositionOf(pointer);
      expect(fast.line, pointer).toBe(parsed?.line);
      expect(fast.column, pointer).toBe(parsed?.column);
      scanned += 1;
    }
    // Most of a block-style spec is read by the scan; flow collections are left to the parser.
    expect(scanned, `${scanned} of ${all.length} scanned`).toBeGreaterThan(0);
  });
});
