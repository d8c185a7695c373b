/**
 * The proof that request models keep the spec's meaning, or accept more, never less: each request schema
 * validates a table of payloads with ajv against the original (its own dialect: OpenAPI 3.0 — draft 4 with
 * `nullable`, `$ref` siblings ignored, readOnly properties required in responses only, the discriminator
 * choosing the branch — or 2020-12 for 3.1) and against the model API Gateway builds from the emitted Body
 * (JSON Schema draft 4 without the keywords its validator ignores, `$ref` siblings ignored). A payload the
 * spec accepts and the model refuses always fails: a valid request would get a 400. A payload the spec
 * refuses and the model accepts needs a diagnostic at the refusing keyword, beside it in the same schema
 * object, or at a keyword that governs the schema it is in (such as a `prefixItems` its `items` depends on).
 *
 * Schemas: a set of tricky ones, and every body-validated request schema of every fixture. Payloads: the
 * hand-written ones of a case, plus payloads derived from the schema: a sample the spec accepts, then each
 * property null, wrong-typed, at and beyond its bounds, missing, and an extra property; and at the edges of
 * the keywords that work together (tuples shorter and longer than the prefix, names matching each pattern
 * or none, too few and too many `contains` matches, each dependant present or not, each `if` outcome).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import {
  childPointer,
  type Diagnostic,
  followRefs,
  splitPointer,
  valueAtPointer,
} from '../../src/diagnostics/diagnostic.js';
import { compile } from '../../src/index.js';
import type { JsonObject } from '../../src/load/load-document.js';
import { loadDocument } from '../../src/load/load-document.js';
import { structureDiagnostics } from '../../src/load/structure.js';
import { modelNames } from '../../src/model/names.js';
import { isSchemaObject, schemaAnchors, schemaSlots, walkSchema } from '../../src/model/schema-walk.js';
import { fixtureCases } from '../support/fixtures.js';
import { writeRequestSpec } from '../support/request-spec.js';

type Schema = Record<string, unknown>;
type Version = '3.0' | '3.1';

/** Keywords API Gateway's model validation does not apply (reference B.2), and OpenAPI annotations. */
const IGNORED_BY_API_GATEWAY = [
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'example',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'deprecated',
  'xml',
  'externalDocs',
];

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
 * only (Schema Object `readOnly`), wherever among the `allOf` parts of one value (which are copied in here,
 * so that a part others share is left alone) the two are written; and a discriminator picks the one branch
 * its tag names (by `mapping`, else by schema name) instead of trying each.
 */
function openApi30Request(document: JsonObject): (node: Schema) => void {
  const resolve = resolverOf(document);
  /** The node and its allOf branches, deep; `$ref`s followed, or (`inline`) not. */
  const parts = (node: Schema, inline: boolean, depth = 0): Schema[] => {
    const branches = ((node['allOf'] as unknown[] | undefined) ?? [])
      .map((b) => (inline ? b : resolve(b)))
      .filter(isSchemaObject);
    return [node, ...(depth > 8 ? [] : branches.flatMap((b) => parts(b, inline, depth + 1)))];
  };
  return (node) => {
    const readOnly = new Set(
      parts(node, false).flatMap((part) =>
        Object.entries((part['properties'] ?? {}) as Schema)
          .filter(([, p]) => (resolve(p) as Schema | undefined)?.['readOnly'] === true)
          .map(([name]) => name),
      ),
    );
    // A referenced part that requires one of them is copied in; the others stay references (and keep their places).
    const copyIn = (part: Schema, depth = 0): void => {
      if (depth > 8 || !Array.isArray(part['allOf'])) return;
      part['allOf'] = part['allOf'].map((branch) => {
        const target = isSchemaObject(branch) && '$ref' in branch ? resolve(branch) : undefined;
        const copy =
          isSchemaObject(target) &&
          parts(target, false).some((p) =>
            ((p['required'] as unknown[] | undefined) ?? []).some((n) => readOnly.has(n as string)),
          )
            ? structuredClone(target)
            : branch;
        if (isSchemaObject(copy)) copyIn(copy, depth + 1);
        return copy;
      });
    };
    copyIn(node);
    for (const part of parts(node, true)) {
      if (!Array.isArray(part['required'])) continue;
      part['required'] = part['required'].filter((name) => !readOnly.has(name as string));
      if ((part['required'] as unknown[]).length === 0) delete part['required'];
    }
    adjustDiscriminator(node);
  };
}

