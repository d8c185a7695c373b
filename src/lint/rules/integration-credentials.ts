/**
 * An AWS service integration (`type: aws` on anything but Lambda) calls the service with the role in
 * `credentials`; without one API Gateway has no identity to sign the call with, and it fails.
 */
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';
import { serviceOf, templateTextOf } from './template-text.js';

export default defineRule({
  meta: {
    id: 'integration-credentials',
    description:
      'AWS service integrations (type aws, other than Lambda) need `credentials`: the ARN of a role API Gateway assumes to call the service.',
    severity: 'warn',
    messages: {
      missing:
        'This `aws` integration calls {{service}} with no `credentials`: the call is not authorized. Add ' +
        '`credentials: !GetAtt <Role>.Arn`, a role trusted by apigateway.amazonaws.com that may call ' +
        '{{service}}.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (integration?.type !== 'aws' || integration.value['credentials'] !== undefined) return;
        const uri = templateTextOf(integration.value['uri']);
        const service = uri === undefined ? undefined : serviceOf(uri);
        // Lambda is called with a resource-based permission instead; an unreadable uri cannot be judged.
        if (service && service !== 'lambda') context.report('missing', integration.pointer, { service });
      },
    };
  },
});
