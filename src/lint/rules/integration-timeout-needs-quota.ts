/**
 * Above 29000 ms, a regional or private API's integration works only after the account's quota is
 * raised (which may lower its throttle). A warning: the quota may well have been raised already.
 * https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/
 */
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';
import { MAX_TIMEOUT } from '../../model/websocket.js';
import { timeoutOf } from './integration-timeout.js';

export default defineRule({
  meta: {
    id: 'integration-timeout-needs-quota',
    description: 'An integration timeout above 29000 ms on a regional or private API needs a raised quota.',
    severity: 'warn',
    messages: {
      quota:
        'Timeout {{value}} ms is over the default 29000 ms quota; it works only after a quota increase for this account and Region.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const timeout = timeoutOf(integrationOf(node));
        if (timeout && !timeout.stream && timeout.value > MAX_TIMEOUT && context.endpoint !== 'edge')
          context.report('quota', timeout.pointer, { value: timeout.value }, 'value');
      },
    };
  },
});
