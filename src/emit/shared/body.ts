/**
 * The OpenAPI `Body` of the RestApi: the user's document with `x-gateway` replaced by the
 * `x-amazon-apigateway-*` extensions API Gateway imports.
 */
import type { JsonObject } from '../../load/load-document.js';
import type { Json } from '../../model/aws-value.js';
import type { HttpMethod } from '../../model/ir.js';
import type { Contribution, OperationPatch } from './contribution.js';

export const OPERATION_KEY: Readonly<Record<HttpMethod, string>> = {
  GET: 'get',
  PUT: 'put',
  POST: 'post',
  DELETE: 'delete',
  OPTIONS: 'options',
  HEAD: 'head',
  PATCH: 'patch',
  ANY: 'x-amazon-apigateway-any-method',
};

export function buildBody(document: JsonObject, contributions: readonly Contribution[]): JsonObject {
  const body = structuredClone(document);
  delete body['x-gateway'];
  const paths = (body['paths'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const item of Object.values(paths)) {
    delete item['x-gateway'];
    for (const key of Object.values(OPERATION_KEY)) {
      const operation = item[key] as Record<string, unknown> | undefined;
      if (operation && typeof operation === 'object') delete operation['x-gateway'];
    }
  }
  for (const contribution of contributions) {
    if (contribution.body) mergeDeep(body, contribution.body);
    for (const patch of contribution.operations ?? []) {
      const item = (paths[patch.route.path] ??= {});
      const operation = (item[OPERATION_KEY[patch.route.method]] ??= { responses: {} }) as Record<string, unknown>;
      mergeDeep(operation, patch.fields);
      declare(operation, patch);
    }
  }
  return body;
}

/** Declare on the operation the statuses, request headers and response headers an integration uses. */
function declare(operation: Record<string, unknown>, patch: OperationPatch): void {
  const responses = (operation['responses'] ??= {}) as Record<string, Record<string, unknown>>;
  for (const code of patch.statusCodes ?? []) responses[String(code)] ??= { description: `${code} response` };
  const parameters = (patch.requestHeaders ?? []).length > 0 ? ((operation['parameters'] ??= []) as Record<string, unknown>[]) : [];
  for (const name of patch.requestHeaders ?? []) {
    const declared = parameters.some((p) => p['in'] === 'header' && String(p['name']).toLowerCase() === name.toLowerCase());
    if (!declared) parameters.push({ name, in: 'header', required: false, schema: { type: 'string' } });
  }
  const success = patch.statusCodes?.[0];
  if (success !== undefined && (patch.responseHeaders ?? []).length > 0) {
    const response = responses[String(success)]!;
    const headers = (response['headers'] ??= {}) as Record<string, unknown>;
    for (const name of patch.responseHeaders ?? []) headers[name] ??= { schema: { type: 'string' } };
  }
}

/**
 * Merge `source` into `target`: objects key by key, anything else replaced. Keys are the user's names
 * (`__proto__`, `constructor` too): only own properties are read, and each is defined, never assigned.
 */
export function mergeDeep(target: Record<string, unknown>, source: { readonly [key: string]: Json }): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isObject(existing) && isObject(value)) mergeDeep(existing, value as { readonly [key: string]: Json });
    else Object.defineProperty(target, key, { value: structuredClone(value), writable: true, enumerable: true, configurable: true });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
