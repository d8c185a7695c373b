/**
 * The proof that request models keep the spec's meaning: each request schema validates a table of payloads
 * with ajv against the original (its own dialect: OpenAPI 3.0 — draft 4 with `nullable`, `$ref` siblings
 * ignored, readOnly properties required in responses only — or 2020-12 for 3.1) and against the model
 * API Gateway builds from the emitted Body (JSON Schema draft 4 without the keywords its validator ignores,
 * `$ref` siblings ignored). Every payload must get the same answer, or the compile must carry a diagnostic
 * at the keyword that makes them differ (or beside it, in the same schema object).
 *
 * Schemas: a set of tricky ones, and every body-validated request schema of every fixture. Payloads: the
 * hand-written ones of a case, plus payloads derived from the schema: a valid-looking value, then each
 * property null, wrong-typed, at and beyond its bounds, missing, and an extra property.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { childPointer, type Diagnostic, followRefs, splitPointer, valueAtPointer } from '../../src/diagnostics/diagnostic.js';
import { compile } from '../../src/index.js';
import type { JsonObject } from '../../src/load/load-document.js';
import { loadDocument } from '../../src/load/load-document.js';
import { structureDiagnostics } from '../../src/load/structure.js';
import { modelNames } from '../../src/model/names.js';
import { documentSchemas, isSchemaObject, schemaAnchors, schemaSlots, walkSchema } from '../../src/model/schema-walk.js';
import { fixtureCases } from '../support/fixtures.js';
import { writeRequestSpec } from '../support/request-spec.js';

type Schema = Record<string, unknown>;
type Version = '3.0' | '3.1';

/** Keywords API Gateway's model validation does not apply (reference B.2), and OpenAPI annotations. */
const IGNORED_BY_API_GATEWAY = ['nullable', 'discriminator', 'readOnly', 'writeOnly', 'example', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'deprecated', 'xml', 'externalDocs'];

/** A copy of a schema as a draft-4 validator reads it: a `$ref` replaces its siblings; `drop` removes keywords. */
function draft4View(schema: unknown, drop: readonly string[], adjust: (schema: Schema) => void = () => {}): unknown {
  if (!isSchemaObject(schema)) return schema;
  const copy = structuredClone(schema);
  const strip = (node: Schema): void => {
    if (typeof node['$ref'] === 'string') {
      for (const key of Object.keys(node)) if (key !== '$ref') delete node[key];
      return;
    }
    adjust(node);
    for (const key of drop) delete node[key];
    for (const [, holder, key] of schemaSlots(node)) {
      const child = (holder as Record<string | number, unknown>)[key];
      if (isSchemaObject(child)) strip(child);
    }
  };
  strip(copy);
  return copy;
}

/**
 * What OpenAPI 3.0.3 adds to draft 4 for a request: a readOnly property's `required` applies to responses
 * only (Schema Object `readOnly`), and a discriminator picks the one branch its tag names (by `mapping`, else
 * by schema name) instead of trying each.
 */
function openApi30Request(node: Schema): void {
  const properties = node['properties'];
  if (Array.isArray(node['required']) && isSchemaObject(properties)) {
    node['required'] = node['required'].filter((name) => (properties[name as string] as Schema | undefined)?.['readOnly'] !== true);
    if ((node['required'] as unknown[]).length === 0) delete node['required'];
  }
  const discriminator = node['discriminator'];
  const key = Array.isArray(node['oneOf']) ? 'oneOf' : 'anyOf';
  if (isSchemaObject(discriminator) && Array.isArray(node[key])) {
    const tag = discriminator['propertyName'] as string;
    const mapping = Object.entries((discriminator['mapping'] ?? {}) as Record<string, string>);
    node['anyOf'] = (node[key] as Schema[]).map((branch) => {
      const ref = branch['$ref'] as string;
      const names = mapping.filter(([, to]) => to === ref || to === ref.split('/').pop()).map(([name]) => name);
      return { allOf: [{ required: [tag], properties: { [tag]: { enum: names.length > 0 ? names : [ref.split('/').pop()] } } }, branch] };
    });
    if (key === 'oneOf') delete node['oneOf'];
  }
}

/** A validator that answers, and says at which schema keywords (as document pointers) it refuses. */
type Check = (payload: unknown) => { valid: boolean; keywords: string[] };

/**
 * `schema` is validated as the root, beside `components.schemas`. Each refusal is located through the
 * schema object ajv names (`verbose`) at its pointer in the document: the root at `at`, components under
 * `/components/schemas/`, with the model's names turned back into the document's (`names`).
 */