function adjustDiscriminator(node: Schema): void {
  const discriminator = node['discriminator'];
  const key = Array.isArray(node['oneOf']) ? 'oneOf' : 'anyOf';
  if (isSchemaObject(discriminator) && Array.isArray(node[key])) {
    const tag = discriminator['propertyName'] as string;
    const mapping = Object.entries((discriminator['mapping'] ?? {}) as Record<string, string>);
    node['anyOf'] = (node[key] as Schema[]).map((branch) => {
      const ref = branch['$ref'] as string;
      const names = mapping.filter(([, to]) => to === ref || to === ref.split('/').pop()).map(([name]) => name);
      return {
        allOf: [
          { required: [tag], properties: { [tag]: { enum: names.length > 0 ? names : [ref.split('/').pop()] } } },
          branch,
        ],
      };
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
function checker(
  version: Version,
  schema: unknown,
  schemas: Record<string, unknown>,
  at: string,
  names: ReadonlyMap<string, string> = new Map(),
): Check {
  const root = typeof schema === 'boolean' ? schema : { ...(schema as Schema), components: { schemas } };
  const options = { strict: false, allErrors: true, verbose: true } as const;
  const validate = (version === '3.1' ? new Ajv2020(options) : new AjvDraft04.default(options)).compile(root);
  const where = new Map<unknown, string>();
  const record = (node: Schema, pointer: string) =>
    walkSchema(node, pointer, (child, p) => void (where.has(child) || where.set(child, p)));
  for (const [name, component] of Object.entries(schemas))
    if (isSchemaObject(component)) record(component, childPointer('/components/schemas', names.get(name) ?? name));
  if (isSchemaObject(root)) record(root, at);
  // A boolean schema is no object to look up: its place is the path ajv took to it (to its keyword), from the root.
  const booleanAt = (path: string): string => {
    const pointer = decodeURIComponent(path.slice(1, path.lastIndexOf('/')));
    if (!pointer.startsWith('/components/schemas/')) return at + pointer;
    const [name, ...rest] = pointer.slice('/components/schemas/'.length).split('/');
    return ['/components/schemas', names.get(name!) ?? name, ...rest].join('/');
  };
  return (payload) => {
    const valid = validate(payload) as boolean;
    return {
      valid,
      keywords: valid
        ? []
        : (validate.errors ?? []).map((e) =>
            childPointer(
              typeof e.parentSchema === 'boolean' ? booleanAt(e.schemaPath) : (where.get(e.parentSchema) ?? '?'),
              e.keyword,
            ),
          ),
    };
  };
}

/**
 * What a 3.1 keyword the model cannot keep takes with it: the siblings whose meaning depends on it, and
 * which the model checks more loosely in its stead.
 */
const DEPENDANTS: Readonly<Record<string, readonly string[]>> = {
  prefixItems: ['items'],
  patternProperties: ['additionalProperties'],
  minContains: ['contains'],
};

/**
 * The schemas a diagnosed keyword governs, by pointer: the schemas inside it and inside its dependants,
 * and every schema they reach through `$ref`s (boolean schemas too).
 */
function governedBy(document: JsonObject, diagnostic: string): Set<string> {
  const resolve = resolverOf(document);
  const anchors = schemaAnchors(document);
  const out = new Set<string>();
  const visit = (node: unknown, pointer: string): void => {
    if (out.has(pointer)) return;
    out.add(pointer);
    if (!isSchemaObject(node)) return;
    const ref = node['$ref'];
    if (typeof ref === 'string' && isSchemaObject(resolve(node))) {
      const target = decodeURIComponent(ref);
      visit(resolve(node), target.startsWith('#/') ? target.slice(1) : (anchors.get(target.slice(1)) ?? '?'));
    }
    for (const [tokens, holder, key] of schemaSlots(node))
      visit((holder as Record<string | number, unknown>)[key], childPointer(pointer, ...tokens));
  };
  const at = diagnostic.slice(0, diagnostic.lastIndexOf('/'));
  const keyword = diagnostic.slice(at.length + 1);
  const schema = valueAtPointer(document, at);
  if (isSchemaObject(schema)) {
    for (const [tokens, holder, key] of schemaSlots(schema)) {
      if (tokens[0] === keyword || DEPENDANTS[keyword]?.includes(String(tokens[0])))
        visit((holder as Record<string | number, unknown>)[key], childPointer(at, ...tokens));
    }
  }
  return out;
}

/**
 * Whether a diagnostic at `diagnostic` speaks of the refusing keyword at `keyword`: it is that keyword, a
 * keyword beside it in the same schema object, or a keyword of a schema the diagnosed keyword governs,
 * such as one inside a dropped `patternProperties`. Never a whole schema.
 */
function explains(diagnostic: string, keyword: string, document: JsonObject): boolean {
  const parent = (p: string) => p.slice(0, p.lastIndexOf('/'));
  return (
    diagnostic === keyword ||
    parent(diagnostic) === parent(keyword) ||
    governedBy(document, diagnostic).has(parent(keyword))
  );
}

/** Payloads that tell an original and a model apart, and why each is not explained by a diagnostic. */
function unexplainedDifferences(
  original: Check,
  model: Check,
  payloads: readonly unknown[],
  diagnostics: readonly Diagnostic[],
  document: JsonObject,
): { differing: unknown[]; unexplained: string[] } {
  const pointers = diagnostics.filter((d) => d.code.startsWith('model-')).map((d) => d.location?.pointer ?? '');
  const differing: unknown[] = [];
  const unexplained: string[] = [];
  for (const payload of payloads) {
    const [a, b] = [original(payload), model(payload)];
    if (a.valid === b.valid) continue;
    differing.push(payload);
    // A model may accept more than the spec (a bad request reaches the backend, which checks it anyway), never less.
    if (a.valid)
      unexplained.push(
        `${JSON.stringify(payload)}: the spec accepts it, but the model refuses it at ${b.keywords.join(', ')}: a valid request would get a 400`,
      );
    else if (!a.keywords.some((k) => pointers.some((p) => explains(p, k, document)))) {
      unexplained.push(
        `${JSON.stringify(payload)}: the spec refuses it at ${a.keywords.join(', ')} and the model accepts it, but no diagnostic is there (diagnostics at ${pointers.join(', ') || 'none'})`,
      );
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
      node = valueAtPointer(document, ref.startsWith('#/') ? ref.slice(1) : (anchors.get(ref.slice(1)) ?? '/none'));
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
    for (const branch of (schema[key] as unknown[] | undefined) ?? [])
      for (const [name, property] of propertiesOf(resolve(branch), resolve, depth + 1))
        if (!out.has(name)) out.set(name, property);
  }
  return out;
}

/** With a discriminator, the sample's tag names the first branch: by its mapping key, else its schema name. */
function tagged(schema: Schema, sample: unknown): unknown {
  const discriminator = schema['discriminator'] as Schema | undefined;
  const first = ((schema['oneOf'] ?? schema['anyOf']) as Schema[] | undefined)?.[0]?.['$ref'];
  if (!isSchemaObject(sample) || !discriminator || typeof first !== 'string') return sample;
  const mapped = Object.entries((discriminator['mapping'] ?? {}) as Record<string, string>).find(
    ([, to]) => to === first || to === first.split('/').pop(),
  );
  return { ...sample, [discriminator['propertyName'] as string]: mapped?.[0] ?? first.split('/').pop() };
}

/** A value the schema probably accepts: its example, its first enum value, or one built from its keywords. */
function sampleOf(raw: unknown, resolve: Resolve, depth = 0): unknown {
  const schema = resolve(raw);
  if (!isSchemaObject(schema)) return schema === false ? undefined : 'x';
  if ('example' in schema) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  const branches = (['allOf', 'anyOf', 'oneOf'] as const).flatMap((k) =>
    ((schema[k] as unknown[] | undefined) ?? []).slice(0, k === 'allOf' ? undefined : 1),
  );
  const types = ([] as unknown[]).concat(schema['type'] ?? []).filter((t) => t !== 'null');
  const type =
    types[0] ??
    (propertiesOf(schema, resolve).size > 0
      ? 'object'
      : ['items', 'prefixItems', 'contains'].some((k) => k in schema)
        ? 'array'
        : undefined);
  if (type === undefined && branches.length > 0) {
    // Object samples of the branches merged; otherwise the first branch's sample.
    const samples = branches.map((b) => sampleOf(b, resolve, depth + 1));
    return tagged(
      schema,
      isSchemaObject(samples[0]) ? Object.assign({}, ...samples.filter(isSchemaObject)) : samples[0],
    );
  }
  switch (type) {
    case 'object': {
      if (depth > 3) return {};
      const value: Record<string, unknown> = {};
      for (const [name, property] of propertiesOf(schema, resolve)) {
        const sample = sampleOf(property, resolve, depth + 1);
        if (sample !== undefined) value[name] = sample;
      }
      return tagged(schema, value);
    }
    case 'array':
      if (depth > 3) return [];
      if (Array.isArray(schema['prefixItems']))
        return schema['prefixItems'].map((item) => sampleOf(item, resolve, depth + 1));
      if ('contains' in schema)
        return Array.from({ length: Math.max(1, Number(schema['minContains'] ?? 1)) }, () =>
          sampleOf(schema['contains'], resolve, depth + 1),
        );
      return Array.from({ length: Math.max(1, Number(schema['minItems'] ?? 1)) }, () =>
        sampleOf(schema['items'], resolve, depth + 1),
      );
    case 'integer':
    case 'number': {
      const low =
        typeof schema['minimum'] === 'number'
          ? schema['minimum'] + 1
          : typeof schema['exclusiveMinimum'] === 'number'
            ? schema['exclusiveMinimum'] + 1
            : 1;
      return typeof schema['maximum'] === 'number' && low > schema['maximum'] ? schema['maximum'] : low;
    }
    case 'boolean':
      return true;
    case 'string':
      return schema['format'] === 'date-time'
        ? '2024-01-01T00:00:00Z'
        : 'a'.repeat(Math.max(3, Number(schema['minLength'] ?? 0)));
    default:
      return 'x';
  }
}

/** Values around a schema's own keywords: its bounds and lengths, just inside and just beyond, and its enum. */
function edgeValues(raw: unknown, resolve: Resolve): unknown[] {
  const schema = resolve(raw);
  if (!isSchemaObject(schema)) return [];
  const out: unknown[] = [
    ...((schema['enum'] as unknown[] | undefined) ?? []),
    ...('const' in schema ? [schema['const']] : []),
  ];
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
    if (typeof n === 'number')
      out.push(...[n - 1, n, n + 1].filter((k) => k >= 0).map((k) => Array.from({ length: k }, () => item)));
  }
  for (const key of ['anyOf', 'oneOf'])
    for (const branch of (schema[key] as unknown[] | undefined) ?? []) out.push(sampleOf(branch, resolve, 2));
  return [...out, ...keywordBoundaries(schema, resolve)];
}

/** A few property names: one that matches `pattern` (from its literal start) first, when one does. */
function namesFor(pattern: string): string[] {
  const literal = /^\^?([\w-]*)/.exec(pattern)?.[1] ?? '';
  const names = [`${literal}a`, literal, 'a', 'x-a', 'A1', '1', 'a_b', 'abcdefgh', ''];
  const matches = (name: string) => {
    try {
      return new RegExp(pattern, 'u').test(name);
    } catch {
      return false;
    }
  };
  return [...names.filter(matches), ...names.filter((n) => !matches(n))];
}

/**
 * Values at the edges of the keywords that work together: tuples shorter and longer than `prefixItems`
 * and with items out of place; names matching and not matching each pattern; arrays with fewer and more
 * matches than `contains` wants; objects with and without each dependent property; each `if` outcome.
 */
function keywordBoundaries(schema: Schema, resolve: Resolve): unknown[] {
  const out: unknown[] = [];
  const base = sampleOf(schema, resolve, 2);
  const object = isSchemaObject(base) ? base : {};
  const sample = (raw: unknown) => sampleOf(raw, resolve, 2) ?? 'x';
  const prefix = schema['prefixItems'];
  if (Array.isArray(prefix)) {
    const tuple = prefix.map(sample);
    for (let n = 0; n <= tuple.length; n += 1) out.push(tuple.slice(0, n));
    out.push([...tuple, sample(schema['items'])], [...tuple, ...tuple], [...tuple].reverse());
    for (let i = 0; i < tuple.length; i += 1) for (const w of WRONG) out.push(tuple.map((t, j) => (i === j ? w : t)));
  }
  for (const [pattern, raw] of Object.entries((schema['patternProperties'] ?? {}) as Schema)) {
    for (const name of namesFor(pattern).slice(0, 3))
      for (const v of [sample(raw), ...WRONG]) out.push({ ...object, [name]: v });
  }
  if ('additionalProperties' in schema || 'unevaluatedProperties' in schema) {
    for (const v of [sample(schema['additionalProperties'] ?? schema['unevaluatedProperties']), ...WRONG])
      out.push({ ...object, zzExtra: v });
  }
  if ('propertyNames' in schema)
    for (const name of namesFor(String((resolve(schema['propertyNames']) as Schema | undefined)?.['pattern'] ?? '')))
      out.push({ ...object, [name]: 1 });
  if ('contains' in schema || 'unevaluatedItems' in schema) {
    const match = sample(schema['contains']);
    const counts = [
      0,
      1,
      2,
      3,
      ...['minContains', 'maxContains'].flatMap((k) =>
        typeof schema[k] === 'number' ? [schema[k] - 1, schema[k], schema[k] + 1] : [],
      ),
    ];
    for (const n of new Set(counts.filter((n) => n >= 0)))
      out.push(
        Array.from({ length: n }, () => match),
        [...WRONG, ...Array.from({ length: n }, () => match)],
      );
  }
  for (const key of ['dependentRequired', 'dependentSchemas']) {
    for (const [name, dependant] of Object.entries((schema[key] ?? {}) as Schema)) {
      const { [name]: _, ...without } = object;
      const value = sample(((schema['properties'] ?? {}) as Schema)[name]);
      out.push({ ...without, [name]: value });
      if (Array.isArray(dependant))
        out.push({ ...without, [name]: value, ...Object.fromEntries(dependant.map((d) => [d, 'x'])) });
      else out.push({ ...without, ...(sample(dependant) as object), [name]: value });
    }
  }
  if ('if' in schema) {
    const [condition, then, otherwise] = [sample(schema['if']), sample(schema['then']), sample(schema['else'])];
    out.push(condition, then, otherwise);
    for (const [a, b] of [
      [condition, then],
      [condition, otherwise],
      [object, then],
      [object, otherwise],
    ])
      if (isSchemaObject(a) && isSchemaObject(b)) out.push({ ...a, ...b });
  }
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
      if (Array.isArray(inner))
        vary(inner[0], (resolve(property) as Schema | undefined)?.['items'], (v) => set([v]), depth + 1);
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
      Circle: {
        type: 'object',
        required: ['radius'],
        properties: { radius: { type: 'number', minimum: 0 } },
        additionalProperties: false,
      },
      Square: {
        type: 'object',
        required: ['side'],
        properties: { side: { type: 'integer' }, color: { type: 'string', enum: ['red', 'blue'] } },
        additionalProperties: false,
      },
      Named: {
        allOf: [
          { type: 'object', required: ['name'] },
          { properties: { name: { type: 'string', pattern: '^[A-Z][a-z]+$' } } },
        ],
      },
      Either: {
        anyOf: [
          { type: 'string', maxLength: 3 },
          { type: 'integer', multipleOf: 5 },
        ],
      },
    },
    request: {
      type: 'object',
      properties: {
        shape: { $ref: '#/components/schemas/Shape' },
        who: { $ref: '#/components/schemas/Named' },
        code: { $ref: '#/components/schemas/Either' },
      },
    },
    payloads: [
      {},
      { shape: { radius: 2 } },
      { shape: { side: 2, color: 'red' } },
      { shape: { side: 2, color: 'green' } },
      { shape: { radius: -1 } },
      { shape: { radius: 1, side: 1 } },
      { who: { name: 'Ada' } },
      { who: { name: 'ada' } },
      { who: {} },
      { code: 'abc' },
      { code: 'abcd' },
      { code: 10 },
      { code: 11 },
      { code: true },
    ],
    exact: true,
  },
  {
    name: '3.0 nested and recursive references, with array lengths the imported model does not enforce',
    version: '3.0.3',
    schemas: {
      Tree: {
        type: 'object',
        required: ['value'],
        properties: {
          value: { type: 'integer' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Tree' }, maxItems: 3 },
        },
      },
      Forest: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
    },
    request: { $ref: '#/components/schemas/Forest' },
    payloads: [
      [],
      [{ value: 1 }],
      [{ value: 1, children: [{ value: 2, children: [{ value: 3 }] }] }],
      [{ value: 1, children: [{ value: 'x' }] }],
      [{ value: 1, children: [{ value: 1 }, { value: 1 }, { value: 1 }, { value: 1 }] }],
      [{}],
      {},
    ],
    exact: false,
  },
  {
    name: '3.0 $ref siblings are ignored, by the spec and by the validator',
    version: '3.0.3',
    schemas: {
      Code: { type: 'string' },
      Holder: { type: 'object', properties: { code: { $ref: '#/components/schemas/Code', maxLength: 2 } } },
    },
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
    exact: true,
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
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind' },
      },
      Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
      Dog: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, barks: { type: 'boolean' } } },
    },
    request: { $ref: '#/components/schemas/Pet' },
    payloads: [
      { kind: 'Cat' },
      { kind: 'Dog' },
      { kind: 'Cow' },
      { kind: 'Cat', lives: 'x' },
      { kind: 'Cat', barks: 'x' },
    ],
    exact: false,
  },
  {
    name: '3.0 readOnly: required in responses only',
    version: '3.0.3',
    schemas: {
      Item: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } },
      },
    },
    request: { $ref: '#/components/schemas/Item' },
    payloads: [{ name: 'a' }, { id: 'x', name: 'a' }, { id: 'x' }],
    exact: true,
  },
  {
    name: '3.0 readOnly and required in different allOf parts, one of them shared',
    version: '3.0.3',
    schemas: {
      Named: { type: 'object', required: ['id', 'name'], properties: { name: { type: 'string' } } },
      Account: {
        allOf: [
          { $ref: '#/components/schemas/Alias' },
          {
            type: 'object',
            required: ['created'],
            properties: { id: { type: 'string', readOnly: true }, created: { type: 'string', readOnly: true } },
          },
        ],
      },
      Alias: { $ref: '#/components/schemas/Named' },
      Holder: {
        type: 'object',
        properties: {
          account: { $ref: '#/components/schemas/Account' },
          named: { $ref: '#/components/schemas/Named' },
        },
      },
    },
    request: { $ref: '#/components/schemas/Holder' },
    payloads: [
      { account: { name: 'a' } },
      { account: {} },
      { account: { name: 'a', id: 'x', created: 'y' } },
      { named: { name: 'a' } },
      { named: { name: 'a', id: 'x' } },
    ],
    exact: true,
  },
  {
    name: '3.0 what the validator ignores, inside not and oneOf: checking less there would refuse more',
    version: '3.0.3',
    schemas: {
      Short: { type: 'array', not: { minItems: 3 } },
      Split: {
        oneOf: [
          { type: 'array', maxItems: 2 },
          { type: 'array', minItems: 3 },
        ],
      },
      Positive: { $ref: '#/components/schemas/Bound' },
      Bound: { type: 'number', minimum: 0, exclusiveMinimum: true },
      Holder: {
        type: 'object',
        properties: {
          short: { $ref: '#/components/schemas/Short' },
          split: { $ref: '#/components/schemas/Split' },
          sign: { not: { $ref: '#/components/schemas/Positive' } },
          twice: { not: { not: { type: 'string', minLength: 2 } } },
        },
      },
    },
    request: { $ref: '#/components/schemas/Holder' },
    payloads: [
      { short: [] },
      { short: [1, 2] },
      { short: [1, 2, 3] },
      { split: [1] },
      { split: [1, 2, 3] },
      { sign: 0 },
      { sign: -1 },
      { sign: 1 },
      { twice: 'ab' },
      { twice: 'a' },
      { twice: 1 },
    ],
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
    payloads: [
      { kind: 'click' },
      { kind: 'tap' },
      {},
      { kind: 'click', value: 'a' },
      { kind: 'click', value: 3 },
      { kind: 'click', value: 2.5 },
      { kind: 'click', value: null },
      { kind: 'click', count: 0 },
      { kind: 'click', count: 1 },
      { kind: 'click', count: 9 },
      { kind: 'click', count: 10 },
      { kind: 'click', tags: ['ok'] },
      { kind: 'click', tags: ['Bad'] },
      { kind: 'click', source: 'ab' },
      { kind: 'click', source: 'a' },
      { kind: 'click', source: 'abcdef' },
    ],
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
      Bag: {
        type: 'object',
        patternProperties: { '^n-': { type: 'number' } },
        properties: {
          pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
          ratio: { type: 'number', exclusiveMinimum: 0 },
        },
      },
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
    payloads: [
      { i: 1 },
      { i: 9 },
      { i: 10 },
      { j: 4 },
      { j: 50 },
      { j: 3 },
      { k: 5 },
      { k: 6 },
      { n: 3 },
      { n: 4 },
      { n: 5 },
      { m: 5 },
      { m: 6 },
    ],
    exact: true,
  },
  {
    name: '3.1 boolean schemas',
    version: '3.1.0',
    schemas: {
      Flags: {
        type: 'object',
        properties: { legacy: false, anything: true, list: { type: 'array', items: false }, never: { not: true } },
        additionalProperties: true,
      },
    },
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
    schemas: {
      Value: {
        type: 'object',
        properties: {
          v: {
            type: ['string', 'integer'],
            anyOf: [
              { type: 'string', minLength: 3 },
              { type: 'integer', minimum: 10 },
            ],
          },
        },
      },
    },
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
    payloads: [
      { only: null },
      { only: 'x' },
      { only: 1 },
      { none: null },
      { none: 0 },
      { at: null },
      { at: '2024-01-01T00:00:00Z' },
      { at: 1 },
      { count: null },
      { count: 0 },
      { count: 1 },
      { count: 'x' },
      { pick: 'a' },
      { pick: 'b' },
      { clash: 'a' },
      { clash: 'c' },
      { tag: 'abc' },
      { tag: 'abcd' },
      { tag: 1 },
      { example: 'x' },
      { nullable: 1 },
      { readOnly: 'abc' },
    ],
    exact: true,
  },
  {
    name: '3.1 prefixItems with items: false',
    version: '3.1.0',
    schemas: { Pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false } },
    request: { $ref: '#/components/schemas/Pair' },
    payloads: [[], ['a'], ['a', 1], ['a', 1, 2], [1, 'a'], ['a', 'b'], [true]],
    exact: false,
  },
  {
    name: '3.1 patternProperties beside additionalProperties: false',
    version: '3.1.0',
    schemas: {
      Headers: { type: 'object', patternProperties: { '^x-': { type: 'integer' } }, additionalProperties: false },
    },
    request: { $ref: '#/components/schemas/Headers' },
    payloads: [{}, { 'x-a': 1 }, { 'x-a': 'a' }, { b: 1 }, { b: 'a' }],
    exact: false,
  },
  {
    name: '3.1 prefixItems with a schema for the items after them',
    version: '3.1.0',
    schemas: {
      Row: {
        type: 'array',
        prefixItems: [{ type: 'string' }, { $ref: '#/components/schemas/Flag' }],
        items: { type: 'integer', maximum: 9 },
      },
      Flag: { type: 'boolean' },
    },
    request: { $ref: '#/components/schemas/Row' },
    payloads: [
      [],
      ['a'],
      ['a', true],
      ['a', true, 1],
      ['a', true, 10],
      ['a', true, 'b'],
      ['a', 1],
      [true, 'a'],
      ['a', true, true],
    ],
    exact: false,
  },
  {
    name: '3.1 prefixItems alone, and a prefix that accepts anything',
    version: '3.1.0',
    schemas: {
      Lists: {
        type: 'object',
        properties: {
          open: { type: 'array', prefixItems: [{ type: 'integer' }] },
          any: { type: 'array', prefixItems: [true], items: false },
          none: { type: 'array', prefixItems: [false, { type: 'string' }], items: false },
        },
      },
    },
    request: { $ref: '#/components/schemas/Lists' },
    payloads: [
      { open: [1] },
      { open: ['a', 'b'] },
      { any: [1] },
      { any: [1, 2] },
      { none: [] },
      { none: [1] },
      { none: ['a'] },
    ],
    exact: false,
  },
  {
    name: '3.1 patternProperties beside properties and an additionalProperties schema',
    version: '3.1.0',
    schemas: {
      Labels: {
        type: 'object',
        properties: { id: { type: 'string' }, 'n-count': { type: 'integer' } },
        patternProperties: { '^n-': { type: 'number' }, '^s-': { type: 'string', maxLength: 3 } },
        additionalProperties: { type: 'boolean' },
      },
    },
    request: { $ref: '#/components/schemas/Labels' },
    payloads: [
      { id: 'a' },
      { 'n-a': 1.5 },
      { 'n-a': 'x' },
      { 's-a': 'abc' },
      { 's-a': 'abcd' },
      { 's-a': 1 },
      { other: true },
      { other: 1 },
      { other: 'x' },
      { 'n-count': 1.5 },
      { 'n-count': 2 },
    ],
    exact: false,
  },
  {
    name: '3.1 unevaluatedProperties and unevaluatedItems',
    version: '3.1.0',
    schemas: {
      Closed: {
        allOf: [{ properties: { a: { type: 'string' } } }],
        properties: { b: { type: 'integer' } },
        unevaluatedProperties: false,
      },
      Tuple: { type: 'array', prefixItems: [{ type: 'string' }], unevaluatedItems: { type: 'integer' } },
      Both: {
        type: 'object',
        properties: { closed: { $ref: '#/components/schemas/Closed' }, tuple: { $ref: '#/components/schemas/Tuple' } },
      },
    },
    request: { $ref: '#/components/schemas/Both' },
    payloads: [
      { closed: { a: 'x', b: 1 } },
      { closed: { c: 1 } },
      { closed: { a: 1 } },
      { tuple: ['a'] },
      { tuple: ['a', 1] },
      { tuple: ['a', 'b'] },
      { tuple: [1] },
    ],
    exact: false,
  },
  {
    name: '3.1 contains alone converts exactly',
    version: '3.1.0',
    schemas: {
      Bag: {
        type: 'object',
        properties: {
          some: { type: 'array', contains: { type: 'integer', minimum: 10 } },
          any: { type: 'array', contains: true },
          free: { type: 'array', contains: { type: 'string' }, minContains: 0 },
        },
      },
    },
    request: { $ref: '#/components/schemas/Bag' },
    payloads: [
      { some: [] },
      { some: [1] },
      { some: [1, 10] },
      { some: ['a'] },
      { any: [] },
      { any: [1] },
      { free: [] },
      { free: [1] },
      { some: 'x' },
    ],
    exact: true,
  },
  {
    name: '3.1 minContains and maxContains',
    version: '3.1.0',
    schemas: {
      Counts: { type: 'array', contains: { type: 'integer' }, minContains: 2, maxContains: 3 },
      Capped: { type: 'array', contains: { type: 'integer' }, minContains: 0, maxContains: 1 },
    },
    request: {
      type: 'object',
      properties: { counts: { $ref: '#/components/schemas/Counts' }, capped: { $ref: '#/components/schemas/Capped' } },
    },
    payloads: [
      { counts: [] },
      { counts: [1] },
      { counts: [1, 2] },
      { counts: [1, 2, 3, 4] },
      { counts: ['a', 1, 2] },
      { capped: [] },
      { capped: [1] },
      { capped: [1, 2] },
    ],
    exact: false,
  },
  {
    name: '3.1 if/then/else, dependentRequired and dependentSchemas convert exactly',
    version: '3.1.0',
    schemas: {
      Order: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          card: { type: 'string' },
          iban: { type: 'string' },
          cvc: { type: 'string' },
          gift: { type: 'boolean' },
          note: { type: 'string' },
        },
        if: { properties: { kind: { const: 'card' } }, required: ['kind'] },
        then: { required: ['card'] },
        else: { required: ['iban'] },
        dependentRequired: { card: ['cvc'], none: [] },
        dependentSchemas: { gift: { required: ['note'], properties: { note: { maxLength: 5 } } }, free: true },
      },
      OnlyThen: { if: { type: 'integer' }, then: { minimum: 0 } },
      OnlyElse: { if: { type: 'integer' }, else: { type: 'string' } },
      Stray: { then: { type: 'integer' }, else: false, dependentRequired: {} },
    },
    request: {
      type: 'object',
      properties: {
        order: { $ref: '#/components/schemas/Order' },
        then: { $ref: '#/components/schemas/OnlyThen' },
        else: { $ref: '#/components/schemas/OnlyElse' },
        stray: { $ref: '#/components/schemas/Stray' },
      },
    },
    payloads: [
      { order: { kind: 'card', card: '1', cvc: '1' } },
      { order: { kind: 'card', card: '1' } },
      { order: { kind: 'card' } },
      { order: { kind: 'wire', iban: 'x' } },
      { order: { kind: 'wire' } },
      { order: { iban: 'x' } },
      { order: { iban: 'x', gift: true } },
      { order: { iban: 'x', gift: true, note: 'hi' } },
      { order: { iban: 'x', gift: true, note: 'too long' } },
      { order: 'x' },
      { then: -1 },
      { then: 1 },
      { then: 'a' },
      { else: 1 },
      { else: 'a' },
      { else: true },
      { stray: 'x' },
    ],
    exact: true,
  },
  {
    name: '3.1 propertyNames',
    version: '3.1.0',
    schemas: {
      Map: { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: { type: 'integer' } },
    },
    request: { $ref: '#/components/schemas/Map' },
    payloads: [{ a: 1 }, { A: 1 }, { a: 'x' }],
    exact: false,
  },
  {
    name: '3.1 keywords the model checks less of, inside not, oneOf and if',
    version: '3.1.0',
    schemas: {
      Tuple: { type: 'array', prefixItems: [{ type: 'string' }], items: false },
      Holder: {
        type: 'object',
        properties: {
          notTuple: { type: 'array', not: { $ref: '#/components/schemas/Tuple' } },
          either: {
            oneOf: [
              { type: 'object', propertyNames: { maxLength: 2 } },
              { type: 'object', required: ['long'] },
            ],
          },
          cond: {
            type: 'object',
            if: { propertyNames: { maxLength: 2 } },
            then: { required: ['a'] },
            else: { required: ['bbb'] },
          },
          exact: { type: 'object', if: { required: ['a'] }, then: { required: ['b'] } },
        },
      },
    },
    request: { $ref: '#/components/schemas/Holder' },
    payloads: [
      { notTuple: ['a'] },
      { notTuple: [1] },
      { notTuple: ['a', 'b'] },
      { either: { a: 1 } },
      { either: { long: 1 } },
      { either: { ab: 1, long: 1 } },
      { cond: { a: 1 } },
      { cond: { bbb: 1 } },
      { cond: {} },
      { cond: { a: 1, ccc: 1 } },
      { exact: { a: 1 } },
      { exact: { a: 1, b: 1 } },
    ],
    exact: false,
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

function compare(
  subject: Subject,
  payloads: readonly unknown[],
): { differing: unknown[]; unexplained: string[]; sampleValid: boolean } {
  const { version, document, body } = subject;
  const components = (document['components'] ?? {}) as Schema;
  const schemas = (components['schemas'] ?? {}) as Record<string, unknown>;
  const own = throughRefs(document, subject.at);
  const original =
    version === '3.1'
      ? checker(version, own, schemas, subject.at)
      : checker(
          version,
          draft4View(own, [], openApi30Request(document)),
          Object.fromEntries(
            Object.entries(schemas).map(([n, s]) => [n, draft4View(s, [], openApi30Request(document))]),
          ),
          subject.at,
        );
  // The model's names back to the document's, so its refusals point into the document.
  const renamed = new Map([...modelNames(Object.keys(schemas))].map(([from, to]) => [to, from]));
  const modelSchemas = ((body['components'] as Schema | undefined)?.['schemas'] ?? {}) as Record<string, unknown>;
  const model = checker(
    '3.0',
    draft4View(subject.modelSchema, IGNORED_BY_API_GATEWAY),
    Object.fromEntries(Object.entries(modelSchemas).map(([n, s]) => [n, draft4View(s, IGNORED_BY_API_GATEWAY)])),
    subject.at,
    renamed,
  );
  const derived = derivedPayloads(own, resolverOf(document));
  // The derived payloads vary a sample the spec accepts, so they test the model on valid requests too.
  return {
    ...unexplainedDifferences(original, model, [...payloads, ...derived], subject.diagnostics, document),
    sampleValid: original(derived[0]).valid,
  };
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
  const validators = (body['x-amazon-apigateway-request-validators'] ?? {}) as Record<
    string,
    { validateRequestBody?: boolean }
  >;
  const subjects: Subject[] = [];
  for (const [path, item] of Object.entries(body['paths'] as Record<string, Schema>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!isSchemaObject(operation)) continue;
      const validator =
        operation['x-amazon-apigateway-request-validator'] ?? body['x-amazon-apigateway-request-validator'];
      if (validators[validator as string]?.validateRequestBody !== true) continue;
      const content = ((operation['requestBody'] as Schema | undefined)?.['content'] ?? {}) as Record<string, Schema>;
      for (const [type, media] of Object.entries(content)) {
        if (!isSchemaObject(media['schema'])) continue;
        subjects.push({
          version: loaded!.version,
          document: loaded!.document,
          at: childPointer('/paths', path, method, 'requestBody', 'content', type, 'schema'),
          body,
          modelSchema: media['schema'],
          diagnostics: result.diagnostics,
        });
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
      for (const subject of await compileSubjects(fixture.input)) {
        const { unexplained, sampleValid } = compare(subject, []);
        expect(unexplained, subject.at).toEqual([]);
        expect(sampleValid, `${subject.at}: the derived sample is a request the spec accepts`).toBe(true);
      }
    });
  }
});

it('derived payloads reach into nested objects and arrays', () => {
  const schema = {
    type: 'object',
    properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'integer', maximum: 3 } } } } },
  };
  expect(derivedPayloads(schema, resolverOf({}))).toContainEqual({ a: [{ b: 4 }] });
});

it('derived payloads reach past a prefix, into each pattern and around each dependant', () => {
  const resolve = resolverOf({});
  const tuple = derivedPayloads(
    { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
    resolve,
  );
  expect(tuple).toEqual(expect.arrayContaining([[], ['aaa'], ['aaa', 1], ['aaa', 1, 'x'], [1, 'aaa']]));
  const object = derivedPayloads(
    {
      type: 'object',
      patternProperties: { '^x-': { type: 'integer' } },
      dependentRequired: { a: ['b'] },
      additionalProperties: false,
    },
    resolve,
  );
  expect(object).toEqual(
    expect.arrayContaining([{ 'x-a': 1 }, { 'x-a': 'x' }, { a: 'x' }, { a: 'x', b: 'x' }, { zzExtra: 1 }]),
  );
});
