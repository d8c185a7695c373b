/** passthroughBehavior: when_no_match, when_no_templates or never. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf, isLiteral } from './integration.js';
import { nearestFix } from './nearest-value.js';

const VALUES = ['when_no_match', 'when_no_templates', 'never'];

export default defineRule({
  meta: {
    id: 'integration-passthrough',
    description: 'passthroughBehavior must be when_no_match, when_no_templates or never.',
    severity: 'error',
    messages: {
      invalid: '`passthroughBehavior: {{value}}` is not one of when_no_match, when_no_templates, never.{{fix}}',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        const value = integration?.value['passthroughBehavior'];
        if (integration && isLiteral(value) && !VALUES.includes(String(value).toLowerCase())) {
          context.report('invalid', childPointer(integration.pointer, 'passthroughBehavior'), {
            value: String(value),
            fix: nearestFix(String(value).toLowerCase(), VALUES),
          });
        }
      },
    };
  },
});
