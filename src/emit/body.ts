/**
 * The OpenAPI `Body` of the RestApi: the user's document with `x-gateway` replaced by the
 * `x-amazon-apigateway-*` extensions API Gateway imports.
 */
import type { JsonObject } from '../load/load-document.js';
import type { Json } from '../model/aws-value.js';
import type { HttpMethod } from '../model/ir.js';
import type { Contribution } from './contribution.js';

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
    for (const { route, fields, statusCodes } of contribution.operations ?? []) {
      const item = (paths[route.path] ??= {});
      const operation = (item[OPERATION_KEY[route.method]] ??= { responses: {} }) as Record<string, unknown>;
      Object.assign(operation, fields);
      const responses = (operation['responses'] ??= {}) as Record<string, unknown>;
      for (const code of statusCodes ?? []) responses[String(code)] ??= { description: `${code} response` };
    }
  }
  return body;
}

/** Merge `source` into `target`: objects key by key, anything else replaced. */
export function mergeDeep(target: Record<string, unknown>, source: { readonly [key: string]: Json }): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(existing) && isObject(value)) mergeDeep(existing, value as { readonly [key: string]: Json });
    else target[key] = structuredClone(value);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
