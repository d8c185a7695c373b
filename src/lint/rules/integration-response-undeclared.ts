/**
 * Every integration response's statusCode must be a response the operation declares: API Gateway puts
 * an integration response on an existing method response, and import fails otherwise.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock } from '../../model/context.js';
import { defineRule } from '../rule.js';
import { integrationOf, isLiteral } from './integration.js';

export default defineRule({
  meta: {
    id: 'integration-response-undeclared',
    description:
      "Each integration response's statusCode must be declared in the operation's responses (a method response).",
    severity: 'error',
    messages: {
      undeclared:
        '`statusCode: {{status}}` has no method response: declare `responses: { "{{status}}": { description: … } }` on the operation, or import fails.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (!integration || integration.type.endsWith('_proxy')) return;
        const declared = asBlock(node.operation['responses']);
        for (const [selection, response] of Object.entries(asBlock(integration.value['responses']))) {
          const status = asBlock(response)['statusCode'];
          if (isLiteral(status) && !Object.hasOwn(declared, String(status)))
            context.report('undeclared', childPointer(integration.pointer, 'responses', selection, 'statusCode'), {
              status: String(status),
            });
        }
      },
    };
  },
});
