/**
 * The Body API Gateway imports: OpenAPI 3.0 (it does not take 3.1), with model names it accepts.
 * 3.1 schemas are converted keyword by keyword to what keeps their meaning in 3.0; where 3.0 cannot say a
 * keyword, the model checks less, never more (the model reports each such keyword where it is written).
 */
import { isDeepStrictEqual } from 'node:util';
import { childPointer, unescapePointerToken, valueAtPointer } from '../../diagnostics/diagnostic.js';
import type { JsonObject } from '../../load/load-document.js';
import { modelNames } from '../../model/names.js';
import { loosensNegation } from '../../model/validation.js';
import {
  acceptsAnything,
  documentSchemas,
  draftFourBound,
  integersOnly,
  documentSchemaSlots,
  isSchemaObject,
  readOnlyRequirements,
  type SchemaObject,
  schemaSlots,
  subschemas,
  walkSchema,
} from '../../model/schema-walk.js';

/**
 * The keywords of an OpenAPI 3.0.3 Schema Object: every other one (but `x-` extensions) is left out of the
 * Body once converted. Those 2020-12 knows are converted first; the rest it ignores, as 3.0 would not.
 */
const SCHEMA_30 = new Set([
  '$ref',
  'title',
  'description',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
  'format',
]);

/**
 * Make a bundled document's schemas (in place) the models API Gateway should validate with: a 3.1 document
 * converted to 3.0.3; in 3.0, `nullable` said in draft 4, and readOnly properties not required in requests;
 * in both, a discriminator's `oneOf` checked as `anyOf`, and what would check less inside a negation
 * loosened. A model may accept more than the spec (the model reports where), never less.
 */
export function toGatewayModels(body: JsonObject, version: '3.0' | '3.1'): void {
  // The passes change schemas in place, never which schemas the document has: they are listed once.
  const schemas = documentSchemas(body);
  let readOnly = false;
  for (const [at, top] of schemas)
    walkSchema(top, at, (schema) => {
      loosenNegations(body, schema, version);
      readOnly ||= schema['readOnly'] === true;
    });
  if (version === '3.1') downConvert(body);
  else {
    // Without a readOnly schema there is no readOnly `required` entry to drop.
    if (readOnly) dropReadOnlyRequired(body, schemas);
    for (const [at, top] of schemas) walkSchema(top, at, convertNullable);
  }
}

/**
 * Checking less inside `not`, a `oneOf` branch or an `if` condition would refuse more: such a keyword is
 * replaced by what checks less (the model reports it). `not` is left out; `oneOf` becomes `anyOf`, as it
 * does beside a discriminator, where the discriminator, not "exactly one", picks the branch (draft 4 would
 * refuse a body matching several); `if` becomes "`then` or `else`".
 */
function loosenNegations(body: JsonObject, schema: SchemaObject, version: '3.0' | '3.1'): void {
  if (loosensNegation(body, schema, 'not', version)) delete schema['not'];
  const branches = schema['oneOf'];
  if (
    Array.isArray(branches) &&
    (isSchemaObject(schema['discriminator']) || loosensNegation(body, schema, 'oneOf', version))
  ) {
    delete schema['oneOf'];
    addAnyOf(schema, branches as SchemaObject[]);
  }
  if (loosensNegation(body, schema, 'if', version)) {
    const outcomes = [schema['then'], schema['else']];
    for (const keyword of ['if', 'then', 'else']) delete schema[keyword];
    if (!outcomes.some(acceptsAnything))
      schema['allOf'] = [...((schema['allOf'] as unknown[] | undefined) ?? []), { anyOf: outcomes }];
  }
}

/**
 * OpenAPI 3.0.3: a readOnly property's `required` applies to responses only, which API Gateway does not
 * validate, so each such entry leaves the model. An entry in a part other schemas share through a `$ref`
 * (where the property may not be readOnly) stays there: the schema takes a copy of the part instead (3.0
 * ignores a `$ref`'s siblings, so the copy means the same), and the entry leaves the copy.
 */
function dropReadOnlyRequired(body: JsonObject, schemas: readonly [string, SchemaObject][]): void {
  for (const [at, top] of schemas) {
    walkSchema(top, at, (schema, pointer) => {
      for (let copies = 0; copies < MAX_COPIES; copies += 1) {
        const entries = readOnlyRequirements(body, schema, pointer);
        const shared = entries.find((e) => e.via !== undefined)?.via;
        if (shared) {
          const part = structuredClone(valueAtPointer(body, decodeURIComponent(String(shared['$ref']).slice(1))));
          // The part may be a reference itself: the next round copies that one.
          delete shared['$ref'];
          Object.assign(shared, part);
          continue;
        }
        const dropped = new Map<SchemaObject, Set<number>>();
        for (const { part, index } of entries) dropped.set(part, (dropped.get(part) ?? new Set()).add(index));
        for (const [part, indexes] of dropped) {
          const required = (part['required'] as unknown[]).filter((_, i) => !indexes.has(i));
          if (required.length > 0) part['required'] = required;
          else delete part['required'];
        }
        return;
      }
    });
  }
}