function checker(version: Version, schema: unknown, schemas: Record<string, unknown>, at: string, names: ReadonlyMap<string, string> = new Map()): Check {
  const root = typeof schema === 'boolean' ? schema : { ...(schema as Schema), components: { schemas } };
  const options = { strict: false, allErrors: true, verbose: true } as const;
  const validate = (version === '3.1' ? new Ajv2020(options) : new AjvDraft04.default(options)).compile(root);
  const where = new Map<unknown, string>();
  const record = (node: Schema, pointer: string) => walkSchema(node, pointer, (child, p) => void (where.has(child) || where.set(child, p)));
  for (const [name, component] of Object.entries(schemas)) if (isSchemaObject(component)) record(component, childPointer('/components/schemas', names.get(name) ?? name));
  if (isSchemaObject(root)) record(root, at);
  return (payload) => {
    const valid = validate(payload) as boolean;
    return { valid, keywords: valid ? [] : (validate.errors ?? []).map((e) => childPointer(where.get(e.parentSchema) ?? '?', e.keyword)) };
  };
}

/**
 * Whether a diagnostic at `diagnostic` speaks of the refusing keyword at `keyword`: it is that keyword, a
 * keyword beside it in the same schema object, a place inside it, or a keyword (of a schema in `schemas`)
 * whose subschemas hold it, such as a dropped `patternProperties`. Never a whole schema.
 */
function explains(diagnostic: string, keyword: string, schemas: ReadonlySet<string>): boolean {
  const parent = (p: string) => p.slice(0, p.lastIndexOf('/'));
  return diagnostic === keyword || parent(diagnostic) === parent(keyword) || diagnostic.startsWith(keyword + '/') || (keyword.startsWith(diagnostic + '/') && schemas.has(parent(diagnostic)));
}

/** Payloads that tell an original and a model apart, and why each is not explained by a diagnostic. */
function unexplainedDifferences(original: Check, model: Check, payloads: readonly unknown[], diagnostics: readonly Diagnostic[], document: JsonObject): { differing: unknown[]; unexplained: string[] } {
  const pointers = diagnostics.filter((d) => d.code.startsWith('model-')).map((d) => d.location?.pointer ?? '');
  const schemas = new Set<string>();
  for (const [at, schema] of documentSchemas(document)) walkSchema(schema, at, (_, p) => void schemas.add(p));
  const differing: unknown[] = [];
  const unexplained: string[] = [];
  for (const payload of payloads) {
    const [a, b] = [original(payload), model(payload)];
    if (a.valid === b.valid) continue;
    differing.push(payload);
    const refusing = a.valid ? b : a;
    if (!refusing.keywords.some((k) => pointers.some((p) => explains(p, k, schemas)))) {
      unexplained.push(`${JSON.stringify(payload)}: ${a.valid ? 'the model' : 'the spec'} refuses it at ${refusing.keywords.join(', ')}, and no diagnostic is there (diagnostics at ${pointers.join(', ') || 'none'})`);
    }
  }
  return { differing, unexplained };
}

// ---- payloads derived from a schema ----

/** Follows `#/…` pointers and `#anchor`s within the document. */
type Resolve = (schema: unknown) => Schema | boolean | undefined;

function resolverOf(document: JsonObject): Resolve {
  const anchors = schemaAnchors(document);
  return (schema) => {
    let node = schema;
    for (let hops = 0; hops < 8 && isSchemaObject(node) && typeof node['$ref'] === 'string'; hops += 1) {
      const ref = decodeURIComponent(node['$ref'] as string);
      node = valueAtPointer(document, ref.startsWith('#/') ? ref.slice(1) : anchors.get(ref.slice(1)) ?? '/none');
    }
    return isSchemaObject(node) || typeof node === 'boolean' ? node : undefined;
  };
}

/** A schema's properties, with those of its allOf/anyOf/oneOf branches (over-approximated, for payloads). */
function propertiesOf(schema: Schema | boolean | undefined, resolve: Resolve, depth = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isSchemaObject(schema) || depth > 4) return out;
  for (const [name, property] of Object.entries((schema['properties'] ?? {}) as Schema)) out.set(name, property);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const branch of (schema[key] as unknown[] | undefined) ?? []) for (const [name, property] of propertiesOf(resolve(branch), resolve, depth + 1)) if (!out.has(name)) out.set(name, property);
  }
  return out;
}

