/**
 * The JSON Schemas of an OpenAPI document: where they are, and the schemas inside a schema. Shared by the
 * model's checks and the emitter's conversions, so both see the same set.
 */
import { childPointer, valueAtPointer } from '../diagnostics/diagnostic.js';

export type SchemaObject = Record<string, unknown>;

/** Keywords whose value is one schema. */
const ONE = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
];
/** Keywords whose value is a list of schemas. */
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value is a map of schemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

export function isSchemaObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a (2020-12) schema accepts every value: absent, `true` or `{}`. */
export function acceptsAnything(schema: unknown): boolean {
  return schema === undefined || schema === true || (isSchemaObject(schema) && Object.keys(schema).length === 0);
}

/** A place inside a schema that holds a schema: the pointer tokens that lead to it, the holder and its key. */
type SchemaSlot = [tokens: (string | number)[], holder: Record<string, unknown> | unknown[], key: string | number];

/** Each place directly inside `schema` that holds a schema, whether an object or a boolean (2020-12) one. */
export function schemaSlots(schema: SchemaObject): SchemaSlot[] {
  const out: SchemaSlot[] = [];
  for (const key of ONE) if (key in schema && !Array.isArray(schema[key])) out.push([[key], schema, key]);
  for (const key of LIST) {
    const list = schema[key];
    if (Array.isArray(list)) for (let i = 0; i < list.length; i += 1) out.push([[key, i], list, i]);
  }
  for (const key of MAP) {
    const map = schema[key];
    if (isSchemaObject(map)) for (const name of Object.keys(map)) out.push([[key, name], map, name]);
  }
  const items = schema['items'];
  if (Array.isArray(items)) for (let i = 0; i < items.length; i += 1) out.push([['items', i], items, i]);
  return out;
}

/** Each schema object directly inside `schema`, with the pointer tokens that lead to it. */
export function subschemas(schema: SchemaObject): [tokens: (string | number)[], child: SchemaObject][] {
  const out: [(string | number)[], SchemaObject][] = [];
  for (const [tokens, holder, key] of schemaSlots(schema)) {
    const child = (holder as Record<string | number, unknown>)[key];
    if (isSchemaObject(child)) out.push([tokens, child]);
  }
  return out;
}

/** Visit a schema and every schema inside it (not following `$ref`s), depth first. */
export function walkSchema(
  schema: SchemaObject,
  pointer: string,
  visit: (schema: SchemaObject, pointer: string) => void,
): void {
  visit(schema, pointer);
  for (const [tokens, child] of subschemas(schema)) walkSchema(child, childPointer(pointer, ...tokens), visit);
}

/** Where each `$anchor` of the document's schemas is: anchor name → JSON pointer. */
export function schemaAnchors(document: Record<string, unknown>): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const [pointer, schema] of documentSchemas(document)) {
    walkSchema(schema, pointer, (node, at) => {
      if (typeof node['$anchor'] === 'string') anchors.set(node['$anchor'], at);
    });
  }
  return anchors;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method'];

/** Every top-level schema of the document: components, parameters, request bodies, responses, headers. */
export function documentSchemas(document: Record<string, unknown>): [pointer: string, schema: SchemaObject][] {
  return documentSchemaSlots(document).flatMap(([pointer, holder, key]) =>
    isSchemaObject(holder[key]) ? [[pointer, holder[key]] as [string, SchemaObject]] : [],
  );
}

