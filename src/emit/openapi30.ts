/**
 * The Body API Gateway imports: OpenAPI 3.0 (it does not take 3.1), with model names it accepts.
 * 3.1 schemas are converted keyword by keyword to what keeps their meaning in 3.0; what 3.0 cannot say is
 * left out (the model reports each such keyword where it is written).
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import type { JsonObject } from '../load/load-document.js';
import { modelNames } from '../model/names.js';
import { documentSchemas, isSchemaObject, type SchemaObject, subschemas } from '../model/schema-walk.js';

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
  const hoisted = hoistDefs(body);
  for (const [, schema] of documentSchemas(body)) convertSchema(schema, hoisted);
}

/** `$defs` inside component schemas become components of their own: `Pet/$defs/Tag` → `PetTag`. */
function hoistDefs(body: JsonObject): Map<string, string> {
  const components = ((body['components'] ??= {}) as Record<string, unknown>);
  const schemas = ((components['schemas'] ??= {}) as Record<string, unknown>);
  const moved = new Map<string, string>();
  const visit = (schema: SchemaObject, pointer: string, prefix: string): void => {
    const defs = schema['$defs'];
    if (isSchemaObject(defs)) {
      for (const [name, def] of Object.entries(defs)) {
        let target = `${prefix}${name}`;
        for (let n = 2; target in schemas; n += 1) target = `${prefix}${name}${n}`;
        schemas[target] = def;
        moved.set(`#${childPointer(pointer, '$defs', name)}`, `#/components/schemas/${target}`);
        if (isSchemaObject(def)) visit(def, childPointer(pointer, '$defs', name), target);
      }
    }
    for (const [tokens, child] of subschemas(schema)) if (tokens[0] !== '$defs') visit(child, childPointer(pointer, ...tokens), prefix);
  };
  for (const [pointer, schema] of documentSchemas(body)) visit(schema, pointer, pointer.startsWith('/components/schemas/') ? pointer.split('/')[3]! : 'Model');
  return moved;
}

function convertSchema(schema: SchemaObject, moved: ReadonlyMap<string, string>): void {
  for (const [, child] of subschemas(schema)) convertSchema(child, moved);
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
  const type = schema['type'];
  if (Array.isArray(type)) {
    const types = type.filter((t) => t !== 'null');
    if (type.includes('null')) schema['nullable'] = true;
    if (types.length === 1) schema['type'] = types[0];
    else {
      delete schema['type'];
      if (types.length > 1) schema['anyOf'] = [...types.map((t) => ({ type: t })), ...((schema['anyOf'] as unknown[] | undefined) ?? [])];
    }
  } else if (type === 'null') {
    delete schema['type'];
    schema['nullable'] = true;
    schema['enum'] = [null];
  }
  if ('const' in schema) schema['enum'] = [schema['const']];
  if (Array.isArray(schema['examples']) && !('example' in schema)) schema['example'] = schema['examples'][0];
  for (const [keyword, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const value = schema[keyword];
    if (typeof value !== 'number') continue;
    if (schema['type'] === 'integer') {
      // For integers the strict bound is the next whole number: exact.
      schema[bound] = keyword === 'exclusiveMinimum' ? Math.floor(value) + 1 : Math.ceil(value) - 1;
      delete schema[keyword];
    } else {
      schema[bound] = value;
      schema[keyword] = true;
    }
  }
  for (const keyword of DROPPED) delete schema[keyword];
}

/** Rename component schemas API Gateway would refuse as model names, and every `$ref` to them. */
export function renameModels(body: JsonObject): void {
  const schemas = ((body['components'] as Record<string, unknown> | undefined)?.['schemas'] ?? {}) as Record<string, unknown>;
  const renamed = modelNames(Object.keys(schemas));
  if (renamed.size === 0) return;
  const components = body['components'] as Record<string, unknown>;
  components['schemas'] = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [renamed.get(name) ?? name, schema]));
  const rewrite = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(rewrite);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const ref = record['$ref'];
      if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
        const [name, ...rest] = ref.slice('#/components/schemas/'.length).split('/');
        const decoded = decodeURIComponent(name!).replace(/~1/g, '/').replace(/~0/g, '~');
        const to = renamed.get(decoded);
        if (to !== undefined) record['$ref'] = ['#/components/schemas', to, ...rest].join('/');
      }
      Object.values(record).forEach(rewrite);
    }
  };
  rewrite(body);
}
