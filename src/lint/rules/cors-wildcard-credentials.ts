/** `Access-Control-Allow-Origin: *` with credentials: browsers refuse the response. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'cors-wildcard-credentials',
    description: 'CORS responses (integration and gateway responses) must not combine origin * with Access-Control-Allow-Credentials: true.',
    severity: 'error',
    messages: { wildcard: 'This response allows origin * with credentials; browsers refuse it.' },
  },
  create(context) {
    /** Report each of `responses` whose parameters set both headers (`prefix` is method.response or gatewayresponse). */
    const check = (responses: unknown, pointer: string, prefix: string): void => {
      for (const [key, response] of Object.entries((responses ?? {}) as Record<string, Record<string, unknown> | null>)) {
        const parameters = (response?.['responseParameters'] ?? {}) as Record<string, unknown>;
        if (parameters[`${prefix}.header.Access-Control-Allow-Origin`] === "'*'" && parameters[`${prefix}.header.Access-Control-Allow-Credentials`] === "'true'") {
          context.report('wildcard', childPointer(pointer, key, 'responseParameters'));
        }
      }
    };
    return {
      Document(document) {
        check(document['x-amazon-apigateway-gateway-responses'], '/x-amazon-apigateway-gateway-responses', 'gatewayresponse');
      },
      Operation(node) {
        const integration = integrationOf(node);
        if (integration) check(integration.value['responses'], childPointer(integration.pointer, 'responses'), 'method.response');
      },
    };
  },
});
