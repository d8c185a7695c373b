/**
 * The OpenAPI `Body` of the RestApi: the user's document with `x-gateway` replaced by the
 * `x-amazon-apigateway-*` extensions API Gateway imports.
 */
import type { JsonObject } from '../load/load-document.js';
import type { Json } from '../model/aws-value.js';
import type { HttpMethod, Route } from '../model/ir.js';

const OPERATION_KEY: Readonly<Record<HttpMethod, string>> = {
  GET: 'get',
  PUT: 'put',
  POST: 'post',
  DELETE: 'delete',
  OPTIONS: 'options',
  HEAD: 'head',
  PATCH: 'patch',
  ANY: 'x-amazon-apigateway-any-method',
};

/** What the emitter sets on one operation. */
export interface OperationPatch {
  readonly route: Route;
  readonly extensions: { readonly [key: string]: Json };
  /** Status codes the operation must declare (API Gateway rejects responses to undeclared ones). */
  readonly statusCodes?: readonly number[];
}

export function buildBody(document: JsonObject, patches: readonly OperationPatch[]): JsonObject {
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
  for (const { route, extensions, statusCodes } of patches) {
    const operation = paths[route.path]![OPERATION_KEY[route.method]] as Record<string, unknown>;
    Object.assign(operation, extensions);
    const responses = (operation['responses'] ??= {}) as Record<string, unknown>;
    for (const code of statusCodes ?? []) {
      responses[String(code)] ??= { description: `${code} response` };
    }
  }
  return body;
}
