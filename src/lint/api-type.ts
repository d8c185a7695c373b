/**
 * Whether a document describes a REST API or an HTTP API (ApiGatewayV2): what x-gateway says (`api.type`),
 * else what its raw extensions say. HTTP-API-only extensions make an HTTP API document when there are
 * several of them (or the import-export version, which only HTTP API exports write), and no integration
 * has a type only REST APIs have (`aws`, `http`, `mock`): one stray extension in a REST document, or some
 * beside REST-only integrations, are mistakes in a REST API.
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import type { JsonObject } from '../load/load-document.js';
import type { ApiType } from '../model/ir.js';
import { authorizersOf } from './rules/integration.js';

const ROOT = ['x-amazon-apigateway-cors', 'x-amazon-apigateway-importexport-version'];
const INTEGRATION = ['payloadFormatVersion', 'integrationSubtype'];
const AUTHORIZER = ['enableSimpleResponses', 'authorizerPayloadFormatVersion', 'jwtConfiguration'];
const REST_ONLY_TYPES = ['aws', 'http', 'mock'];
const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

export interface HttpOnlyUse {
  readonly name: string;
  readonly pointer: string;
}

/** Every use of an HTTP-API-only extension in the document, in document order. */
export function httpOnlyUses(document: JsonObject): HttpOnlyUse[] {
  const found: HttpOnlyUse[] = [];
  for (const name of ROOT) if (Object.hasOwn(document, name)) found.push({ name, pointer: `/${name}` });
  const components = asRecord(document['components']);
  if (Object.hasOwn(components, 'x-amazon-apigateway-integrations'))
    found.push({ name: 'x-amazon-apigateway-integrations', pointer: '/components/x-amazon-apigateway-integrations' });
  for (const { value: authorizer, pointer: at } of authorizersOf(document)) {
    if (authorizer['type'] === 'jwt') found.push({ name: 'type: jwt', pointer: childPointer(at, 'type') });
    for (const name of AUTHORIZER)
      if (Object.hasOwn(authorizer, name)) found.push({ name, pointer: childPointer(at, name) });
  }
  for (const { operation, pointer } of rawOperations(document)) {
    if (Object.hasOwn(operation, 'isDefaultRoute'))
      found.push({ name: 'isDefaultRoute', pointer: childPointer(pointer, 'isDefaultRoute') });
    const integration = asRecord(operation['x-amazon-apigateway-integration']);
    const at = childPointer(pointer, 'x-amazon-apigateway-integration');
    for (const name of INTEGRATION)
      if (Object.hasOwn(integration, name)) found.push({ name, pointer: childPointer(at, name) });
    if (Object.hasOwn(asRecord(integration['tlsConfig']), 'serverNameToVerify'))
      found.push({
        name: 'tlsConfig.serverNameToVerify',
        pointer: childPointer(at, 'tlsConfig', 'serverNameToVerify'),
      });
  }
  return found;
}

/** Whether some operation's integration has a type only REST APIs have. */
export function hasRestOnlyIntegration(document: JsonObject): boolean {
  return rawOperations(document).some(({ operation }) =>
    REST_ONLY_TYPES.includes(String(asRecord(operation['x-amazon-apigateway-integration'])['type']).toLowerCase()),
  );
}

export function apiTypeOf(document: JsonObject, declared: ApiType | undefined): ApiType {
  if (declared) return declared;
  if (Object.hasOwn(document, 'x-gateway'))
    return asRecord(asRecord(document['x-gateway'])['api'])['type'] === 'http' ? 'http' : 'rest';
  const uses = httpOnlyUses(document);
  const http = uses.length > 1 || Object.hasOwn(document, 'x-amazon-apigateway-importexport-version');
  return http && !hasRestOnlyIntegration(document) ? 'http' : 'rest';
}

function rawOperations(document: JsonObject): { operation: Record<string, unknown>; pointer: string }[] {
  return Object.entries(asRecord(document['paths'])).flatMap(([path, item]) =>
    OPERATION_KEYS.filter((key) => Object.hasOwn(asRecord(item), key)).map((key) => ({
      operation: asRecord(asRecord(item)[key]),
      pointer: childPointer('/paths', path, key),
    })),
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
