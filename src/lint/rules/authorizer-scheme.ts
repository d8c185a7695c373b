/**
 * API Gateway reads an x-amazon-apigateway-authorizer only on a security scheme of `type: apiKey` with
 * `in: header` (its `name` is the header that carries the token).
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock } from '../../model/context.js';
import { defineRule } from '../rule.js';
import { authorizersOf, securitySchemesOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'authorizer-scheme',
    description:
      'A REST API authorizer (x-amazon-apigateway-authorizer) belongs on a security scheme with type: apiKey and in: header.',
    severity: 'warn',
    messages: {
      scheme:
        'The `{{name}}` scheme is `{{found}}`; API Gateway reads authorizers from `type: apiKey, in: header` ' +
        'schemes. Write `type: apiKey, name: {{header}}, in: header`.',
    },
  },
  create(context) {
    return {
      Document(document) {
        if (context.apiType !== 'rest') return;
        const schemes = securitySchemesOf(document);
        for (const { name } of authorizersOf(document)) {
          const scheme = asBlock(context.deref(schemes[name]));
          const found = `type: ${String(scheme['type'])}${scheme['in'] === undefined ? '' : `, in: ${String(scheme['in'])}`}`;
          if (scheme['type'] === 'apiKey' && scheme['in'] === 'header') continue;
          context.report(
            'scheme',
            childPointer('/components/securitySchemes', name, 'type'),
            {
              name,
              found,
              header: typeof scheme['name'] === 'string' ? scheme['name'] : 'Authorization',
            },
            'value',
          );
        }
      },
    };
  },
});
