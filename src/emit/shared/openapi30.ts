/**
 * The Body API Gateway imports: OpenAPI 3.0 (it does not take 3.1), with model names it accepts.
 * 3.1 schemas are converted keyword by keyword to what keeps their meaning in 3.0; what 3.0 cannot say is
 * left out (the model reports each such keyword where it is written).
 */
import { isDeepStrictEqual } from 'node:util';
import { childPointer, unescapePointerToken } from '../../diagnostics/diagnostic.js';
import type { JsonObject } from '../../load/load-document.js';
import { modelNames } from '../../model/names.js';
import { documentSchemas, documentSchemaSlots, isSchemaObject, type SchemaObject, schemaSlots, subschemas } from '../../model/schema-walk.js';

const DROPPED = ['$schema', '$id', '$anchor', '$comment', 'if', 'then', 'else', 'prefixItems', 'patternProperties', 'propertyNames', 'dependentRequired', 'dependentSchemas', 'contains', 'minContains', 'maxContains', 'unevaluatedProperties', 'unevaluatedItems', 'contentEncoding', 'contentMediaType', 'contentSchema', 'examples', 'const', '$defs'];

/** Convert a bundled 3.1 document (in place) to 3.0.3. */
export function downConvert(body: JsonObject): void {
  body['openapi'] = '3.0.3';
  delete body['webhooks'];
  delete body['jsonSchemaDialect'];
  const info = body['info'] as Record<string, unknown> | undefined;
  if (info) {
    delete info['summary'];
    const license = info['license'] as Record<string, unknown> | undefined;
    if (license) delete license['identifier'];
  }
  const components = body['components'] as Record<string, unknown> | undefined;
  if (components) delete components['pathItems'];
  body['paths'] ??= {};
  for (const [, holder, key] of documentSchemaSlots(body)) holder[key] = schemaObject(holder[key]);
  const hoisted = hoistDefs(body);
  for (const [, schema] of documentSchemas(body)) convertSchema(schema, hoisted);
}

/**
 * `$defs` inside component schemas become components of their own: `Pet/$defs/Tag` → `PetTag`. Returns
 * where each moved schema's references now point, and where each `$anchor` (`#tag`) sits.
 */
function hoistDefs(body: JsonObject): Map<string, string> {
  const components = ((body['components'] ??= {}) as Record<string, unknown>);
  const schemas = ((components['schemas'] ??= {}) as Record<string, unknown>);
  const moved = new Map<string, string>();
  /** `pointer`: where the schema is in the 3.1 document; `at`: where it will be in the Body. */
  const visit = (schema: SchemaObject, pointer: string, at: string, prefix: string): void => {
    if (typeof schema['$anchor'] === 'string') moved.set(`#${schema['$anchor']}`, `#${at}`);
    const defs = schema['$defs'];
    if (isSchemaObject(defs)) {
      for (const [name, def] of Object.entries(defs)) {
        let target = `${prefix}${name}`;
        for (let n = 2; target in schemas; n += 1) target = `${prefix}${name}${n}`;
        schemas[target] = def;
        moved.set(`#${childPointer(pointer, '$defs', name)}`, `#/components/schemas/${target}`);
        if (isSchemaObject(def)) visit(def, childPointer(pointer, '$defs', name), childPointer('/components/schemas', target), target);
      }
    }
    for (const [tokens, child] of subschemas(schema)) if (tokens[0] !== '$defs') visit(child, childPointer(pointer, ...tokens), childPointer(at, ...tokens), prefix);
  };
  for (const [pointer, schema] of documentSchemas(body)) visit(schema, pointer, pointer, pointer.startsWith('/components/schemas/') ? pointer.split('/')[3]! : 'Model');
  return moved;
}

