/**
 * Request validation in the model: each route's `validate` setting, and what API Gateway's validator
 * (JSON Schema draft 4 models built from the Body) would do differently from the spec's schemas.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html
 */
import { childPointer, valueAtPointer } from '../diagnostics/diagnostic.js';
import { asBlock, type ModelContext, type RouteScope, setting } from './context.js';
import type { Route, Validation } from './ir.js';
import { modelNames } from './names.js';
import { isSchemaObject, type SchemaObject, walkSchema } from './schema-walk.js';

export function routeValidation(scope: RouteScope): Validation | undefined {
  return setting(scope, 'validate')?.value as Validation | undefined;
}

/** Keywords of OpenAPI 3.1 (JSON Schema 2020-12) that OpenAPI 3.0 and draft 4 cannot say: dropped, so validation is looser. */
const DROPPED_31 = ['if', 'then', 'else', 'prefixItems', 'patternProperties', 'propertyNames', 'dependentRequired', 'dependentSchemas', 'contains', 'minContains', 'maxContains', 'unevaluatedProperties', 'unevaluatedItems'];
const UNSUPPORTED = ['$dynamicRef', '$dynamicAnchor', '$recursiveRef'];

/**
 * Findings about the request schemas of routes that validate bodies, each at the keyword's own line:
 * what API Gateway ignores, what conversion to OpenAPI 3.0 cannot keep, what import would refuse.
 */
export function checkRequestModels(ctx: ModelContext, routes: readonly Route[], version: '3.0' | '3.1'): void {
  const seen = new Set<string>();
  const visit = (schema: SchemaObject, pointer: string): void => {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    walkSchema(schema, pointer, (node, at) => {
      findings(ctx, node, at, version);
      const ref = node['$ref'];
      if (typeof ref === 'string' && ref.startsWith('#/')) {
        const target = ctx.deref(node);
        if (isSchemaObject(target)) visit(target, decodeURIComponent(ref.slice(1)));
      }
    });
  };
  for (const route of routes) {
    if (route.validate !== 'all' && route.validate !== 'body') continue;
    const operationPointer = childPointer('/paths', route.path, route.method === 'ANY' ? 'x-amazon-apigateway-any-method' : route.method.toLowerCase());
    const operation = asBlock(valueAtPointer(ctx.document, operationPointer));
    const body = asBlock(ctx.deref(operation['requestBody']));
    const content = asBlock(body['content']);
    if (!route.hasRequestBody) continue;
    for (const [type, media] of Object.entries(content)) {
      const schema = asBlock(media)['schema'];
      const at = childPointer(operationPointer, 'requestBody', 'content', type);
      if (!isSchemaObject(schema)) {
        ctx.report('request-body-no-schema', 'warning', `Body validation is on, but the ${type} request body has no schema: any body is accepted.`, at, 'Add a schema, or set `validate: params` for this operation.');
        continue;
      }
      visit(schema, childPointer(at, 'schema'));
    }
  }
}


function findings(ctx: ModelContext, schema: SchemaObject, at: string, version: '3.0' | '3.1'): void {
  const ignored = (keyword: string, effect: string): void => {
    ctx.report('model-keyword-ignored', 'warning', `API Gateway's request validator ignores \`${keyword}\`: ${effect}`, childPointer(at, keyword), 'Validate this rule in the backend, or express it with keywords JSON Schema draft 4 has.');
  };
  if ('discriminator' in schema) ignored('discriminator', 'a body is checked against every `oneOf`/`anyOf` schema, not the one the discriminator names.');
  const properties = asBlock(schema['properties']);
  for (const [name, property] of Object.entries(properties)) {
    if (asBlock(property)['readOnly'] === true) ctx.report('model-keyword-ignored', 'warning', `\`${name}\` is readOnly, but API Gateway's validator accepts it in requests.`, childPointer(at, 'properties', name, 'readOnly'), 'Reject it in the backend, or use a separate request schema without it.');
  }
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum']) {
    if (!(keyword in schema)) continue;
    // 3.1's numeric form on an integer converts exactly (exclusiveMinimum: 5 → minimum: 6).
    const exact = version === '3.1' && typeof schema[keyword] === 'number' && schema['type'] === 'integer';
    if (!exact && schema[keyword] !== false) ignored(keyword, `the bound is checked as inclusive, so the limit value itself is accepted.`);
  }
  if (schema['nullable'] === true || (version === '3.1' && Array.isArray(schema['type']) && schema['type'].includes('null'))) {
    ctx.report('model-keyword-ignored', 'warning', "API Gateway's validator (JSON Schema draft 4) has no `nullable`: a null value is rejected here although the spec allows it.", childPointer(at, Array.isArray(schema['type']) ? 'type' : 'nullable'), 'Send the field without a value (omit it), or validate nulls in the backend.');
  }
  if (version === '3.1') {
    for (const keyword of DROPPED_31.filter((k) => k in schema)) {
      ctx.report('model-keyword-dropped', 'warning', `\`${keyword}\` has no OpenAPI 3.0 form, so it is left out of the model API Gateway validates with: validation is looser than the spec.`, childPointer(at, keyword), 'Validate this rule in the backend, or express it with keywords OpenAPI 3.0 has.');
    }
  }
  for (const keyword of UNSUPPORTED.filter((k) => k in schema)) {
    ctx.report('model-keyword-unsupported', 'error', `\`${keyword}\` cannot be converted for API Gateway, whose import would fail.`, childPointer(at, keyword), 'Use a plain `$ref` instead.');
  }
}

/** An info for each component schema whose name API Gateway would refuse as a model name. */
export function reportModelRenames(ctx: ModelContext): void {
  const schemas = asBlock(asBlock(ctx.document['components'])['schemas']);
  for (const [from, to] of modelNames(Object.keys(schemas))) {
    ctx.report('model-name-renamed', 'info', `Schema \`${from}\` becomes the model \`${to}\`: API Gateway model names are alphanumeric. Every $ref to it is rewritten.`, childPointer('/components/schemas', from), 'Rename the schema to keep the names the same.');
  }
}
