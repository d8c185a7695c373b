/**
 * Extensions that only HTTP APIs (ApiGatewayV2) read: on a REST API they do nothing, or fail the import.
 * An HTTP API document (see api-type.ts) uses them rightly; in a REST API document each is reported
 * where it stands.
 */
import { httpOnlyUses } from '../api-type.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'http-api-extensions',
    description:
      'HTTP-API-only extensions (x-amazon-apigateway-cors, -importexport-version, ' +
      'components.x-amazon-apigateway-integrations, payloadFormatVersion, integrationSubtype, ' +
      'isDefaultRoute, JWT and simple-response authorizers) do not work on REST APIs.',
    severity: 'error',
    messages: {
      httpOnly: '`{{name}}` is for HTTP APIs; REST APIs ignore it or refuse it.',
    },
  },
  create(context) {
    return {
      Document(document) {
        if (context.apiType === 'http') return;
        for (const { name, pointer } of httpOnlyUses(document)) context.report('httpOnly', pointer, { name });
      },
    };
  },
});
