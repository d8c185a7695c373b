/**
 * Gateway responses the spec sets (`x-gateway.gatewayResponses`), merged over the CORS headers on
 * DEFAULT_4XX / DEFAULT_5XX.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html
 */
import type { Json } from '../model/aws-value.js';
import type { GatewayModel } from '../model/ir.js';
import type { Contribution } from './contribution.js';

export function emitGatewayResponses(model: GatewayModel): Contribution {
  if (model.gatewayResponses.length === 0) return {};
  const responses: Record<string, Json> = {};
  for (const response of model.gatewayResponses) {
    responses[response.type] = {
      ...(response.status !== undefined && { statusCode: String(response.status) }),
      ...(Object.keys(response.headers).length > 0 && { responseParameters: Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [`gatewayresponse.header.${name}`, value])) }),
      ...(Object.keys(response.templates).length > 0 && { responseTemplates: { ...response.templates } }),
    };
  }
  return { body: { 'x-amazon-apigateway-gateway-responses': responses } };
}
