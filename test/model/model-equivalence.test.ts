/**
 * The proof that request models keep the spec's meaning: each schema validates a table of payloads with
 * ajv against the original (its own dialect: OpenAPI 3.0 with `nullable`, or 2020-12 for 3.1) and against
 * the model API Gateway builds from the emitted Body (JSON Schema draft 4, without the keywords its
 * validator ignores). Every payload must get the same answer, or the compile must carry a diagnostic
 * that says where they differ.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import type { JsonObject } from '../../src/load/load-document.js';
import { structureDiagnostics } from '../../src/load/structure.js';

type Schema = Record<string, unknown>;

/** Keywords API Gateway's model validation does not apply (reference B.2), and OpenAPI annotations. */
const IGNORED_BY_API_GATEWAY = ['nullable', 'discriminator', 'readOnly', 'writeOnly', 'example', 'exclusiveMinimum', 'exclusiveMaximum', 'deprecated', 'xml', 'externalDocs'];

function apiGatewayView(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(apiGatewayView);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([k]) => !IGNORED_BY_API_GATEWAY.includes(k)).map(([k, v]) => [k, k === 'enum' || k === 'required' ? v : apiGatewayView(v)]));
}

interface Case {
  readonly name: string;
  readonly version: '3.0.3' | '3.1.0';
  readonly schemas: Record<string, Schema>;
  /** The request body schema (usually a $ref to one of `schemas`). */
  readonly request: Schema;
  readonly payloads: readonly unknown[];
  /** True when the conversion must keep the meaning exactly (no payload may differ). */
  readonly exact: boolean;
}

