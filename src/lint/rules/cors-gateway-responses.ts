/**
 * Errors API Gateway answers itself (a refused token, throttling, a missing route) are gateway responses;
 * without Access-Control-Allow-Origin on DEFAULT_4XX and DEFAULT_5XX a page reads them as network errors.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock } from '../../model/context.js';
import { defineRule } from '../rule.js';
import { ALLOW_ORIGIN, allowOriginOf, corsByXGateway, headerMapping } from './cors.js';

const ROOT = '/x-amazon-apigateway-gateway-responses';

export default defineRule({
  meta: {
    id: 'cors-gateway-responses',
    description:
      'An API that sends Access-Control-Allow-Origin should set it on its DEFAULT_4XX and DEFAULT_5XX ' +
      "gateway responses too, so pages can read the gateway's own errors.",
    severity: 'warn',
    messages: {
      missing:
        '{{missing}} {{verb}} no Access-Control-Allow-Origin, while {{example}} sends it: pages see API ' +
        "Gateway's own errors (401, 403, 429, 5XX) as network errors. Add to " +
        '`x-amazon-apigateway-gateway-responses`: `{{first}}: { responseParameters: { ' +
        'gatewayresponse.header.Access-Control-Allow-Origin: "{{origin}}" } }`.',
    },
  },
  create(context) {
    let example: { name: string; pointer: string; origin: string } | undefined;
    return {
      Operation(node) {
        if (example !== undefined || node.apiType !== 'rest' || node.key === 'options') return;
        const origin = allowOriginOf(node, context.deref);
        if (origin === undefined) return;
        example = {
          name: `${node.key.toUpperCase()} ${node.path}`,
          pointer: node.pointer,
          origin: typeof origin === 'string' && origin.startsWith("'") ? origin : "'*'",
        };
      },
      DocumentExit() {
        if (example === undefined || corsByXGateway(context.document)) return;
        const responses = asBlock(context.document['x-amazon-apigateway-gateway-responses']);
        const missing = ['DEFAULT_4XX', 'DEFAULT_5XX'].filter(
          (type) =>
            headerMapping(asBlock(responses[type])['responseParameters'], 'gatewayresponse', ALLOW_ORIGIN) ===
            undefined,
        );
        if (missing.length === 0) return;
        // At the gateway response that lacks the header when one is written, else where they would go.
        const lacking = missing.find((type) => Object.hasOwn(responses, type));
        const declared = Object.hasOwn(context.document, 'x-amazon-apigateway-gateway-responses');
        const at = lacking !== undefined ? childPointer(ROOT, lacking) : declared ? ROOT : example.pointer;
        context.report('missing', at, {
          missing: missing.join(' and '),
          verb: missing.length === 1 ? 'carries' : 'carry',
          example: example.name,
          first: missing[0]!,
          origin: example.origin,
        });
      },
    };
  },
});