/** Every place of the document that holds a top-level schema (an object, or a 2020-12 boolean schema). */
export function documentSchemaSlots(
  document: Record<string, unknown>,
): [pointer: string, holder: Record<string, unknown>, key: string][] {
  const out: [string, Record<string, unknown>, string][] = [];
  const components = (document['components'] ?? {}) as Record<string, unknown>;
  const schemas = components['schemas'];
  if (isSchemaObject(schemas))
    for (const name of Object.keys(schemas)) out.push([childPointer('/components/schemas', name), schemas, name]);
  const content = (owner: unknown, pointer: string): void => {
    if (!isSchemaObject(owner)) return;
    if ('schema' in owner) out.push([childPointer(pointer, 'schema'), owner, 'schema']);
    for (const [type, media] of Object.entries((owner['content'] ?? {}) as Record<string, unknown>)) {
      if (isSchemaObject(media) && 'schema' in media)
        out.push([childPointer(pointer, 'content', type, 'schema'), media, 'schema']);
    }
  };
  for (const [kind, entries] of Object.entries(components)) {
    if (kind === 'schemas' || !isSchemaObject(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) content(entry, childPointer('/components', kind, name));
  }
  for (const [path, item] of Object.entries((document['paths'] ?? {}) as Record<string, unknown>)) {
    if (!isSchemaObject(item)) continue;
    const itemPointer = childPointer('/paths', path);
    const parameters = (list: unknown, pointer: string): void => {
      if (Array.isArray(list))
        list.forEach((p, i) => {
          content(p, childPointer(pointer, i));
        });
    };
    parameters(item['parameters'], childPointer(itemPointer, 'parameters'));
    for (const method of METHODS) {
      const operation = item[method];
      if (!isSchemaObject(operation)) continue;
      const at = childPointer(itemPointer, method);
      parameters(operation['parameters'], childPointer(at, 'parameters'));
      content(operation['requestBody'], childPointer(at, 'requestBody'));
      for (const [code, response] of Object.entries((operation['responses'] ?? {}) as Record<string, unknown>)) {
        content(response, childPointer(at, 'responses', code));
        if (isSchemaObject(response))
          for (const [name, header] of Object.entries((response['headers'] ?? {}) as Record<string, unknown>))
            content(header, childPointer(at, 'responses', code, 'headers', name));
      }
    }
  }
  return out;
}

/**
 * A `required` entry of one `allOf` part of a schema. `via`: the first `$ref` on the way to the part, when
 * there is one (the part is then shared: other schemas use it too).
 */
export interface ReadOnlyRequirement {
  readonly part: SchemaObject;
  readonly index: number;
  readonly pointer: string;
  readonly name: string;
  readonly via: SchemaObject | undefined;
}

/**
 * OpenAPI 3.0.3, Schema Object `readOnly`: "required will take effect on the response only". The schema
 * and its `allOf` branches (`$ref`s followed) apply to one value, so a `required` entry in any of them that
 * names a property readOnly in any of them is one.
 */
export function readOnlyRequirements(
  document: Record<string, unknown>,
  schema: SchemaObject,
  at: string,
): ReadOnlyRequirement[] {
  const target = (node: unknown): string | undefined => {
    const ref = isSchemaObject(node) ? node['$ref'] : undefined;
    return typeof ref === 'string' && ref.startsWith('#/') ? decodeURIComponent(ref.slice(1)) : undefined;
  };
  const parts = new Map<string, { part: SchemaObject; via: SchemaObject | undefined }>();
  const collect = (node: SchemaObject, pointer: string, via: SchemaObject | undefined): void => {
    if (parts.has(pointer)) return;
    parts.set(pointer, { part: node, via });
    const to = target(node);
    const resolved = to === undefined ? undefined : valueAtPointer(document, to);
    if (isSchemaObject(resolved)) collect(resolved, to!, via ?? node);
    const branches = node['allOf'];
    if (Array.isArray(branches))
      branches.forEach((branch, i) => {
        if (isSchemaObject(branch)) collect(branch, childPointer(pointer, 'allOf', i), via);
      });
  };
  collect(schema, at, undefined);
  const readOnly = new Set<string>();
  for (const { part } of parts.values()) {
    for (const [name, property] of Object.entries(isSchemaObject(part['properties']) ? part['properties'] : {})) {
      const to = target(property);
      const resolved = to === undefined ? property : valueAtPointer(document, to);
      if (
        (isSchemaObject(property) && property['readOnly'] === true) ||
        (isSchemaObject(resolved) && resolved['readOnly'] === true)
      )
        readOnly.add(name);
    }
  }
  const out: ReadOnlyRequirement[] = [];
  for (const [pointer, { part, via }] of parts) {
    const required = Array.isArray(part['required']) ? (part['required'] as unknown[]) : [];
    required.forEach((name, i) => {
      if (typeof name === 'string' && readOnly.has(name))
        out.push({ part, index: i, pointer: childPointer(pointer, 'required', i), name, via });
    });
  }
  return out;
}

/**
 * A 3.1 numeric exclusive bound in the 3.0 (draft 4) form the Body carries: for integers the strict bound
 * is the next whole number, an inclusive bound that is exact; otherwise the same value with the boolean
 * `exclusive…: true`. 'implied' when the inclusive bound beside it already excludes more; undefined when
 * the keyword holds no number.
 */
export function draftFourBound(
  schema: SchemaObject,
  keyword: 'exclusiveMinimum' | 'exclusiveMaximum',
  integers: boolean,
):
  | { readonly bound: 'minimum' | 'maximum'; readonly value: number; readonly exclusive: boolean }
  | 'implied'
  | undefined {
  const value = schema[keyword];
  if (typeof value !== 'number') return undefined;
  const above = keyword === 'exclusiveMinimum';
  const bound = above ? 'minimum' : 'maximum';
  const inclusive = schema[bound];
  const strict = integers ? (above ? Math.floor(value) + 1 : Math.ceil(value) - 1) : value;
  const tighter = typeof inclusive !== 'number' || (above ? strict >= inclusive : strict <= inclusive);
  return tighter ? { bound, value: strict, exclusive: !integers } : 'implied';
}

/** Whether a schema's `type` (one name or a list; `null` aside) admits integers only. */
export function integersOnly(type: unknown): boolean {
  const valued = (Array.isArray(type) ? type : type === undefined ? [] : [type]).filter((t) => t !== 'null');
  return valued.length > 0 && valued.every((t) => t === 'integer');
}