const CASES: readonly Case[] = [
  {
    name: '3.0 combinators, enums and patterns',
    version: '3.0.3',
    schemas: {
      Shape: { oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }] },
      Circle: { type: 'object', required: ['radius'], properties: { radius: { type: 'number', minimum: 0 } }, additionalProperties: false },
      Square: { type: 'object', required: ['side'], properties: { side: { type: 'integer' }, color: { type: 'string', enum: ['red', 'blue'] } }, additionalProperties: false },
      Named: { allOf: [{ type: 'object', required: ['name'] }, { properties: { name: { type: 'string', pattern: '^[A-Z][a-z]+$' } } }] },
      Either: { anyOf: [{ type: 'string', maxLength: 3 }, { type: 'integer', multipleOf: 5 }] },
    },
    request: { type: 'object', properties: { shape: { $ref: '#/components/schemas/Shape' }, who: { $ref: '#/components/schemas/Named' }, code: { $ref: '#/components/schemas/Either' } } },
    payloads: [{}, { shape: { radius: 2 } }, { shape: { side: 2, color: 'red' } }, { shape: { side: 2, color: 'green' } }, { shape: { radius: -1 } }, { shape: { radius: 1, side: 1 } }, { who: { name: 'Ada' } }, { who: { name: 'ada' } }, { who: {} }, { code: 'abc' }, { code: 'abcd' }, { code: 10 }, { code: 11 }, { code: true }],
    exact: true,
  },
  {
    name: '3.0 nested and recursive references',
    version: '3.0.3',
    schemas: {
      Tree: { type: 'object', required: ['value'], properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/components/schemas/Tree' }, maxItems: 3 } } },
      Forest: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
    },
    request: { $ref: '#/components/schemas/Forest' },
    payloads: [[], [{ value: 1 }], [{ value: 1, children: [{ value: 2, children: [{ value: 3 }] }] }], [{ value: 1, children: [{ value: 'x' }] }], [{ value: 1, children: [{}, {}, {}, {}] }], [{}], {}],
    exact: true,
  },
  {
    name: '3.0 nullable',
    version: '3.0.3',
    schemas: { Note: { type: 'object', properties: { text: { type: 'string', nullable: true } } } },
    request: { $ref: '#/components/schemas/Note' },
    payloads: [{ text: 'a' }, { text: null }, { text: 1 }, {}],
    exact: false,
  },
  {
    name: '3.0 exclusive bounds',
    version: '3.0.3',
    schemas: { Amount: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true } },
    request: { type: 'object', properties: { amount: { $ref: '#/components/schemas/Amount' } } },
    payloads: [{ amount: 0 }, { amount: 0.5 }, { amount: 10 }, { amount: 11 }, { amount: -1 }],
    exact: false,
  },
  {
    name: '3.1 type arrays, const, integer bounds, $defs and $ref siblings',
    version: '3.1.0',
    schemas: {
      Event: {
        type: 'object',
        required: ['kind'],
        properties: {
          kind: { const: 'click' },
          value: { type: ['string', 'integer'] },
          count: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 },
          tags: { type: 'array', items: { $ref: '#/components/schemas/Event/$defs/Tag' } },
          source: { $ref: '#/components/schemas/Source', maxLength: 5 },
        },
        $defs: { Tag: { type: 'string', pattern: '^[a-z]+$' } },
        examples: [{ kind: 'click' }],
      },
      Source: { type: 'string', minLength: 2 },
    },
    request: { $ref: '#/components/schemas/Event' },
    payloads: [{ kind: 'click' }, { kind: 'tap' }, {}, { kind: 'click', value: 'a' }, { kind: 'click', value: 3 }, { kind: 'click', value: 2.5 }, { kind: 'click', value: null }, { kind: 'click', count: 0 }, { kind: 'click', count: 1 }, { kind: 'click', count: 9 }, { kind: 'click', count: 10 }, { kind: 'click', tags: ['ok'] }, { kind: 'click', tags: ['Bad'] }, { kind: 'click', source: 'ab' }, { kind: 'click', source: 'a' }, { kind: 'click', source: 'abcdef' }],
    exact: true,
  },
  {
    name: '3.1 null in a type array',
    version: '3.1.0',
    schemas: { Note: { type: 'object', properties: { at: { type: ['string', 'null'] } } } },
    request: { $ref: '#/components/schemas/Note' },
    payloads: [{ at: 'x' }, { at: null }, { at: 1 }],
    exact: true,
  },
  {
    name: '3.1 keywords 3.0 cannot say',
    version: '3.1.0',
    schemas: {
      Bag: { type: 'object', patternProperties: { '^n-': { type: 'number' } }, properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] }, ratio: { type: 'number', exclusiveMinimum: 0 } } },
    },
    request: { $ref: '#/components/schemas/Bag' },
    payloads: [{}, { 'n-a': 1 }, { 'n-a': 'x' }, { pair: ['a', 1] }, { pair: [1, 'a'] }, { ratio: 0 }, { ratio: 0.1 }],
    exact: false,
  },
  {
    name: '3.1 an inclusive and an exclusive bound together: the tighter one holds',
    version: '3.1.0',
    schemas: {
      Bounds: {
        type: 'object',
        properties: {
          i: { type: 'integer', minimum: 10, exclusiveMinimum: 0 },
          j: { type: 'integer', maximum: 3, exclusiveMaximum: 100 },
          k: { type: 'integer', minimum: 0, exclusiveMinimum: 5 },
          n: { type: 'number', minimum: 5, exclusiveMinimum: 3 },
          m: { type: 'number', maximum: 5, exclusiveMaximum: 8 },
        },
      },
    },
    request: { $ref: '#/components/schemas/Bounds' },
    payloads: [{ i: 1 }, { i: 9 }, { i: 10 }, { j: 4 }, { j: 50 }, { j: 3 }, { k: 5 }, { k: 6 }, { n: 3 }, { n: 4 }, { n: 5 }, { m: 5 }, { m: 6 }],
    exact: true,
  },
  {
    name: '3.1 boolean schemas',
    version: '3.1.0',
    schemas: { Flags: { type: 'object', properties: { legacy: false, anything: true, list: { type: 'array', items: false }, never: { not: true } }, additionalProperties: true } },
    request: { $ref: '#/components/schemas/Flags' },
    payloads: [{}, { legacy: 1 }, { anything: [1] }, { list: [] }, { list: [1] }, { never: 1 }, { other: 1 }],
    exact: true,
  },
  {
    name: '3.1 a type array beside an anyOf',
    version: '3.1.0',
    schemas: { Value: { type: 'object', properties: { v: { type: ['string', 'integer'], anyOf: [{ minLength: 3 }, { minimum: 10 }] } } } },
    request: { $ref: '#/components/schemas/Value' },
    payloads: [{ v: 'a' }, { v: 'abc' }, { v: 1 }, { v: 11 }, { v: true }, { v: null }],
    exact: true,
  },
  {
    name: '3.1 null types, const with enum, anchors',
    version: '3.1.0',
    schemas: {
      Misc: {
        type: 'object',
        properties: {
          only: { type: ['null'] },
          none: { type: 'null' },
          at: { type: ['string', 'null'], format: 'date-time', maxLength: 30 },
          count: { type: ['integer', 'null'], exclusiveMinimum: 0 },
          pick: { type: 'string', enum: ['a', 'b'], const: 'b' },
          clash: { type: 'string', enum: ['a', 'b'], const: 'c' },
          tag: { $ref: '#tag' },
        },
        $defs: { Tag: { $anchor: 'tag', type: 'string', maxLength: 3 } },
      },
    },
    request: { $ref: '#/components/schemas/Misc' },
    payloads: [{ only: null }, { only: 'x' }, { only: 1 }, { none: null }, { none: 0 }, { at: null }, { at: '2024-01-01T00:00:00Z' }, { at: 1 }, { count: null }, { count: 0 }, { count: 1 }, { count: 'x' }, { pick: 'a' }, { pick: 'b' }, { clash: 'a' }, { clash: 'c' }, { tag: 'abc' }, { tag: 'abcd' }, { tag: 1 }],
    exact: true,
  },
];

