/** `x-amazon-apigateway-integration.type` must be one API Gateway knows. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf, isLiteral } from './integration.js';
import { nearestFix } from './nearest-value.js';

const TYPES = ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'];
/** Names of a Lambda integration that are no integration type. */
const ALIASES = { lambda: 'aws_proxy', lambda_proxy: 'aws_proxy', 'lambda-proxy': 'aws_proxy' };

export default defineRule({
  meta: {
    id: 'integration-type',
    description: 'The integration type must be aws, aws_proxy, http, http_proxy or mock.',
    severity: 'error',
    messages: {
      missing: 'The integration has no `type`.',
      invalid: 'Integration type `{{type}}` is not one of aws, aws_proxy, http, http_proxy, mock.{{fix}}',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (!integration) return;
        if (!('type' in integration.value)) context.report('missing', integration.pointer);
        else if (isLiteral(integration.value['type']) && !TYPES.includes(integration.type))
          context.report('invalid', childPointer(integration.pointer, 'type'), {
            type: String(integration.value['type']),
            fix: nearestFix(integration.type, TYPES, ALIASES),
          });
      },
    };
  },
});
