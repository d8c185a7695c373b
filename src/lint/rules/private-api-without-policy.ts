/**
 * A private API without a resource policy can never be invoked; one whose policy names no VPC endpoint
 * or VPC can be invoked through the interface VPC endpoints of any account.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html
 */
import { conditionsOnVpc } from '../../model/access.js';
import { defineRule } from '../rule.js';
import { policyOf } from './policy.js';

export default defineRule({
  meta: {
    id: 'private-api-without-policy',
    description:
      'A private API needs a resource policy that confines callers to VPC endpoints or VPCs (or VPC endpoints gateform can write one for).',
    severity: 'error',
    messages: {
      missing: 'This private API has no resource policy, so no one can invoke it.',
      unconfined:
        "This private API's resource policy has no condition on aws:SourceVpce or aws:SourceVpc, so a call " +
        'through the interface VPC endpoint of any AWS account can reach it.',
    },
  },
  create(context) {
    return {
      Document() {
        // With x-gateway the compiler reports both (private-api-unreachable, private-api-policy-unconfined).
        if (context.model || context.endpoint !== 'private') return;
        const policy = policyOf(context);
        if (!policy) context.report('missing', '/servers');
        else if (!conditionsOnVpc(policy.document)) context.report('unconfined', policy.pointer);
      },
    };
  },
});