async function compileCase(c: Case) {
  const dir = mkdtempSync(join(tmpdir(), 'gateform-models-'));
  const path = join(dir, 'openapi.yaml');
  writeFileSync(
    path,
    stringify({
      openapi: c.version,
      info: { title: 'Models', version: '1' },
      'x-gateway': { defaults: { validate: 'body', integration: { mock: {} } } },
      paths: { '/x': { post: { requestBody: { required: true, content: { 'application/json': { schema: c.request } } }, responses: { '200': { description: 'ok' } } } } },
      components: { schemas: c.schemas },
    }),
  );
  const result = await compile(path);
  expect(result.template, JSON.stringify(result.diagnostics)).toBeDefined();
  const api = Object.values(result.template!.Resources).find((r) => r.Type === 'AWS::ApiGateway::RestApi')!;
  // API Gateway imports OpenAPI 3.0 only: the Body must be valid 3.0.
  expect(structureDiagnostics(api.Properties!['Body'] as JsonObject, '3.0', (pointer) => ({ file: 'Body', pointer })).map((d) => d.message)).toEqual([]);
  const body = api.Properties!['Body'] as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: Schema }> } } }>; components: { schemas: Record<string, Schema> } };
  return { body, diagnostics: result.diagnostics };
}

function originalValidator(c: Case): (payload: unknown) => boolean {
  const root = { ...c.request, components: { schemas: c.schemas } };
  if (c.version === '3.1.0') return new Ajv2020({ strict: false }).compile(root);
  return new AjvDraft04.default({ strict: false }).compile(root);
}

function apiGatewayValidator(body: Awaited<ReturnType<typeof compileCase>>['body']): (payload: unknown) => boolean {
  const request = body.paths['/x']!.post.requestBody.content['application/json']!.schema;
  const root = { ...(apiGatewayView(request) as Schema), components: { schemas: apiGatewayView(body.components.schemas) } };
  return new AjvDraft04.default({ strict: false }).compile(root);
}

describe('request models keep the meaning of the spec’s schemas', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { body, diagnostics } = await compileCase(c);
      const original = originalValidator(c);
      const model = apiGatewayValidator(body);
      const differing = c.payloads.filter((p) => original(p) !== model(p));
      const explained = diagnostics.filter((d) => d.code.startsWith('model-keyword-'));
      if (c.exact) {
        expect(differing, 'payloads the model answers differently').toEqual([]);
      } else {
        // The table shows the difference, and the compile says where it comes from.
        expect(differing.length, 'this case documents a known difference').toBeGreaterThan(0);
        expect(explained.map((d) => d.location?.pointer ?? '').every((p) => p.startsWith('/components/schemas/') || p.startsWith('/paths/'))).toBe(true);
        expect(explained.length, `differs on ${JSON.stringify(differing)} without a diagnostic`).toBeGreaterThan(0);
      }
    });
  }
});
