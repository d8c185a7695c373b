/** A private API without a resource policy can never be invoked. */
import { defineRule } from '../rule.js';
import { policyOf } from './policy.js';

export default defineRule({
  meta: {
    id: 'private-api-without-policy',
    description: 'A private API needs a resource policy (or VPC endpoints gateform can write one for).',
    severity: 'error',
    messages: { missing: 'This private API has no resource policy, so no one can invoke it.' },
  },
  create(context) {
    return {
      Document() {
        // With x-gateway the compiler reports it (private-api-unreachable).
        if (context.model || context.endpoint !== 'private' || policyOf(context)) return;
        context.report('missing', '/servers');
      },
    };
  },
});
