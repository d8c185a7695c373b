/**
 * Gateway responses the spec sets (`x-gateway.gatewayResponses`), merged over the CORS headers on
 * DEFAULT_4XX / DEFAULT_5XX; with CORS on, each of them carries the origin headers too (a specific type
 * replaces the defaults, so without them the page could not read that error).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html
 */
import type { Json } from '../model/aws-value.js';
import type { GatewayModel } from '../model/ir.js';
import type { Contribution } from './contribution.js';
import { corsGatewayParameters } from './cors.js';

export function emitGatewayResponses(model: GatewayModel): Contribution {
  if (model.gatewayResponses.length === 0) return {};
  const responses: Record<string, Json> = {};
  for (const response of model.gatewayResponses) {
    const parameters = { ...(model.cors && corsGatewayParameters(model.cors)), ...Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [`gatewayresponse.header.${name}`, value])) };
    responses[response.type] = {
      ...(response.status !== undefined && { statusCode: String(response.status) }),
      ...(Object.keys(parameters).length > 0 && { responseParameters: parameters }),
      ...(Object.keys(response.templates).length > 0 && { responseTemplates: { ...response.templates } }),
    };
  }
  return { body: { 'x-amazon-apigateway-gateway-responses': responses } };
}
