/**
 * Request validation in the model: each route's `validate` setting, and what API Gateway's validator
 * (JSON Schema draft 4 models built from the Body) would do differently from the spec's schemas.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { childPointer, valueAtPointer } from '../diagnostics/diagnostic.js';
import type { JsonObject } from '../load/load-document.js';
import { asBlock, type ModelContext, type RouteScope, setting } from './context.js';
import type { Route, Validation } from './ir.js';
import { modelNames } from './names.js';
import {
  acceptsAnything,
  draftFourBound,
  integersOnly,
  isSchemaObject,
  schemaAnchors,
  type SchemaObject,
  subschemas,
} from './schema-walk.js';

/**
 * The route's `validate`. An operation's own `x-amazon-apigateway-request-validator` is kept over the
 * root `defaults`, and is an error beside a `validate` of the operation or its path item.
 */
export function routeValidation(ctx: ModelContext, scope: RouteScope): Validation | undefined {
  const raw = 'x-amazon-apigateway-request-validator' in scope.operation;
  const own = scope.chain.slice(0, 2).find((p) => 'validate' in p.block);
  if (raw && own) {
    const rawPointer = childPointer(scope.pointer, 'x-amazon-apigateway-request-validator');
    ctx.report(
      'duplicate-setting',
      'error',
      'Request validation is set twice: by x-gateway `validate` and by x-amazon-apigateway-request-validator.',
      childPointer(own.pointer, 'validate'),
      'Keep one of them.',
      [{ ...ctx.origin(rawPointer), message: 'also set here' }],
    );
  }
  if (raw) return undefined;
  return setting(scope, 'validate')?.value as Validation | undefined;
}

/**
 * Keywords of OpenAPI 3.1 (JSON Schema 2020-12) that OpenAPI 3.0 cannot say, with what the model checks
 * instead: always less than the spec (a request the spec accepts is never refused), so the consequence is
 * which requests pass unchecked. Undefined where the keyword asks nothing the model does not.
 */
const LOOSER_31: Readonly<Record<string, (schema: SchemaObject) => string | undefined>> = {
  prefixItems: (schema) => {
    if (acceptsAnything(schema['items'])) return 'the items of the array pass unchecked.';
    const length = Array.isArray(schema['prefixItems']) ? schema['prefixItems'].length : 0;
    const longer = schema['items'] === false ? `, or an array of more than ${length} items,` : '';
    return (
      `the model checks every item against any of the prefix schemas and \`items\` (\`anyOf\`), not each ` +
      `position against its own schema, so an item out of place${longer} passes unchecked.`
    );
  },
  patternProperties: (schema) =>
    acceptsAnything(schema['additionalProperties'])
      ? 'a property whose name matches a pattern passes unchecked (unless `properties` names it).'
      : 'the model checks every property `properties` does not name against any of the pattern schemas and ' +
        '`additionalProperties` (`anyOf`), whatever its name, so a property whose value fits the schema meant ' +
        'for other names passes unchecked.',
  propertyNames: () => 'property names pass unchecked.',
  unevaluatedProperties: (schema) =>
    schema['unevaluatedProperties'] === false
      ? 'properties the schema does not declare pass unchecked.'
      : 'properties no other keyword checks pass unchecked.',
  unevaluatedItems: (schema) =>
    schema['unevaluatedItems'] === false
      ? 'items no other keyword checks (an array longer than declared) pass unchecked.'
      : 'items no other keyword checks pass unchecked.',
  minContains: (schema) =>
    'contains' in schema && typeof schema['minContains'] === 'number' && schema['minContains'] > 1
      ? `the model asks for one item matching \`contains\`, so an array with fewer than ${schema['minContains']} passes unchecked.`
      : undefined,
  maxContains: (schema) =>
    'contains' in schema
      ? `an array with more than ${String(schema['maxContains'])} items matching \`contains\` passes unchecked.`
      : undefined,
};
const UNSUPPORTED = ['$dynamicRef', '$dynamicAnchor', '$recursiveRef'];

/**
 * Findings about the request schemas of routes that validate bodies, each at the keyword's own line:
 * what API Gateway ignores, what conversion to OpenAPI 3.0 cannot keep, what import would refuse.
 */
