/** Extensions that only HTTP APIs (ApiGatewayV2) read: on a REST API they do nothing, or fail the import. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

const ROOT = ['x-amazon-apigateway-cors', 'x-amazon-apigateway-importexport-version'];
const INTEGRATION = ['payloadFormatVersion', 'integrationSubtype'];

export default defineRule({
  meta: {
    id: 'http-api-extensions',
    description: 'HTTP-API-only extensions (x-amazon-apigateway-cors, -importexport-version, components.x-amazon-apigateway-integrations, payloadFormatVersion, integrationSubtype, isDefaultRoute) do not work on REST APIs.',
    severity: 'error',
    messages: { httpOnly: '`{{name}}` is for HTTP APIs; REST APIs ignore it or refuse it.' },
  },
  create(context) {
    return {
      Document(document) {
        for (const name of ROOT) if (name in document) context.report('httpOnly', `/${name}`, { name });
        if ('x-amazon-apigateway-integrations' in ((document['components'] ?? {}) as object)) context.report('httpOnly', '/components/x-amazon-apigateway-integrations', { name: 'x-amazon-apigateway-integrations' });
      },
      Operation(node) {
        if ('isDefaultRoute' in node.operation) context.report('httpOnly', childPointer(node.pointer, 'isDefaultRoute'), { name: 'isDefaultRoute' });
        const integration = node.operation['x-amazon-apigateway-integration'] as Record<string, unknown> | undefined;
        if (!integration || typeof integration !== 'object') return;
        const at = childPointer(node.pointer, 'x-amazon-apigateway-integration');
        for (const name of INTEGRATION) if (name in integration) context.report('httpOnly', childPointer(at, name), { name });
        const tls = integration['tlsConfig'] as Record<string, unknown> | undefined;
        if (tls && 'serverNameToVerify' in tls) context.report('httpOnly', childPointer(at, 'tlsConfig', 'serverNameToVerify'), { name: 'tlsConfig.serverNameToVerify' });
      },
    };
  },
});
