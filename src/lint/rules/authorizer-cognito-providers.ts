/** A Cognito user pool authorizer checks tokens against the pools in providerARNs; without them it has none. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { authorizersOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'authorizer-cognito-providers',
    description: 'A cognito_user_pools authorizer needs providerARNs, the user pools whose tokens it accepts.',
    severity: 'error',
    messages: {
      missing:
        'The `{{name}}` Cognito authorizer names no user pool: add `providerARNs: ' +
        '[arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/<pool id>]` (or ' +
        '`!GetAtt <UserPool>.Arn`).',
    },
  },
  create(context) {
    return {
      Document(document) {
        for (const { name, value, pointer } of authorizersOf(document)) {
          const type = value['type'];
          if (typeof type !== 'string' || type.toLowerCase() !== 'cognito_user_pools') continue;
          const providers = value['providerARNs'];
          if (providers === undefined || (Array.isArray(providers) && providers.length === 0))
            context.report('missing', providers === undefined ? pointer : childPointer(pointer, 'providerARNs'), {
              name,
            });
        }
      },
    };
  },
});