export function checkRequestModels(
  ctx: ModelContext,
  routes: readonly Route[],
  version: '3.0' | '3.1',
  seen = new Set<string>(),
): void {
  checkRawValidatorNames(ctx, routes);
  const visit = (schema: SchemaObject, pointer: string): void => checkModelSchema(ctx, schema, pointer, version, seen);
  const modelled: { route: string; type: string; at: string }[] = [];
  for (const route of routes) {
    const operationPointer = childPointer(
      '/paths',
      route.path,
      route.method === 'ANY' ? 'x-amazon-apigateway-any-method' : route.method.toLowerCase(),
    );
    if (route.validate === 'all' || route.validate === 'params') checkCookieParameters(ctx, route, operationPointer);
    if (route.validate !== 'all' && route.validate !== 'body') continue;
    const operation = asBlock(valueAtPointer(ctx.document, operationPointer));
    const body = asBlock(ctx.deref(operation['requestBody']));
    const content = asBlock(body['content']);
    if (!route.hasRequestBody) continue;
    for (const [type, media] of Object.entries(content)) {
      const schema = asBlock(media)['schema'];
      const at = childPointer(operationPointer, 'requestBody', 'content', type);
      if (!validatesAsJson(type)) {
        const dropped =
          schema !== undefined
            ? `, and a model would refuse every one: the schema is left out of the API's models`
            : '';
        ctx.report(
          'body-validation-not-json',
          'warning',
          `Body validation is on, but API Gateway validates bodies as JSON: ${type} bodies are not validated${dropped}.`,
          at,
          `Validate ${type} bodies in the backend, or accept JSON (application/json) instead.`,
        );
        continue;
      }
      // A 2020-12 boolean schema becomes `{}` or `{not: {}}`: the same answer, nothing to check.
      if (isSchemaObject(schema)) visit(schema, childPointer(at, 'schema'));
      else if (typeof schema !== 'boolean') {
        ctx.report(
          'request-body-no-schema',
          'warning',
          `Body validation is on, but the ${type} request body has no schema: any body is accepted.`,
          at,
          'Add a schema, or set `validate: params` for this operation.',
        );
        continue;
      }
      modelled.push({
        route: `${route.method} ${route.path}`,
        type,
        at: childPointer(operationPointer, 'requestBody', 'content'),
      });
    }
  }
  reportUnmodelledContentTypes(ctx, modelled);
}

/**
 * API Gateway validates required path, query string and header parameters only: a required cookie is not
 * checked, so a request without it reaches the backend.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
function checkCookieParameters(ctx: ModelContext, route: Route, operationPointer: string): void {
  const cookies = new Set(route.parameters.filter((p) => p.in === 'cookie' && p.required).map((p) => p.name));
  // The operation's own entries first: they win over the path item's of the same name.
  for (const listPointer of [
    childPointer(operationPointer, 'parameters'),
    childPointer('/paths', route.path, 'parameters'),
  ]) {
    const list = valueAtPointer(ctx.document, listPointer);
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      const parameter = asBlock(ctx.deref(entry));
      const name = parameter['name'];
      if (parameter['in'] !== 'cookie' || typeof name !== 'string' || !cookies.delete(name)) return;
      const at = childPointer(listPointer, i);
      ctx.report(
        'cookie-not-validated',
        'warning',
        `The cookie \`${name}\` is required, but API Gateway's request validator checks only path, query ` +
          `string and header parameters: a request without it is not rejected.`,
        '$ref' in asBlock(entry) ? at : childPointer(at, 'required'),
        'Check the cookie in the backend or in an authorizer.',
      );
    });
  }
}

/**
 * Whether API Gateway's body validator can check a body of this media type: it parses the body as JSON
 * (a model is a JSON schema), so a form or text body fails every model. Wildcards are left as written.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
export function validatesAsJson(mediaType: string): boolean {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json') || type.includes('*');
}

/** What each `validate` value's validator checks; the Body declares them under these names. */
export const VALIDATORS: Readonly<
  Record<
    Exclude<Validation, 'none'>,
    { readonly validateRequestBody: boolean; readonly validateRequestParameters: boolean }
  >
> = {
  all: { validateRequestBody: true, validateRequestParameters: true },
  body: { validateRequestBody: true, validateRequestParameters: false },
  params: { validateRequestBody: false, validateRequestParameters: true },
};

