/**
 * An AWS service integration whose only response is a 2XX `default` passes the service's errors
 * (a DynamoDB ValidationException, an SQS AccessDenied) to the caller with that 2XX status.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock, isBlock } from '../../model/context.js';
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'integration-errors-as-success',
    description:
      'An AWS service integration (type aws with credentials) with only a 2XX `default` response sends service errors to clients as successes.',
    severity: 'warn',
    messages: {
      defaultOnly:
        'Only `default` → {{status}}: when the service fails, the caller still gets {{status}}. Add responses ' +
        'for errors, e.g. `"4\\\\d{2}": { statusCode: "400" }` and `"5\\\\d{2}": { statusCode: "500" }` (and ' +
        'declare them).',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (integration?.type !== 'aws' || integration.value['credentials'] === undefined) return;
        const responses = integration.value['responses'];
        if (!isBlock(responses) || Object.keys(responses).join() !== 'default') return;
        const status = String(asBlock(responses['default'])['statusCode'] ?? '');
        if (/^2\d\d$/.test(status))
          context.report('defaultOnly', childPointer(integration.pointer, 'responses', 'default'), { status });
      },
    };
  },
});
