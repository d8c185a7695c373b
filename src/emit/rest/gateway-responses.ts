/**
 * Gateway responses the spec sets (`x-gateway.gatewayResponses`); with CORS on, cors.ts adds the origin
 * headers to each of them.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html
 */
import type { Json } from '../../model/aws-value.js';
import type { GatewayModel } from '../../model/ir.js';
import type { Contribution } from '../shared/contribution.js';

export function emitGatewayResponses(model: GatewayModel): Contribution {
  if (model.gatewayResponses.length === 0) return {};
  const responses: Record<string, Json> = {};
  for (const response of model.gatewayResponses) {
    const parameters = Object.fromEntries(
      Object.entries(response.headers).map(([name, value]) => [`gatewayresponse.header.${name}`, value]),
    );
    responses[response.type] = {
      ...(response.status !== undefined && { statusCode: String(response.status) }),
      ...(Object.keys(parameters).length > 0 && { responseParameters: parameters }),
      ...(Object.keys(response.templates).length > 0 && { responseTemplates: { ...response.templates } }),
    };
  }
  return { body: { 'x-amazon-apigateway-gateway-responses': responses } };
}