/** A value the schema probably accepts: its example, its first enum value, or one built from its keywords. */
function sampleOf(raw: unknown, resolve: Resolve, depth = 0): unknown {
  const schema = resolve(raw);
  if (!isSchemaObject(schema)) return schema === false ? undefined : 'x';
  if ('example' in schema) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  const branches = (['allOf', 'anyOf', 'oneOf'] as const).flatMap((k) => ((schema[k] as unknown[] | undefined) ?? []).slice(0, k === 'allOf' ? undefined : 1));
  const types = ([] as unknown[]).concat(schema['type'] ?? []).filter((t) => t !== 'null');
  const type = types[0] ?? (propertiesOf(schema, resolve).size > 0 ? 'object' : 'items' in schema ? 'array' : undefined);
  if (type === undefined && branches.length > 0) return branches.map((b) => sampleOf(b, resolve, depth + 1)).reduce((a, b) => (isSchemaObject(a) && isSchemaObject(b) ? { ...a, ...b } : a));
  switch (type) {
    case 'object': {
      if (depth > 3) return {};
      const value: Record<string, unknown> = {};
      for (const [name, property] of propertiesOf(schema, resolve)) {
        const sample = sampleOf(property, resolve, depth + 1);
        if (sample !== undefined) value[name] = sample;
      }
      return value;
    }
    case 'array':
      return depth > 3 ? [] : Array.from({ length: Math.max(1, Number(schema['minItems'] ?? 1)) }, () => sampleOf(schema['items'], resolve, depth + 1));
    case 'integer':
    case 'number': {
      const low = typeof schema['minimum'] === 'number' ? schema['minimum'] + 1 : typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] + 1 : 1;
      return typeof schema['maximum'] === 'number' && low > schema['maximum'] ? schema['maximum'] : low;
    }
    case 'boolean':
      return true;
    case 'string':
      return schema['format'] === 'date-time' ? '2024-01-01T00:00:00Z' : 'a'.repeat(Math.max(3, Number(schema['minLength'] ?? 0)));
    default:
      return 'x';
  }
}

/** Values around a schema's own keywords: its bounds and lengths, just inside and just beyond, and its enum. */
function edgeValues(raw: unknown, resolve: Resolve): unknown[] {
  const schema = resolve(raw);
  if (!isSchemaObject(schema)) return [];
  const out: unknown[] = [...((schema['enum'] as unknown[] | undefined) ?? []), ...('const' in schema ? [schema['const']] : [])];
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']) {
    const n = schema[key];
    if (typeof n === 'number') out.push(n - 1, n - 0.5, n, n + 0.5, n + 1);
  }
  for (const key of ['minLength', 'maxLength']) {
    const n = schema[key];
    if (typeof n === 'number') out.push('a'.repeat(Math.max(0, n - 1)), 'a'.repeat(n), 'a'.repeat(n + 1));
  }
  const item = sampleOf(schema['items'], resolve, 2);
  for (const key of ['minItems', 'maxItems']) {
    const n = schema[key];
    if (typeof n === 'number') out.push(...[n - 1, n, n + 1].filter((k) => k >= 0).map((k) => Array.from({ length: k }, () => item)));
  }
  for (const key of ['anyOf', 'oneOf']) for (const branch of (schema[key] as unknown[] | undefined) ?? []) out.push(sampleOf(branch, resolve, 2));
  return out;
}

/** Values of every JSON type, null among them. */
const WRONG = [null, 'x', '', 0, -1, 1.5, true, {}, []];

function derivedPayloads(schema: unknown, resolve: Resolve): unknown[] {
  const base = sampleOf(schema, resolve);
  const out: unknown[] = [base, ...WRONG, ...edgeValues(schema, resolve)];
  /** Each property of each object in the base value, replaced, removed, and one extra property. */
  const vary = (value: unknown, raw: unknown, rebuild: (v: unknown) => unknown, depth: number): void => {
    if (depth > 3 || !isSchemaObject(value)) return;
    for (const [name, property] of propertiesOf(resolve(raw), resolve)) {
      const set = (v: unknown) => rebuild({ ...value, [name]: v });
      for (const v of [...WRONG, ...edgeValues(property, resolve)]) out.push(set(v));
      const { [name]: _, ...without } = value;
      out.push(rebuild(without));
      const inner = value[name];
      // Into an object property, or into the first item of an array property.
      if (Array.isArray(inner)) vary(inner[0], (resolve(property) as Schema | undefined)?.['items'], (v) => set([v]), depth + 1);
      else vary(inner, property, set, depth + 1);
    }
    out.push(rebuild({ ...value, zzExtra: 1 }));
  };
  vary(base, schema, (v) => v, 0);
  return out.filter((p) => p !== undefined);
}

