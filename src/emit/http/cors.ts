/**
 * CORS of an HTTP API: `x-amazon-apigateway-cors`, with which API Gateway answers preflight requests
 * itself (no OPTIONS routes) and puts the headers on every response, replacing the backend's.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
import type { Json } from '../../model/aws-value.js';
import type { GatewayModel, HttpMethod } from '../../model/ir.js';
import type { Contribution } from '../shared/contribution.js';

export function emitHttpCors(model: GatewayModel): Contribution {
  const cors = model.cors;
  if (!cors) return {};
  const methods = new Set<HttpMethod>(model.routes.map((route) => route.method));
  const allowMethods = methods.has('ANY') ? ['*'] : [...new Set([...methods, 'OPTIONS'])].sort();
  const configuration: Record<string, Json> = {
    allowOrigins: [...cors.origins],
    allowMethods,
    allowHeaders: [...cors.headers],
    ...(cors.exposeHeaders.length > 0 && { exposeHeaders: [...cors.exposeHeaders] }),
    ...(cors.credentials && { allowCredentials: true }),
    ...(cors.maxAge !== undefined && { maxAge: cors.maxAge }),
  };
  return { body: { 'x-amazon-apigateway-cors': configuration } };
}
