/**
 * The OpenAPI `Body` of the RestApi: the user's document with `x-gateway` replaced by the
 * `x-amazon-apigateway-*` extensions API Gateway imports.
 */
import { type Diagnostic, followRefs } from '../../diagnostics/diagnostic.js';
import type { JsonObject, LoadedDocument } from '../../load/load-document.js';
import { type Json, referencedNames } from '../../model/aws-value.js';
import { parameterUses } from '../../model/access.js';
import type { GatewayModel, HttpMethod } from '../../model/ir.js';
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
  const body = inlineComponents(document) as JsonObject;
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
  const parameters =
    (patch.requestHeaders ?? []).length > 0 ? ((operation['parameters'] ??= []) as Record<string, unknown>[]) : [];
  for (const name of patch.requestHeaders ?? []) {
    const declared = parameters.some(
      (p) => p['in'] === 'header' && String(p['name']).toLowerCase() === name.toLowerCase(),
    );
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
    else
      Object.defineProperty(target, key, {
        value: structuredClone(value),
        writable: true,
        enumerable: true,
        configurable: true,
      });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Component sections other than schemas: `$ref`s to them are inlined, and the sections left out. */
const INLINED = ['parameters', 'responses', 'requestBodies', 'headers', 'examples', 'links', 'callbacks'];
const INLINED_REF = new RegExp(`^#/components/(?:${INLINED.join('|')})/`);

/**
 * `$ref`s to components other than schemas replaced by what they point at. API Gateway documents how
 * its import reads schema references (they become models) and nothing about the others, so the Body
 * carries none: every parameter, response and request body is written where it applies (and a header
 * parameter an integration declares is found among them). The inlined sections are then left out.
 */
function inlineComponents(document: JsonObject): unknown {
  // A copy of the whole document, built in one walk: no object of the result is one of the document's.
  const inline = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((item) => inline(item, depth));
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    // A chain of references longer than any document needs is one the loader already refused.
    if (typeof ref === 'string' && INLINED_REF.test(ref) && depth < 16)
      return inline(followRefs(document, { $ref: ref }), depth + 1);
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      const value = inline((node as Record<string, unknown>)[key], depth);
      // `__proto__` is a key like any other in a spec: defined, never assigned.
      if (key === '__proto__')
        Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
      else copy[key] = value;
    }
    return copy;
  };
  const inlined = inline(document, 0) as Record<string, unknown>;
  const components = inlined['components'] as Record<string, unknown> | undefined;
  if (components && typeof components === 'object') {
    for (const section of INLINED) delete components[section];
    if (Object.keys(components).length === 0) delete inlined['components'];
  }
  return inlined;
}

/**
 * A NoEcho parameter is a secret, and the Body is not a place for one: API Gateway keeps it as the API's
 * definition, which anyone who may read the API sees (console, `get-export`). No correct template puts it
 * there, so each use that reaches the Body is an error, at the use.
 */
/** x-gateway settings that become resources of their own, not the Body (and the parameters' declarations). */
const OUTSIDE_BODY = /^\/x-gateway\/(?:parameters|stage|domain|websocket|usagePlans|apiKeys)\//;

export function secretsInBody(body: JsonObject, model: GatewayModel, loaded: LoadedDocument): Diagnostic[] {
  // The Body is walked only when there is a secret to look for.
  if (!model.parameters.some((p) => p.noEcho)) return [];
  const inBody = new Set(referencedNames(body as Json));
  return model.parameters
    .filter((p) => p.noEcho && inBody.has(p.name))
    .flatMap((p) => {
      const uses = parameterUses(loaded.document, p.name, '').filter((at) => !OUTSIDE_BODY.test(at));
      return uses.map(
        (at): Diagnostic => ({
          code: 'secret-in-body',
          severity: 'error',
          message:
            `\`${p.name}\` is a NoEcho parameter, and this value would write it into the API's OpenAPI ` +
            `definition, which anyone who may read the API can see.`,
          location: loaded.locate(at),
          hint: 'Keep secrets out of the API: let the backend read it (from Secrets Manager, say), or drop `noEcho` if the value is not secret.',
          ...(p.origin && { related: [{ ...p.origin, message: 'declared NoEcho here' }] }),
        }),
      );
    });
}
