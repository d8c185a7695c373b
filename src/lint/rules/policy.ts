/** The resource policy, from x-gateway (as it will be emitted) or the raw extension (`raw`: as written there). */
import { renderPolicy } from '../../emit/rest/access.js';
import type { RuleContext } from '../rule.js';

export function policyOf(
  context: RuleContext<string>,
): { document: unknown; pointer: string; raw: boolean } | undefined {
  if (context.model?.access.policy)
    return {
      document: renderPolicy(context.model.access.policy),
      pointer:
        context.model.access.policy.kind === 'vpc-endpoints' ? '/x-gateway/api/vpcEndpoints' : '/x-gateway/policy',
      raw: false,
    };
  const raw = context.document['x-amazon-apigateway-policy'];
  return raw === undefined ? undefined : { document: raw, pointer: '/x-amazon-apigateway-policy', raw: true };
}