/**
 * A raw validator under a name `validate` uses, checking something else, would change either meaning; a
 * raw default validator beside `defaults.validate` would be overridden on every operation.
 */
function checkRawValidatorNames(ctx: ModelContext, routes: readonly Route[]): void {
  if ('x-amazon-apigateway-request-validator' in ctx.document && 'validate' in asBlock(ctx.root['defaults'])) {
    ctx.report(
      'duplicate-setting',
      'error',
      'The default request validation is set twice: by x-gateway `defaults.validate` and by the root x-amazon-apigateway-request-validator.',
      '/x-gateway/defaults/validate',
      'Keep one of them.',
      [{ ...ctx.origin('/x-amazon-apigateway-request-validator'), message: 'also set here' }],
    );
  }
  const raw = asBlock(ctx.document['x-amazon-apigateway-request-validators']);
  for (const name of ['all', 'body', 'params'] as const) {
    if (!(name in raw) || !routes.some((r) => r.validate === name)) continue;
    const written = asBlock(raw[name]);
    const same =
      written['validateRequestBody'] === VALIDATORS[name].validateRequestBody &&
      written['validateRequestParameters'] === VALIDATORS[name].validateRequestParameters;
    if (!same)
      ctx.report(
        'duplicate-setting',
        'error',
        `The request validator \`${name}\` is defined here and by x-gateway \`validate: ${name}\`, which ` +
          `validates ` +
          `${name === 'all' ? 'body and parameters' : name === 'body' ? 'the body only' : 'parameters only'}.`,
        childPointer('/x-amazon-apigateway-request-validators', name),
        "Rename this validator, or make it validate what x-gateway's does.",
      );
  }
}

/**
 * API Gateway validates a body only against the model of the request's Content-Type: with any other type,
 * validation is skipped. One info per API, at the first validated body.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
function reportUnmodelledContentTypes(
  ctx: ModelContext,
  modelled: readonly { route: string; type: string; at: string }[],
): void {
  const first = modelled[0];
  if (!first) return;
  const routes = [...new Set(modelled.map((m) => m.route))];
  const types = [...new Set(modelled.map((m) => m.type))];
  ctx.report(
    'body-validation-content-type',
    'info',
    `${routes.length === 1 ? 'A route validates its body' : `${routes.length} routes validate their bodies`} ` +
      `(${routes.slice(0, 3).join(', ')}${routes.length > 3 ? ', …' : ''}) against models for ` +
      `${types.join(', ')} only: API Gateway skips body validation for a request whose Content-Type has no ` +
      `model, and passes its body on unchecked.`,
    first.at,
    'Check the Content-Type in the backend before trusting the body.',
  );
}

/** The codes of the findings about a model schema. */
export type ModelFindingCode =
  | 'model-keyword-ignored'
  | 'model-keyword-dropped'
  | 'model-keyword-unsupported'
  | 'unresolved-ref';

/**
 * What the model-schema checks need, so that the compiler (for `x-gateway`'s `validate`) and the lint
 * rule `request-model-keywords` (for raw request validators) report the same findings.
 */
export interface ModelSchemaChecker {
  readonly document: JsonObject;
  report(
    code: ModelFindingCode,
    severity: Diagnostic['severity'],
    message: string,
    pointer: string,
    hint: string,
  ): void;
  deref(node: unknown): unknown;
}

/**
 * The findings for one model schema written at `pointer` and the schemas it refers to (by pointer or by
 * `$anchor`): each schema once per `seen`, however many ways lead to it (its parent, a `$ref`, an anchor).
 */
