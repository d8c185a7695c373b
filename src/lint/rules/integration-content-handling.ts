/** contentHandling: CONVERT_TO_TEXT or CONVERT_TO_BINARY, on the integration and its responses. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf, isLiteral } from './integration.js';
import { nearestFix } from './nearest-value.js';

const VALUES = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'];

export default defineRule({
  meta: {
    id: 'integration-content-handling',
    description: 'contentHandling must be CONVERT_TO_TEXT or CONVERT_TO_BINARY.',
    severity: 'error',
    messages: { invalid: '`contentHandling: {{value}}` is not CONVERT_TO_TEXT or CONVERT_TO_BINARY.{{fix}}' },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (!integration) return;
        const check = (owner: Record<string, unknown>, pointer: string): void => {
          const value = owner['contentHandling'];
          if (isLiteral(value) && !VALUES.includes(String(value)))
            context.report('invalid', childPointer(pointer, 'contentHandling'), {
              value,
              fix: nearestFix(value, VALUES),
            });
        };
        check(integration.value, integration.pointer);
        for (const [key, response] of Object.entries(
          (integration.value['responses'] ?? {}) as Record<string, Record<string, unknown>>,
        )) {
          if (response && typeof response === 'object')
            check(response, childPointer(integration.pointer, 'responses', key));
        }
      },
    };
  },
});
