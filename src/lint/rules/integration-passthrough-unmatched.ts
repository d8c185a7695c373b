/**
 * With `passthroughBehavior: when_no_match` (the default), a request whose Content-Type has no mapping
 * template goes to the backend as sent. On an AWS service integration that means the caller writes the
 * service request itself (another table, another queue) with the integration's role.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { isBlock } from '../../model/context.js';
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'integration-passthrough-unmatched',
    description:
      'An AWS service integration with mapping templates should not pass other content types through ' +
      '(passthroughBehavior when_no_match, the default): the caller would choose the service request.',
    severity: 'warn',
    messages: {
      explicit:
        'With `when_no_match`, a request with another Content-Type than {{types}} reaches the service ' +
        'unmapped, signed with the integration role. Write `passthroughBehavior: when_no_templates` (or ' +
        '`never`).',
      implicit:
        'passthroughBehavior defaults to when_no_match: a request with another Content-Type than {{types}} ' +
        'reaches the service unmapped, signed with the integration role. Write `passthroughBehavior: ' +
        'when_no_templates` (or `never`).',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (integration?.type !== 'aws' || integration.value['credentials'] === undefined) return;
        const templates = integration.value['requestTemplates'];
        if (!isBlock(templates) || Object.keys(templates).length === 0) return;
        const behavior = integration.value['passthroughBehavior'];
        const types = Object.keys(templates).join(', ');
        if (behavior === undefined) context.report('implicit', integration.pointer, { types });
        else if (typeof behavior === 'string' && behavior.toLowerCase() === 'when_no_match')
          context.report('explicit', childPointer(integration.pointer, 'passthroughBehavior'), { types }, 'value');
      },
    };
  },
});
