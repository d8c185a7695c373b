/** The backend verb: required except for mock; Lambda is always invoked with POST. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf, isLiteral } from './integration.js';
import { nearestFix } from './nearest-value.js';

const VERBS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'ANY'];

export default defineRule({
  meta: {
    id: 'integration-http-method',
    description: 'Integrations other than mock need a valid httpMethod; Lambda integrations use POST.',
    severity: 'error',
    messages: {
      missing: 'A `{{type}}` integration needs `httpMethod`, the verb the backend is called with.',
      invalid: '`httpMethod: {{method}}` is not an HTTP verb API Gateway knows.{{fix}}',
      lambdaPost:
        'Lambda is invoked with POST, whatever the client used; `httpMethod: {{method}}` makes every call fail.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (!integration || integration.type === 'mock' || integration.type === '') return;
        const method = integration.value['httpMethod'];
        const at = childPointer(integration.pointer, 'httpMethod');
        if (method === undefined) context.report('missing', integration.pointer, { type: integration.type });
        else if (isLiteral(method) && !VERBS.includes(String(method).toUpperCase()))
          context.report('invalid', at, {
            method: String(method),
            fix: nearestFix(String(method).toUpperCase(), VERBS),
          });
        else if (
          isLiteral(method) &&
          String(method).toUpperCase() !== 'POST' &&
          /:lambda:path\//.test(String(integration.value['uri'] ?? ''))
        )
          context.report('lambdaPost', at, { method: String(method) });
      },
    };
  },
});
