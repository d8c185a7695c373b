/**
 * Mock integration: API Gateway answers by itself with a fixed status and JSON body.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
import type { MockIntegration } from '../model/ir.js';
import type { IntegrationOutput } from './types.js';

/**
 * With binary media types (a catch-all type above all) a request could pass as binary, which skips the mock's
 * request template and answers 500: `binaryMediaTypes` set on the API converts the request to text.
 */
export function renderMockIntegration(mock: MockIntegration, binaryMediaTypes: readonly string[] = []): IntegrationOutput {
  const status = String(mock.status);
  return {
    integration: {
      type: 'mock',
      requestTemplates: { 'application/json': `{"statusCode": ${mock.status}}` },
      passthroughBehavior: 'when_no_match',
      ...(binaryMediaTypes.length > 0 && { contentHandling: 'CONVERT_TO_TEXT' }),
      responses: {
        default: {
          statusCode: status,
          ...(mock.body !== undefined && { responseTemplates: { 'application/json': escapeVtl(JSON.stringify(mock.body)) } }),
        },
      },
    },
    statusCodes: [mock.status],
  };
}

/** Response templates are Velocity: a literal `$` or `#` in the body must not start a reference or directive. */
function escapeVtl(text: string): string {
  if (!/[$#]/.test(text)) return text;
  return '#set($d = "$")#set($h = "#")' + text.replace(/\$/g, '${d}').replace(/#/g, '${h}');
}
