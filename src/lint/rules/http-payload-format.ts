/**
 * `payloadFormatVersion` of an HTTP API integration: written (the import requires it, and the default
 * when it is left out is documented nowhere), "1.0" or "2.0" for a Lambda function, "1.0" for every
 * other integration (HTTP backends, private integrations, AWS services).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { httpIntegrationOf, isLiteral } from './integration.js';

export default defineRule({
  meta: {
    id: 'http-payload-format',
    description:
      'HTTP API integrations must write payloadFormatVersion: "1.0" or "2.0" for Lambda functions, "1.0" for every other integration.',
    severity: 'error',
    messages: {
      missing: 'The integration has no payloadFormatVersion, which HTTP APIs require.',
      invalid: 'payloadFormatVersion `{{value}}` is not "1.0" or "2.0".',
      notLambda: 'payloadFormatVersion `{{value}}` applies to Lambda integrations only; this integration takes "1.0".',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = httpIntegrationOf(node);
        if (!integration) return;
        const value = integration.value['payloadFormatVersion'];
        const at = childPointer(integration.pointer, 'payloadFormatVersion');
        if (value === undefined) {
          context.report('missing', integration.pointer);
          return;
        }
        if (!isLiteral(value)) return;
        const text = String(value);
        if (text !== '1.0' && text !== '2.0') context.report('invalid', at, { value: text }, 'value');
        else if (text === '2.0' && !isLambda(integration.value))
          context.report('notLambda', at, { value: text }, 'value');
      },
    };
  },
});

/** A Lambda proxy integration: aws_proxy without a subtype (its uri is the function or its invocation URI). */
function isLambda(integration: Record<string, unknown>): boolean {
  return String(integration['type']).toLowerCase() === 'aws_proxy' && !Object.hasOwn(integration, 'integrationSubtype');
}