export function checkModelSchema(
  ctx: ModelSchemaChecker,
  schema: SchemaObject,
  pointer: string,
  version: '3.0' | '3.1',
  seen: Set<string>,
): void {
  const anchors = version === '3.1' ? schemaAnchors(ctx.document) : new Map<string, string>();
  const visit = (node: SchemaObject, at: string): void => {
    if (seen.has(at)) return;
    seen.add(at);
    findings(ctx, node, at, version);
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const target = ref.startsWith('#/')
        ? decodeURIComponent(ref.slice(1))
        : anchors.get(decodeURIComponent(ref.slice(1)));
      const resolved = target === undefined ? undefined : valueAtPointer(ctx.document, target);
      if (isSchemaObject(resolved)) visit(resolved, target!);
      else if (!ref.startsWith('#/'))
        ctx.report(
          'unresolved-ref',
          'error',
          `\`${ref}\` names no schema: a plain-name reference needs a \`$anchor\` of that ` +
            `name${version === '3.0' ? ', which OpenAPI 3.0 does not have' : ''}, and the model would keep a ` +
            `reference that does not resolve.`,
          childPointer(at, '$ref'),
          'Refer to the schema by its JSON pointer (`#/components/schemas/Name`).',
        );
    }
    // Definitions are reached through the references to them, so unused ones are not reported.
    for (const [tokens, child] of subschemas(node))
      if (tokens[0] !== '$defs' && tokens[0] !== 'definitions') visit(child, childPointer(at, ...tokens));
  };
  visit(schema, pointer);
}

function findings(ctx: ModelSchemaChecker, schema: SchemaObject, at: string, version: '3.0' | '3.1'): void {
  for (const [name, property] of Object.entries(asBlock(schema['properties']))) {
    const own = asBlock(property)['readOnly'] === true;
    if (!own && asBlock(ctx.deref(property))['readOnly'] !== true) continue;
    ctx.report(
      'model-keyword-ignored',
      'warning',
      `\`${name}\` is readOnly, but API Gateway's validator accepts it in requests.`,
      childPointer(at, 'properties', name, own ? 'readOnly' : '$ref'),
      'Reject it in the backend, or use a separate request schema without it.',
    );
  }
  for (const { keyword, code, message, hint } of looserKeywords(schema, version))
    ctx.report(code, 'warning', message, childPointer(at, keyword), hint);
  for (const [keyword, effect] of Object.entries(NEGATED)) {
    if (loosensNegation(ctx.document, schema, keyword, version))
      ctx.report(
        'model-keyword-dropped',
        'warning',
        `\`${keyword}\` holds a rule the model checks less of, and less inside it would refuse more: ${effect}`,
        childPointer(at, keyword),
        'Validate this rule in the backend, or keep the rules inside it to ones the model checks fully.',
      );
  }
  for (const keyword of UNSUPPORTED.filter((k) => k in schema)) {
    ctx.report(
      'model-keyword-unsupported',
      'error',
      `\`${keyword}\` cannot be converted for API Gateway, whose import would fail.`,
      childPointer(at, keyword),
      'Use a plain `$ref` instead.',
    );
  }
}

/** A keyword of one schema object that the model checks less of than the spec, and what passes unchecked. */
interface Looser {
  readonly keyword: string;
  readonly code: 'model-keyword-ignored' | 'model-keyword-dropped';
  readonly message: string;
  readonly hint: string;
}

/** The keywords of one schema object the model checks less of: API Gateway ignores them, or 3.0 cannot say them. */
function looserKeywords(schema: SchemaObject, version: '3.0' | '3.1'): Looser[] {
  const out: Looser[] = [];
  const ignored = (keyword: string, effect: string): void => {
    out.push({
      keyword,
      code: 'model-keyword-ignored',
      message: `API Gateway's request validator ignores \`${keyword}\`: ${effect}`,
      hint: 'Validate this rule in the backend, or express it with keywords JSON Schema draft 4 has.',
    });
  };
  // The Body turns such a `oneOf` into `anyOf`: a body matching several branches is the discriminator's to pick.
  if ('discriminator' in schema)
    ignored(
      'discriminator',
      'a body that matches any of the `oneOf`/`anyOf` schemas is accepted, not only one that matches the schema the discriminator names.',
    );
  // Reference B.2: not enforced in models created by import, which is how the Body makes them.
  for (const keyword of ['minItems', 'maxItems'].filter((k) => k in schema))
    ignored(
      keyword,
      'models imported from OpenAPI do not enforce array lengths, so an array of any length is accepted.',
    );
  const format = schema['format'];
  if (format === 'decimal' || (schema['type'] === 'number' && (format === 'int32' || format === 'int64'))) {
    out.push({
      keyword: 'format',
      code: 'model-keyword-ignored',
      message: `API Gateway does not support \`format: ${format}\` on request models: any number is accepted.`,
      hint:
        format === 'decimal'
          ? 'Validate the precision in the backend.'
          : 'Use `type: integer` (with `minimum`/`maximum` for the range).',
    });
  }
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    if (!(keyword in schema) || schema[keyword] === false) continue;
    if (!(version === '3.1' && convertsExactly(schema, keyword)))
      ignored(keyword, `the bound is checked as inclusive, so the limit value itself is accepted.`);
  }
  if (version === '3.1') {
    for (const [keyword, consequence] of Object.entries(LOOSER_31)) {
      const effect = keyword in schema ? consequence(schema) : undefined;
      if (effect)
        out.push({
          keyword,
          code: 'model-keyword-dropped',
          message: `\`${keyword}\` has no OpenAPI 3.0 form: ${effect}`,
          hint: 'Validate this rule in the backend, or express it with keywords OpenAPI 3.0 has.',
        });
    }
  }
  return out;
}