function convertSchema(schema: SchemaObject, moved: ReadonlyMap<string, string>): void {
  for (const [, holder, key] of schemaSlots(schema)) {
    const record = holder as Record<string | number, unknown>;
    // OpenAPI 3.0 keeps a boolean `additionalProperties`.
    if (key !== 'additionalProperties') record[key] = schemaObject(record[key]);
  }
  for (const [, child] of subschemas(schema)) convertSchema(child, moved);
  // Not a 3.1 keyword (3.1 ignores it), but 3.0 would read it.
  delete schema['nullable'];
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    schema['$ref'] = moved.get(ref) ?? ref;
    const siblings = Object.keys(schema).filter((k) => k !== '$ref' && k !== 'description' && k !== 'summary');
    if (siblings.length > 0) {
      // 3.0 ignores a $ref's siblings; allOf keeps both the reference and them.
      schema['allOf'] = [{ $ref: schema['$ref'] }, ...((schema['allOf'] as unknown[] | undefined) ?? [])];
      delete schema['$ref'];
    }
  }
  const mapping = isSchemaObject(schema['discriminator']) ? schema['discriminator']['mapping'] : undefined;
  if (isSchemaObject(mapping)) for (const [value, target] of Object.entries(mapping)) if (typeof target === 'string') mapping[value] = moved.get(target) ?? target;
  const type = schema['type'];
  const types = Array.isArray(type) ? (type as unknown[]) : typeof type === 'string' ? [type] : undefined;
  const valued = types?.filter((t) => t !== 'null') ?? [];
  const integers = valued.length > 0 && valued.every((t) => t === 'integer');
  const enums: unknown[][] = [];
  if (Array.isArray(schema['enum'])) enums.push(schema['enum']);
  if ('const' in schema) enums.push([schema['const']]);
  if (types !== undefined && types.includes('null')) {
    // Null is one more allowed value: draft 4 (API Gateway's validator) has no `nullable`, but takes `enum: [null]`.
    delete schema['type'];
    if (valued.length === 0) {
      schema['nullable'] = true;
      enums.push([null]);
    } else addAnyOf(schema, [...valued.map((t) => ({ type: t })), { nullable: true, enum: [null] }]);
  } else if (types !== undefined && valued.length !== 1) {
    delete schema['type'];
    addAnyOf(schema, valued.map((t) => ({ type: t })));
  } else if (types !== undefined) schema['type'] = valued[0];
  if (enums.length > 0) {
    // `enum` and `const` must both hold: the values they share.
    const allowed = enums.reduce((kept, list) => kept.filter((v) => list.some((w) => isDeepStrictEqual(v, w))));
    delete schema['enum'];
    if (allowed.length > 0) schema['enum'] = allowed;
    else schema['allOf'] = [...((schema['allOf'] as unknown[] | undefined) ?? []), { not: {} }];
  }
  if (Array.isArray(schema['examples']) && !('example' in schema)) schema['example'] = schema['examples'][0];
  for (const [keyword, bound, above] of [['exclusiveMinimum', 'minimum', true], ['exclusiveMaximum', 'maximum', false]] as const) {
    const value = schema[keyword];
    if (typeof value !== 'number') continue;
    delete schema[keyword];
    const inclusive = schema[bound];
    // For integers the strict bound is the next whole number: exact.
    const strict = integers ? (above ? Math.floor(value) + 1 : Math.ceil(value) - 1) : value;
    const tighter = typeof inclusive !== 'number' || (above ? strict >= inclusive : strict <= inclusive);
    if (!tighter) continue; // the inclusive bound already excludes the strict one
    schema[bound] = strict;
    if (!integers) schema[keyword] = true;
  }
  for (const keyword of DROPPED) delete schema[keyword];
}

/** OpenAPI 3.0 has no boolean schemas: `true` accepts anything, `false` nothing. */
function schemaObject(schema: unknown): unknown {
  return typeof schema === 'boolean' ? (schema ? {} : { not: {} }) : schema;
}

/** Add `anyOf` branches; an `anyOf` already there must hold as well, so both move into `allOf`. */
function addAnyOf(schema: SchemaObject, branches: SchemaObject[]): void {
  const existing = schema['anyOf'];
  if (Array.isArray(existing)) schema['allOf'] = [...((schema['allOf'] as unknown[] | undefined) ?? []), { anyOf: existing }];
  schema['anyOf'] = branches;
}

/** Rename component schemas API Gateway would refuse as model names, and every `$ref` to them. */
export function renameModels(body: JsonObject): void {
  const schemas = ((body['components'] as Record<string, unknown> | undefined)?.['schemas'] ?? {}) as Record<string, unknown>;
  const renamed = modelNames(Object.keys(schemas));
  if (renamed.size === 0) return;
  const components = body['components'] as Record<string, unknown>;
  components['schemas'] = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [renamed.get(name) ?? name, schema]));
  const renamedRef = (ref: string): string => {
    if (!ref.startsWith('#/components/schemas/')) return ref;
    const [name, ...rest] = ref.slice('#/components/schemas/'.length).split('/');
    const to = renamed.get(unescapePointerToken(decodeURIComponent(name!)));
    return to === undefined ? ref : ['#/components/schemas', to, ...rest].join('/');
  };
  const rewrite = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(rewrite);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record['$ref'] === 'string') record['$ref'] = renamedRef(record['$ref']);
      // A mapping value is a reference or a bare schema name.
      const mapping = isSchemaObject(record['discriminator']) ? record['discriminator']['mapping'] : undefined;
      if (isSchemaObject(mapping)) {
        for (const [value, target] of Object.entries(mapping)) if (typeof target === 'string') mapping[value] = renamed.get(target) ?? renamedRef(target);
      }
      Object.values(record).forEach(rewrite);
    }
  };
  rewrite(body);
}
