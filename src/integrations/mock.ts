/**
 * Mock integration: API Gateway answers by itself with a fixed status and JSON body.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
import type { Json } from '../model/aws-value.js';
import type { MockIntegration } from '../model/ir.js';
import { restMapping } from './mapping.js';
import type { IntegrationOutput } from './types.js';

export function renderMockIntegration(
  mock: MockIntegration,
  binaryMediaTypes: readonly string[] = [],
): IntegrationOutput {
  const { responseParameters, responseHeaders } = restMapping({ parameters: [] }, mock.mapping);
  return {
    integration: {
      ...mockIntegrationFields(mock.status, binaryMediaTypes),
      responses: {
        default: {
          statusCode: String(mock.status),
          ...(Object.keys(responseParameters).length > 0 && { responseParameters: { ...responseParameters } }),
          ...(mock.body !== undefined && { responseTemplates: { 'application/json': mockBodyTemplate(mock.body) } }),
        },
      },
    },
    statusCodes: [mock.status],
    ...(responseHeaders.length > 0 && { responseHeaders }),
  };
}

/**
 * The fields of every REST mock integration but its `responses` (the CORS preflight is one too): the
 * request template that picks the status, and the request's conversion to text. With binary media types
 * (a catch-all type above all) a request could pass as binary, which skips the mock's request template and
 * answers 500: `binaryMediaTypes` set on the API converts the request to text.
 */
export function mockIntegrationFields(
  status: number,
  binaryMediaTypes: readonly string[] = [],
): { readonly [key: string]: Json } {
  return {
    type: 'mock',
    requestTemplates: { 'application/json': mockRequestTemplate(status) },
    passthroughBehavior: 'when_no_match',
    ...(binaryMediaTypes.length > 0 && { contentHandling: 'CONVERT_TO_TEXT' }),
  };
}

/** The request template of a mock: API Gateway reads the status to answer with from it. */
export function mockRequestTemplate(status: number): string {
  return `{"statusCode": ${status}}`;
}

/**
 * The response template that answers exactly `body` as JSON. Response templates are Velocity: `$` and `#`
 * (which JSON has only inside strings) are written as the JSON escapes `\u0024` and `\u0023`, so none
 * starts a reference, directive or comment, and no backslash of the body escapes one.
 */
export function mockBodyTemplate(body: Json): string {
  return JSON.stringify(body).replace(/\$/g, '\\u0024').replace(/#/g, '\\u0023');
}
