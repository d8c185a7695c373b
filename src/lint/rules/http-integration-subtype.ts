/**
 * An HTTP API's AWS service integration: a subtype API Gateway knows, each of its required request
 * parameters mapped (creation fails otherwise), no parameter it does not take, and a role to call the
 * service with. https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { HTTP_SUBTYPES } from '../../integrations/http-subtypes.js';
import { defineRule } from '../rule.js';
import { httpIntegrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'http-integration-subtype',
    description:
      'An HTTP API service integration (integrationSubtype) must be a known subtype, map its required ' +
      'request parameters and no others, and name the role it calls the service with (credentials).',
    severity: 'error',
    messages: {
      unknown: '`{{subtype}}` is not an integration subtype of HTTP APIs.',
      missing: '{{subtype}} requires the request parameter `{{name}}`, which is not mapped.',
      unexpected: '{{subtype}} takes no request parameter `{{name}}`.',
      credentials: '{{subtype}} calls the service with a role, and `credentials` names none.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = httpIntegrationOf(node);
        const subtype = integration?.value['integrationSubtype'];
        if (!integration || typeof subtype !== 'string') return;
        const parameters = HTTP_SUBTYPES[subtype];
        if (!parameters) {
          context.report('unknown', childPointer(integration.pointer, 'integrationSubtype'), { subtype }, 'value');
          return;
        }
        const mapped = integration.value['requestParameters'];
        const given =
          mapped !== null && typeof mapped === 'object' && !Array.isArray(mapped) ? Object.keys(mapped) : [];
        for (const name of parameters.required.filter((p) => !given.includes(p)))
          context.report(
            'missing',
            given.length > 0 ? childPointer(integration.pointer, 'requestParameters') : integration.pointer,
            { subtype, name },
          );
        for (const name of given.filter((p) => !parameters.required.includes(p) && !parameters.optional.includes(p)))
          context.report('unexpected', childPointer(integration.pointer, 'requestParameters', name), { subtype, name });
        if (!Object.hasOwn(integration.value, 'credentials'))
          context.report('credentials', integration.pointer, { subtype });
      },
    };
  },
});
