/**
 * A non-proxy integration answers through its `responses`; when none matches (and for every successful
 * Lambda result) API Gateway uses `default`, and without one the caller gets a 500.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { isBlock } from '../../model/context.js';
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'integration-response-default',
    description:
      'Non-proxy integrations (aws, http, mock) need a `default` integration response, used when no selection pattern matches.',
    severity: 'warn',
    messages: {
      missing:
        'No `default` response: a backend status no pattern matches{{lambda}} ends in a 500 "Internal server ' +
        'error". Add `default: { statusCode: "{{status}}" }`.',
      none: 'A `{{type}}` integration without `responses` answers every call with a 500; add `responses: { default: { statusCode: "200" } }`.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (!integration || !['aws', 'http', 'mock'].includes(integration.type)) return;
        const responses = integration.value['responses'];
        if (responses === undefined) return context.report('none', integration.pointer, { type: integration.type });
        if (!isBlock(responses) || Object.hasOwn(responses, 'default')) return;
        const lambda = /:lambda:path\//.test(JSON.stringify(integration.value['uri'] ?? ''));
        context.report('missing', childPointer(integration.pointer, 'responses'), {
          lambda: lambda ? ' (and every successful Lambda result)' : '',
          status: lambda ? '200' : '500',
        });
      },
    };
  },
});
