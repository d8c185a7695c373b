/** Every location a diagnostic reports resolves to a real position (no silent fallback to a parent). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { compile, resolveDiagnostics } from '../src/index.js';
import { fixtureCases } from './support/fixtures.js';
import { tempDir } from './support/temp.js';

describe('diagnostic locations', () => {
  for (const fixture of fixtureCases()) {
    it(fixture.name, async () => {
      const result = await compile(fixture.input, fixture.base ? { into: fixture.base } : {});
      for (const d of resolveDiagnostics(result.diagnostics, result.files)) {
        if (!d.location) continue;
        const where = `${d.code} at ${d.location.file}#${d.location.pointer}`;
        expect(result.files.has(d.location.file), where).toBe(true);
        if (d.location.pointer !== '' || d.location.position) expect(d.line, where).toBeDefined();
        for (const r of d.relatedResolved ?? []) expect(r.line, `${where} related ${r.pointer}`).toBeDefined();
      }
    });
  }
});

describe('diagnostics about a value', () => {
  const SPEC = [
    'openapi: 3.0.3',
    'info: { title: t, version: "1" }',
    'x-gateway:',
    '  usagePlans:',
    '    daily:',
    '      quota: { limit: 1000, period: DAYS }',
    '      throttle:',
    '        rate: 10',
    '        bogus: 1',
    'paths:',
    '  /orders/{id}:',
    '    get:',
    '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
    '      x-gateway:',
    '        integration:',
    '          dynamodb: { table: "${Orders}", action: GetItem, key: { orderId: method.request.pathx.id } }',
    '      responses: { "200": { description: ok } }',
  ].join('\n');

  /** Each diagnostic as `code line:column` and the text written there. */
  async function placed(path: string): Promise<string[]> {
    const result = await compile(path);
    const text = readFileSync(path, 'utf8').split('\n');
    return resolveDiagnostics(result.diagnostics, result.files).map(
      (d) => `${d.code} ${text[d.line! - 1]!.slice(d.column! - 1, d.endColumn! - 1)}`,
    );
  }

  it('is placed at the value, and one about a key at the key, in YAML and in JSON', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'openapi.yaml'), SPEC);
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(load(SPEC), null, 2));
    for (const [file, quote] of [
      ['openapi.yaml', ''],
      ['openapi.json', '"'],
    ] as const)
      expect(await placed(join(dir, file)), file).toEqual([
        `invalid-x-gateway-value ${quote}DAYS${quote}`,
        // `burst` is missing: placed at the key of the object that lacks it.
        `invalid-x-gateway-value ${quote}throttle${quote}`,
        `unknown-x-gateway-key ${quote}bogus${quote}`,
        `invalid-x-gateway-value ${quote}method.request.pathx.id${quote}`,
      ]);
  });
});
