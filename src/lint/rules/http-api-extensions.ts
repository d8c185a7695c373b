/**
 * Extensions that only HTTP APIs (ApiGatewayV2) read: on a REST API they do nothing, or fail the import.
 * A document with several of them is an HTTP API document; that is said once, not at every place. Not
 * when an integration has a type only REST APIs have (HTTP APIs take aws_proxy and http_proxy): then the
 * document is a REST API that carries them by mistake, and each is reported.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock } from '../../model/context.js';
import { defineRule } from '../rule.js';
import { authorizersOf } from './integration.js';

const ROOT = ['x-amazon-apigateway-cors', 'x-amazon-apigateway-importexport-version'];
const INTEGRATION = ['payloadFormatVersion', 'integrationSubtype'];
const AUTHORIZER = ['enableSimpleResponses', 'authorizerPayloadFormatVersion', 'jwtConfiguration'];
const REST_ONLY_TYPES = ['aws', 'http', 'mock'];

export default defineRule({
  meta: {
    id: 'http-api-extensions',
    description: 'HTTP-API-only extensions (x-amazon-apigateway-cors, -importexport-version, components.x-amazon-apigateway-integrations, payloadFormatVersion, integrationSubtype, isDefaultRoute, JWT and simple-response authorizers) do not work on REST APIs.',
    severity: 'error',
    messages: {
      httpOnly: '`{{name}}` is for HTTP APIs; REST APIs ignore it or refuse it.',
      httpApi: 'This is an HTTP API (ApiGatewayV2) document: it uses {{count}} HTTP-API-only extensions ({{names}}). gateform compiles and lints REST APIs, which ignore or refuse them.',
    },
  },
  create(context) {
    const found: { name: string; pointer: string }[] = [];
    let rest = false;
    return {
      Document(document) {
        for (const name of ROOT) if (name in document) found.push({ name, pointer: `/${name}` });
        if (Object.hasOwn(asBlock(document['components']), 'x-amazon-apigateway-integrations')) found.push({ name: 'x-amazon-apigateway-integrations', pointer: '/components/x-amazon-apigateway-integrations' });
        for (const { value: authorizer, pointer: at } of authorizersOf(document)) {
          if (authorizer['type'] === 'jwt') found.push({ name: 'type: jwt', pointer: childPointer(at, 'type') });
          for (const name of AUTHORIZER) if (name in authorizer) found.push({ name, pointer: childPointer(at, name) });
        }
      },
      Operation(node) {
        if ('isDefaultRoute' in node.operation) found.push({ name: 'isDefaultRoute', pointer: childPointer(node.pointer, 'isDefaultRoute') });
        const integration = node.operation['x-amazon-apigateway-integration'] as Record<string, unknown> | undefined;
        if (!integration || typeof integration !== 'object') return;
        const at = childPointer(node.pointer, 'x-amazon-apigateway-integration');
        rest ||= REST_ONLY_TYPES.includes(String(integration['type']).toLowerCase());
        for (const name of INTEGRATION) if (name in integration) found.push({ name, pointer: childPointer(at, name) });
        if (Object.hasOwn(asBlock(integration['tlsConfig']), 'serverNameToVerify')) found.push({ name: 'tlsConfig.serverNameToVerify', pointer: childPointer(at, 'tlsConfig', 'serverNameToVerify') });
      },
      DocumentExit() {
        if (found.length === 1 || rest) {
          for (const { name, pointer } of found) context.report('httpOnly', pointer, { name });
          return;
        }
        if (found.length === 0) return;
        const names = [...new Set(found.map((f) => f.name))];
        context.report('httpApi', '/openapi', { count: found.length, names: names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : '') });
      },
    };
  },
});
