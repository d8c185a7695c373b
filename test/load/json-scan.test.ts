/**
 * JSON positions come from a scan of the text, not the YAML syntax tree (which takes minutes on a 40 MB
 * file): the scan must place every node exactly where the parser does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { childPointer } from '../../src/diagnostics/diagnostic.js';
import { parseSource } from '../../src/load/parse.js';

function pointers(value: unknown, pointer = ''): string[] {
  if (value === null || typeof value !== 'object') return [pointer];
  const children = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [pointer, ...children.flatMap(([k, v]) => pointers(v, childPointer(pointer, k)))];
}

const DOCUMENT = {
  openapi: '3.0.3',
  'a/b~c': { 'quo"te': [1, { x: null }, [true, 'é\\n']], 'esc\u00e9': '}{][' },
  empty: {},
  list: [],
};

describe('JSON positions', () => {
  it.each([
    ['fixtures/openapi-json/openapi.json', readFileSync('fixtures/openapi-json/openapi.json', 'utf8')],
    ['compact', JSON.stringify(DOCUMENT)],
    ['indented', JSON.stringify(DOCUMENT, null, 2)],
    ['CRLF', JSON.stringify(DOCUMENT, null, '\t').replace(/\n/g, '\r\n')],
    ['BOM', `\ufeff${JSON.stringify(DOCUMENT, null, 1)}`],
    ['escaped keys', '{ "\\u0061": { "b\\"": [ 1 , 2 ] } }'],
  ])('agree with the parser on %s, without building its tree', (_name, text) => {
    const { file, ok } = parseSource('t.json', text);
    expect(ok).toBe(true);
    const all = pointers(file.value);
    for (const part of ['key', 'value'] as const) {
      const expected = all.map((pointer) => file.parsedPositionOf(pointer, part));
      const fresh = parseSource('t.json', text).file;
      const parsed = vi.spyOn(fresh, 'parsedPositionOf');
      expect(all.map((pointer) => fresh.positionOf(pointer, part))).toEqual(expected);
      expect(parsed).not.toHaveBeenCalled();
    }
  });

  it('is undefined for a pointer that names nothing', () => {
    const { file } = parseSource('t.json', '{"a": [1]}');
    expect(file.positionOf('/b')).toBeUndefined();
    expect(file.positionOf('/a/1')).toBeUndefined();
    expect(file.positionOf('/a/x')).toBeUndefined();
  });
});