/** Copies of shared parts one schema may take: `allOf` chains are short, and a cycle is no chain. */
const MAX_COPIES = 16;

/**
 * OpenAPI 3.0 `nullable: true` beside a `type` allows null as 3.1's `type: [T, 'null']` does, and converts
 * the same way; a `$ref`'s siblings are ignored.
 */
function convertNullable(schema: SchemaObject): void {
  if (schema['nullable'] !== true || '$ref' in schema || typeof schema['type'] !== 'string') return;
  delete schema['nullable'];
  convertTypes(schema, [schema['type'], 'null']);
}

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
  const components = (body['components'] ??= {}) as Record<string, unknown>;
  const schemas = (components['schemas'] ??= {}) as Record<string, unknown>;
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
        if (isSchemaObject(def))
          visit(def, childPointer(pointer, '$defs', name), childPointer('/components/schemas', target), target);
      }
    }
    for (const [tokens, child] of subschemas(schema))
      if (tokens[0] !== '$defs') visit(child, childPointer(pointer, ...tokens), childPointer(at, ...tokens), prefix);
  };
  for (const [pointer, schema] of documentSchemas(body))
    visit(schema, pointer, pointer, pointer.startsWith('/components/schemas/') ? pointer.split('/')[3]! : 'Model');
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
  if (isSchemaObject(mapping))
    for (const [value, target] of Object.entries(mapping))
      if (typeof target === 'string') mapping[value] = moved.get(target) ?? target;
  const type = schema['type'];
  const integers = convertTypes(
    schema,
    Array.isArray(type) ? (type as unknown[]) : typeof type === 'string' ? [type] : undefined,
  );
  if (Array.isArray(schema['examples']) && !('example' in schema)) schema['example'] = schema['examples'][0];
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const converted = draftFourBound(schema, keyword, integers);
    if (converted === undefined) continue;
    delete schema[keyword];
    if (converted === 'implied') continue;
    schema[converted.bound] = converted.value;
    if (converted.exclusive) schema[keyword] = true;
  }
  convertConditionals(schema);
  convertContains(schema);
  coverPrefixItems(schema);
  coverPatternProperties(schema);
  for (const keyword of Object.keys(schema))
    if (!SCHEMA_30.has(keyword) && !keyword.startsWith('x-')) delete schema[keyword];
}

/**
 * `if`/`then`/`else`, `dependentRequired` and `dependentSchemas` say "when this holds, that must hold too":
 * exactly `anyOf: [not this, that]` (or, with `else`, one branch per outcome), which 3.0 has.
 */
function convertConditionals(schema: SchemaObject): void {
  const rules: SchemaObject[] = [];
  if ('if' in schema) {
    const [condition, then, otherwise] = [schema['if'], schema['then'], schema['else']].map(
      (s) => s as SchemaObject | undefined,
    );
    if (then && otherwise)
      rules.push({ anyOf: [{ allOf: [condition, then] }, { allOf: [{ not: condition }, otherwise] }] });
    else if (then) rules.push({ anyOf: [{ not: condition }, then] });
    else if (otherwise) rules.push({ anyOf: [condition, otherwise] });
  }
  // Only an object that has the property: anything else passes, as the 2020-12 keywords ignore it.
  const present = (name: string): SchemaObject => ({ not: { type: 'object', required: [name] } });
  for (const [name, names] of Object.entries(asRecord(schema['dependentRequired']))) {
    if (Array.isArray(names) && names.length > 0)
      rules.push({ anyOf: [present(name), { required: [...new Set(names)] }] });
  }
  for (const [name, dependant] of Object.entries(asRecord(schema['dependentSchemas']))) {
    if (!acceptsAnything(dependant)) rules.push({ anyOf: [present(name), dependant] });
  }
  if (rules.length > 0) schema['allOf'] = [...((schema['allOf'] as unknown[] | undefined) ?? []), ...rules];
}

/**
 * `contains`: some item matches, that is, not every item fails (an array only). `minContains: 0` lifts it; a
 * higher `minContains` and `maxContains` have no 3.0 form, so the model asks for one matching item.
 */
function convertContains(schema: SchemaObject): void {
  if (!isSchemaObject(schema['contains']) || schema['minContains'] === 0) return;
  schema['allOf'] = [
    ...((schema['allOf'] as unknown[] | undefined) ?? []),
    { not: { type: 'array', items: { not: schema['contains'] } } },
  ];
}

/**
 * 2020-12 `items` beside `prefixItems` applies only past the prefix; draft 4's applies to every item, and
 * 3.0 has no positions. Each item matches a prefix schema or `items`, so the model checks each against
 * `anyOf` them: it accepts every array the spec accepts, and a few more (items out of place, too many).
 */
