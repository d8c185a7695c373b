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
      for (const part of ['key', 'value'] as const) {
        const fast = index.find(splitPointer(pointer), part);
        if (!fast) continue;
        const parsed = file.parsedPositionOf(pointer, part);
        expect(fast.line, `${pointer} (${part})`).toBe(parsed?.line);
        expect(fast.column, `${pointer} (${part})`).toBe(parsed?.column);
        scanned += 1;
      }
    }
    // Most of a block-style spec is read by the scan; flow collections are left to the parser.
    expect(scanned, `${scanned} of ${all.length} scanned`).toBeGreaterThan(0);
  });
});

describe('block scan, where the YAML parser cannot help', () => {
  it("reads a sequence written at its key's own indentation", () => {
    const index = new BlockIndex(
      ['get:', '  security:', '  - auth: []', '  responses:', '    "200": { description: ok }'].map(String),
    );
    expect(index.find(['get', 'security', '0'])).toMatchObject({ line: 3, column: 5 });
    expect(index.find(['get', 'responses', '200', 'description'])).toMatchObject({ line: 5, column: 14 });
  });

  it('walks into flow collections with quoted strings that span lines', () => {
    // The `yaml` parser refuses the continuation lines that js-yaml reads; positions come from the scan.
    const text = [
      'paths:',
      '  /a:',
      '    get:',
      '      x-amazon-apigateway-integration:',
      '        requestTemplates:',
      '          application/json: { "Fn::Sub": "#set( $p = 1) \\',
      '          {\\"TableName\\": \\"${T}\\", \\',
      '            \\"Limit\\": 1}"}',
      '        timeoutInMillis: 10',
      '  /b:',
      '    get:',
      '      responses: { "200": { description: ok, headers: [a, !Ref B, { c: d }] } }',
    ].join('\n');
    const { file } = parseSource('t.yaml', text);
    expect(
      file.positionOf('/paths/~1a/get/x-amazon-apigateway-integration/requestTemplates/application~1json/Fn::Sub'),
    ).toMatchObject({ line: 6, column: 31 });
    expect(file.positionOf('/paths/~1a/get/x-amazon-apigateway-integration/timeoutInMillis')).toMatchObject({
      line: 9,
      column: 9,
    });
    expect(file.positionOf('/paths/~1b/get/responses/200/description')).toMatchObject({ line: 12, column: 29 });
    expect(file.positionOf('/paths/~1b/get/responses/200/headers/1')).toMatchObject({ line: 12, column: 64 });
    expect(file.positionOf('/paths/~1b/get/responses/200/headers/2/c')).toMatchObject({ line: 12, column: 69 });
    expect(file.positionOf('/paths/~1b/get/responses/200/headers/3')).toBeUndefined();
    expect(file.positionOf('/paths/~1b/get/responses/200/description', 'value')).toMatchObject({
      line: 12,
      column: 42,
      endColumn: 44,
    });
    expect(file.positionOf('/paths/~1b/get/responses/200/headers', 'value')).toMatchObject({ line: 12, column: 55 });
  });

  it('places a value where it starts, and a member without one at its key', () => {
    const text = [
      'a:',
      '  period: DAY # the AWS spelling',
      '  key: { orderId: method.request.path.id }',
      '  text: |',
      '    line',
      '  block:',
      '    # a comment first',
      '    inner: 1',
      '  quoted: "a # b" # c',
      '  empty:',
      '  list:',
      '  - x',
    ].join('\n');
    const { file } = parseSource('t.yaml', text);
    const at = (pointer: string) => file.positionOf(pointer, 'value');
    expect(at('/a/period')).toMatchObject({ line: 2, column: 11, endLine: 2, endColumn: 14 });
    expect(file.positionOf('/a/period')).toMatchObject({ line: 2, column: 3 });
    expect(at('/a/key')).toMatchObject({ line: 3, column: 8 });
    expect(at('/a/key/orderId')).toMatchObject({ line: 3, column: 19, endColumn: 41 });
    expect(file.positionOf('/a/key/orderId')).toMatchObject({ line: 3, column: 10 });
    expect(at('/a/text')).toMatchObject({ line: 4, column: 9 });
    expect(at('/a/block')).toMatchObject({ line: 8, column: 5 });
    expect(at('/a/quoted')).toMatchObject({ line: 9, column: 11, endColumn: 18 });
    expect(at('/a/empty')).toMatchObject({ line: 10, column: 3 });
    expect(at('/a/list')).toMatchObject({ line: 12, column: 3 });
    expect(at('/a/list/0')).toMatchObject({ line: 12, column: 5 });
  });
});
