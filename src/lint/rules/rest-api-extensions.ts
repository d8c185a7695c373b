/**
 * Extensions and integration fields that only REST APIs read, in an HTTP API document: HTTP APIs have no
 * such feature, so what they say silently does not happen (or the import fails).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { authorizersOf, httpIntegrationOf } from './integration.js';

const ROOT = [
  'x-amazon-apigateway-api-key-source',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-minimum-compression-size',
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-request-validators',
  'x-amazon-apigateway-request-validator',
  'x-amazon-apigateway-documentation',
];
const OPERATION = ['x-amazon-apigateway-request-validator'];
const INTEGRATION = [
  'requestTemplates',
  'responses',
  'passthroughBehavior',
  'contentHandling',
  'cacheKeyParameters',
  'cacheNamespace',
  'integrationTarget',
  'responseTransferMode',
];
const PROXY_TYPES = ['aws_proxy', 'http_proxy'];
const AUTHORIZER_TYPES = ['jwt', 'request'];

export default defineRule({
  meta: {
    id: 'rest-api-extensions',
    description:
      'REST-only extensions (policies, gateway responses, request validators, API key source, binary media ' +
      'types, compression, documentation), integration fields (templates, responses, passthrough, content ' +
      'handling, caching), non-proxy integrations and token or Cognito authorizers do not work on HTTP ' +
      'APIs.',
    severity: 'error',
    messages: {
      restOnly: '`{{name}}` is for REST APIs; HTTP APIs ignore it or refuse it.',
      integrationType: 'HTTP APIs take aws_proxy and http_proxy integrations only, not `{{value}}`.',
      authorizerType: 'HTTP API authorizers are jwt or request (Lambda), not `{{value}}`.',
    },
  },
  create(context) {
    return {
      Document(document) {
        if (context.apiType !== 'http') return;
        for (const name of ROOT) if (Object.hasOwn(document, name)) context.report('restOnly', `/${name}`, { name });
        for (const { value, pointer } of authorizersOf(document)) {
          const type = String(value['type']).toLowerCase();
          if (!AUTHORIZER_TYPES.includes(type))
            context.report('authorizerType', childPointer(pointer, 'type'), { value: String(value['type']) }, 'value');
        }
      },
      Operation(node) {
        if (node.apiType !== 'http') return;
        for (const name of OPERATION)
          if (Object.hasOwn(node.operation, name))
            context.report('restOnly', childPointer(node.pointer, name), { name });
        const integration = httpIntegrationOf(node);
        if (!integration) return;
        if (!PROXY_TYPES.includes(integration.type))
          context.report(
            'integrationType',
            childPointer(integration.pointer, 'type'),
            {
              value: String(integration.value['type']),
            },
            'value',
          );
        for (const name of INTEGRATION)
          if (Object.hasOwn(integration.value, name))
            context.report('restOnly', childPointer(integration.pointer, name), { name });
      },
    };
  },
});