function coverPrefixItems(schema: SchemaObject): void {
  const prefix = schema['prefixItems'];
  if (!Array.isArray(prefix)) return;
  const cover = anyOfCover([...prefix, 'items' in schema ? schema['items'] : {}]);
  if (cover === undefined) delete schema['items'];
  else schema['items'] = cover;
}

/**
 * `additionalProperties` beside `patternProperties` applies only to names no pattern matches; draft 4
 * without patterns would apply it to all. Each property not in `properties` matches a pattern's schema or
 * `additionalProperties`, so the model checks it against `anyOf` them.
 */
function coverPatternProperties(schema: SchemaObject): void {
  const patterns = schema['patternProperties'];
  if (!isSchemaObject(patterns) || !('additionalProperties' in schema)) return;
  const additional = schema['additionalProperties'];
  const cover = anyOfCover([...Object.values(patterns), additional === false ? { not: {} } : additional]);
  if (cover === undefined) delete schema['additionalProperties'];
  else schema['additionalProperties'] = isDeepStrictEqual(cover, { not: {} }) ? false : cover;
}

/** One schema a value matching any of `schemas` (converted ones) matches; undefined when that is anything. */
function anyOfCover(schemas: readonly unknown[]): SchemaObject | undefined {
  if (schemas.some(acceptsAnything)) return undefined;
  const branches: unknown[] = [];
  for (const branch of schemas)
    if (!isDeepStrictEqual(branch, { not: {} }) && !branches.some((b) => isDeepStrictEqual(b, branch)))
      branches.push(branch);
  if (branches.length === 0) return { not: {} };
  return branches.length === 1 ? (branches[0] as SchemaObject) : { anyOf: branches };
}

function asRecord(value: unknown): Record<string, unknown> {
  return isSchemaObject(value) ? value : {};
}

/**
 * A 3.1 type list (or a single type) said in 3.0 and draft 4, with `const` as a one-value `enum`. Returns
 * whether the values are integers, for the exclusive bounds.
 */
function convertTypes(schema: SchemaObject, types: unknown[] | undefined): boolean {
  const valued = types?.filter((t) => t !== 'null') ?? [];
  const integers = integersOnly(types);
  const enums: unknown[][] = [];
  if (Array.isArray(schema['enum'])) enums.push(schema['enum']);
  if ('const' in schema) enums.push([schema['const']]);
  if (types?.includes('null')) {
    // Null is one more allowed value: draft 4 (API Gateway's validator) has no `nullable`, but takes `enum: [null]`.
    delete schema['type'];
    if (valued.length === 0) {
      schema['nullable'] = true;
      enums.push([null]);
    } else addAnyOf(schema, [...valued.map((t) => ({ type: t })), { nullable: true, enum: [null] }]);
  } else if (types !== undefined && valued.length !== 1) {
    delete schema['type'];
    addAnyOf(
      schema,
      valued.map((t) => ({ type: t })),
    );
  } else if (types !== undefined) schema['type'] = valued[0];
  if (enums.length > 0) {
    // `enum` and `const` must both hold: the values they share.
    const allowed = enums.reduce((kept, list) => kept.filter((v) => list.some((w) => isDeepStrictEqual(v, w))));
    delete schema['enum'];
    if (allowed.length > 0) schema['enum'] = allowed;
    else schema['allOf'] = [...((schema['allOf'] as unknown[] | undefined) ?? []), { not: {} }];
  }
  return integers;
}

/** OpenAPI 3.0 has no boolean schemas: `true` accepts anything, `false` nothing. */
function schemaObject(schema: unknown): unknown {
  return typeof schema === 'boolean' ? (schema ? {} : { not: {} }) : schema;
}

/** Add `anyOf` branches; an `anyOf` already there must hold as well, so both move into `allOf`. */
function addAnyOf(schema: SchemaObject, branches: SchemaObject[]): void {
  const existing = schema['anyOf'];
  if (Array.isArray(existing))
    schema['allOf'] = [...((schema['allOf'] as unknown[] | undefined) ?? []), { anyOf: existing }];
  schema['anyOf'] = branches;
}

/** Rename component schemas API Gateway would refuse as model names, and every `$ref` to them. */
export function renameModels(body: JsonObject): void {
  const schemas = ((body['components'] as Record<string, unknown> | undefined)?.['schemas'] ?? {}) as Record<
    string,
    unknown
  >;
  const renamed = modelNames(Object.keys(schemas));
  if (renamed.size === 0) return;
  const components = body['components'] as Record<string, unknown>;
  components['schemas'] = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [renamed.get(name) ?? name, schema]),
  );
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
        for (const [value, target] of Object.entries(mapping))
          if (typeof target === 'string') mapping[value] = renamed.get(target) ?? renamedRef(target);
      }
      Object.values(record).forEach(rewrite);
    }
  };
  rewrite(body);
}