// ---- tricky schemas ----

interface Case {
  readonly name: string;
  readonly version: '3.0.3' | '3.1.0';
  readonly schemas: Record<string, Schema>;
  /** The request body schema (usually a $ref to one of `schemas`). */
  readonly request: Schema | boolean;
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
    name: '3.0 nested and recursive references, with array lengths the imported model does not enforce',
    version: '3.0.3',
    schemas: {
      Tree: { type: 'object', required: ['value'], properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/components/schemas/Tree' }, maxItems: 3 } } },
      Forest: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
    },
    request: { $ref: '#/components/schemas/Forest' },
    payloads: [[], [{ value: 1 }], [{ value: 1, children: [{ value: 2, children: [{ value: 3 }] }] }], [{ value: 1, children: [{ value: 'x' }] }], [{ value: 1, children: [{ value: 1 }, { value: 1 }, { value: 1 }, { value: 1 }] }], [{}], {}],
    exact: false,
  },
  {
    name: '3.0 $ref siblings are ignored, by the spec and by the validator',
    version: '3.0.3',
    schemas: { Code: { type: 'string' }, Holder: { type: 'object', properties: { code: { $ref: '#/components/schemas/Code', maxLength: 2 } } } },
    request: { $ref: '#/components/schemas/Holder' },
    payloads: [{ code: 'ab' }, { code: 'abcdef' }, { code: 1 }],
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
    name: '3.0 discriminator: the spec picks the branch, the validator tries every one',
    version: '3.0.3',
    schemas: {
      Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind' } },
      Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
      Dog: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, barks: { type: 'boolean' } } },
    },
    request: { $ref: '#/components/schemas/Pet' },
    payloads: [{ kind: 'Cat' }, { kind: 'Dog' }, { kind: 'Cow' }, { kind: 'Cat', lives: 'x' }, { kind: 'Cat', barks: 'x' }],
    exact: false,
  },
  {
    name: '3.0 readOnly: required in responses only',
    version: '3.0.3',
    schemas: { Item: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } } },
    request: { $ref: '#/components/schemas/Item' },
    payloads: [{ name: 'a' }, { id: 'x', name: 'a' }, { id: 'x' }],
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
    name: '3.1 a boolean request schema',
    version: '3.1.0',
    schemas: {},
    request: false,
    payloads: [{}, null, 'x'],
    exact: true,
  },
  {
    name: '3.1 a type array beside an anyOf',
    version: '3.1.0',
    schemas: { Value: { type: 'object', properties: { v: { type: ['string', 'integer'], anyOf: [{ type: 'string', minLength: 3 }, { type: 'integer', minimum: 10 }] } } } },
    request: { $ref: '#/components/schemas/Value' },
    payloads: [{ v: 'a' }, { v: 'abc' }, { v: 1 }, { v: 11 }, { v: true }, { v: null }],
    exact: true,
  },
  {
    name: '3.1 null types, const with enum, anchors; properties named like keywords',
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
          example: { type: 'integer' },
          nullable: { type: 'boolean' },
          readOnly: { type: 'string', maxLength: 2 },
        },
        $defs: { Tag: { $anchor: 'tag', type: 'string', maxLength: 3 } },
      },
    },
    request: { $ref: '#/components/schemas/Misc' },
    payloads: [{ only: null }, { only: 'x' }, { only: 1 }, { none: null }, { none: 0 }, { at: null }, { at: '2024-01-01T00:00:00Z' }, { at: 1 }, { count: null }, { count: 0 }, { count: 1 }, { count: 'x' }, { pick: 'a' }, { pick: 'b' }, { clash: 'a' }, { clash: 'c' }, { tag: 'abc' }, { tag: 'abcd' }, { tag: 1 }, { example: 'x' }, { nullable: 1 }, { readOnly: 'abc' }],
    exact: true,
  },
];

// ---- compiling and comparing ----

interface Subject {
  readonly version: Version;
  /** The bundled original document, and where the request schema is in it. */
  readonly document: JsonObject;
  readonly at: string;
  /** The emitted Body, and the request schema's model in it. */
  readonly body: JsonObject;
  readonly modelSchema: unknown;
  readonly diagnostics: readonly Diagnostic[];
}