/**
 * Keywords that turn the answer of a schema inside them around (in part): checking less inside them would
 * refuse more, so the model replaces them by what checks less. What then passes unchecked.
 */
const NEGATED: Readonly<Record<string, string>> = {
  not: 'the model leaves the `not` out, so a value it refuses passes unchecked.',
  oneOf: 'the model checks `anyOf` instead, so a value that matches more than one branch passes unchecked.',
  if: 'the model asks that `then` or `else` holds, not the one the condition picks, so a value that fails that one passes if it meets the other.',
};

/**
 * Whether the model replaces the `keyword` (of `NEGATED`) of `schema`: it holds, anywhere inside and
 * through `$ref`s, a keyword the model checks less of (or another such replacement). A discriminator's
 * `oneOf` is replaced as well (the discriminator is reported).
 */
export function loosensNegation(
  document: JsonObject,
  schema: SchemaObject,
  keyword: string,
  version: '3.0' | '3.1',
): boolean {
  if (keyword === 'if' && version === '3.0') return false;
  const inside = schema[keyword];
  const parts = Array.isArray(inside) ? inside : [inside];
  return parts.some((part) => isSchemaObject(part) && checksLess(document, part, version, new Set()));
}

/** Whether the model checks less of `schema` than the spec does, anywhere inside it or what it refers to. */
function checksLess(
  document: JsonObject,
  schema: SchemaObject,
  version: '3.0' | '3.1',
  visiting: Set<SchemaObject>,
): boolean {
  if (visiting.has(schema)) return false;
  visiting.add(schema);
  if (looserKeywords(schema, version).length > 0) return true;
  const ref = schema['$ref'];
  const anchors = typeof ref === 'string' && !ref.startsWith('#/') ? schemaAnchors(document) : undefined;
  const target =
    typeof ref !== 'string' || !ref.startsWith('#')
      ? undefined
      : ref.startsWith('#/')
        ? decodeURIComponent(ref.slice(1))
        : anchors?.get(decodeURIComponent(ref.slice(1)));
  const resolved = target === undefined ? undefined : valueAtPointer(document, target);
  if (isSchemaObject(resolved) && checksLess(document, resolved, version, visiting)) return true;
  return subschemas(schema).some(
    ([tokens, child]) =>
      tokens[0] !== '$defs' && tokens[0] !== 'definitions' && checksLess(document, child, version, visiting),
  );
}

/**
 * Whether the 3.0 Body keeps a 3.1 numeric exclusive bound exactly: nothing is left to the exclusive flag,
 * which the validator checks as inclusive.
 */
function convertsExactly(schema: SchemaObject, keyword: 'exclusiveMinimum' | 'exclusiveMaximum'): boolean {
  const converted = draftFourBound(schema, keyword, integersOnly(schema['type']));
  return converted === 'implied' || (converted !== undefined && !converted.exclusive);
}

/** An info for each component schema whose name API Gateway would refuse as a model name. */
export function reportModelRenames(ctx: ModelContext): void {
  const schemas = asBlock(asBlock(ctx.document['components'])['schemas']);
  for (const [from, to] of modelNames(Object.keys(schemas))) {
    ctx.report(
      'model-name-renamed',
      'info',
      `Schema \`${from}\` becomes the model \`${to}\`: API Gateway model names are alphanumeric. Every $ref to it is rewritten.`,
      childPointer('/components/schemas', from),
      'Rename the schema to keep the names the same.',
    );
  }
}
