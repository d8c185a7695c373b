/**
 * `Access-Control-Allow-Origin: *` with credentials: browsers refuse the response, and an HTTP API refuses
 * such an `x-amazon-apigateway-cors` (BadRequestException).
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { ALLOW_ORIGIN, headerKey, headerMapping } from './cors.js';
import { integrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'cors-wildcard-credentials',
    description:
      "CORS responses (integration and gateway responses, an HTTP API's x-amazon-apigateway-cors) must not " +
      'combine origin * with Access-Control-Allow-Credentials: true.',
    severity: 'error',
    messages: {
      wildcard: 'This response allows origin * with credentials; browsers refuse it.',
      httpApi:
        'allowCredentials with allowOrigins `*`: API Gateway refuses this CORS configuration, and browsers would refuse its responses.',
    },
  },
  create(context) {
    /**
     * Report each of `responses` whose parameters set both headers (`prefix` is method.response or
     * gatewayresponse; header names in any case), at its Access-Control-Allow-Origin.
     */
    const check = (responses: unknown, pointer: string, prefix: string): void => {
      for (const [key, response] of Object.entries(
        (responses ?? {}) as Record<string, Record<string, unknown> | null>,
      )) {
        const parameters = response?.['responseParameters'];
        const origin = headerKey(parameters, prefix, ALLOW_ORIGIN);
        if (
          origin !== undefined &&
          headerMapping(parameters, prefix, ALLOW_ORIGIN) === "'*'" &&
          headerMapping(parameters, prefix, 'access-control-allow-credentials') === "'true'"
        ) {
          context.report('wildcard', childPointer(pointer, key, 'responseParameters', origin));
        }
      }
    };
    return {
      Document(document) {
        check(
          document['x-amazon-apigateway-gateway-responses'],
          '/x-amazon-apigateway-gateway-responses',
          'gatewayresponse',
        );
        const cors = (document['x-amazon-apigateway-cors'] ?? {}) as Record<string, unknown>;
        if (
          cors['allowCredentials'] === true &&
          Array.isArray(cors['allowOrigins']) &&
          cors['allowOrigins'].includes('*')
        )
          context.report('httpApi', '/x-amazon-apigateway-cors/allowCredentials');
      },
      Operation(node) {
        const integration = integrationOf(node);
        if (integration)
          check(integration.value['responses'], childPointer(integration.pointer, 'responses'), 'method.response');
      },
    };
  },
});