function compare(subject: Subject, payloads: readonly unknown[]): { differing: unknown[]; unexplained: string[] } {
  const { version, document, body } = subject;
  const components = (document['components'] ?? {}) as Schema;
  const schemas = (components['schemas'] ?? {}) as Record<string, unknown>;
  const own = throughRefs(document, subject.at);
  const original = version === '3.1'
    ? checker(version, own, schemas, subject.at)
    : checker(version, draft4View(own, [], openApi30Request), Object.fromEntries(Object.entries(schemas).map(([n, s]) => [n, draft4View(s, [], openApi30Request)])), subject.at);
  // The model's names back to the document's, so its refusals point into the document.
  const renamed = new Map([...modelNames(Object.keys(schemas))].map(([from, to]) => [to, from]));
  const modelSchemas = ((body['components'] as Schema | undefined)?.['schemas'] ?? {}) as Record<string, unknown>;
  const model = checker('3.0', draft4View(subject.modelSchema, IGNORED_BY_API_GATEWAY), Object.fromEntries(Object.entries(modelSchemas).map(([n, s]) => [n, draft4View(s, IGNORED_BY_API_GATEWAY)])), subject.at, renamed);
  const resolve = resolverOf(document);
  return unexplainedDifferences(original, model, [...payloads, ...derivedPayloads(own, resolve)], subject.diagnostics, document);
}

/**
 * What the document holds at a pointer of the Body, which writes out the `$ref`s to components other
 * than schemas (a request body given as `$ref: '#/components/requestBodies/NewPet'`): each step follows one.
 */
function throughRefs(document: JsonObject, pointer: string): unknown {
  let node: unknown = document;
  for (const token of splitPointer(pointer)) {
    node = followRefs(document, node);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  }
  return node;
}

async function compileSubjects(path: string): Promise<Subject[]> {
  const result = await compile(path);
  // A fixture that does not compile has no model (its golden diagnostics say why).
  if (!result.template) return [];
  const { loaded } = await loadDocument(path);
  const api = Object.values(result.template!.Resources).find((r) => r.Type === 'AWS::ApiGateway::RestApi');
  if (!api) return [];
  const body = api.Properties!['Body'] as JsonObject;
  // API Gateway imports OpenAPI 3.0 only: the Body must be valid 3.0.
  expect(structureDiagnostics(body, '3.0', (pointer) => ({ file: 'Body', pointer })).map((d) => d.message)).toEqual([]);
  const validators = (body['x-amazon-apigateway-request-validators'] ?? {}) as Record<string, { validateRequestBody?: boolean }>;
  const subjects: Subject[] = [];
  for (const [path, item] of Object.entries(body['paths'] as Record<string, Schema>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!isSchemaObject(operation)) continue;
      const validator = operation['x-amazon-apigateway-request-validator'] ?? body['x-amazon-apigateway-request-validator'];
      if (validators[validator as string]?.validateRequestBody !== true) continue;
      const content = ((operation['requestBody'] as Schema | undefined)?.['content'] ?? {}) as Record<string, Schema>;
      for (const [type, media] of Object.entries(content)) {
        if (!isSchemaObject(media['schema'])) continue;
        subjects.push({ version: loaded!.version, document: loaded!.document, at: childPointer('/paths', path, method, 'requestBody', 'content', type, 'schema'), body, modelSchema: media['schema'], diagnostics: result.diagnostics });
      }
    }
  }
  return subjects;
}

async function compileCase(c: Case): Promise<Subject> {
  const path = writeRequestSpec(c.version, c.schemas, c.request);
  const subjects = await compileSubjects(path);
  expect(subjects, 'the case compiles to one validated body').toHaveLength(1);
  return subjects[0]!;
}

describe('request models keep the meaning of the spec’s schemas', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { differing, unexplained } = compare(await compileCase(c), c.payloads);
      if (c.exact) expect(differing, 'payloads the model answers differently').toEqual([]);
      else expect(differing.length, 'this case documents a known difference').toBeGreaterThan(0);
      expect(unexplained).toEqual([]);
    });
  }
});

describe('every body-validated request schema of the fixtures', () => {
  const fixtures = fixtureCases().filter((f) => !f.base);
  it('there are some', async () => {
    const counts = await Promise.all(fixtures.map(async (f) => (await compileSubjects(f.input)).length));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      for (const subject of await compileSubjects(fixture.input)) expect(compare(subject, []).unexplained, subject.at).toEqual([]);
    });
  }
});

it('derived payloads reach into nested objects and arrays', () => {
  const schema = { type: 'object', properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'integer', maximum: 3 } } } } } };
  expect(derivedPayloads(schema, resolverOf({}))).toContainEqual({ a: [{ b: 4 }] });
});
