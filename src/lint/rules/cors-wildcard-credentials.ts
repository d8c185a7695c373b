/** `Access-Control-Allow-Origin: *` with credentials: browsers refuse the response. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'cors-wildcard-credentials',
    description: 'CORS responses must not combine origin * with Access-Control-Allow-Credentials: true.',
    severity: 'error',
    messages: { wildcard: 'This response allows origin * with credentials; browsers refuse it.' },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        for (const [key, response] of Object.entries((integration?.value['responses'] ?? {}) as Record<string, Record<string, unknown>>)) {
          const parameters = (response?.['responseParameters'] ?? {}) as Record<string, unknown>;
          if (parameters['method.response.header.Access-Control-Allow-Origin'] === "'*'" && parameters['method.response.header.Access-Control-Allow-Credentials'] === "'true'") {
            context.report('wildcard', childPointer(integration!.pointer, 'responses', key, 'responseParameters'));
          }
        }
      },
    };
  },
});
