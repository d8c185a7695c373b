/**
 * Request validation in the Body: the validators the operations use (only those, with stable names),
 * and each operation's `x-amazon-apigateway-request-validator`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validators.html
 */
import type { Json } from '../../model/aws-value.js';
import type { JsonObject } from '../../load/load-document.js';
import type { GatewayModel } from '../../model/ir.js';
import { validatesAsJson, VALIDATORS } from '../../model/validation.js';
import { OPERATION_KEY } from '../shared/body.js';
import type { Contribution } from '../shared/contribution.js';

export function emitValidation(model: GatewayModel): Contribution {
  const used = new Set(model.routes.map((r) => r.validate).filter((v) => v !== undefined && v !== 'none'));
  if (used.size === 0) return {};
  const validators: Record<string, Json> = {};
  for (const name of ['all', 'body', 'params'] as const) if (used.has(name)) validators[name] = VALIDATORS[name];
  return {
    body: { 'x-amazon-apigateway-request-validators': validators },
    operations: model.routes
      .filter((r) => r.validate !== undefined && r.validate !== 'none')
      .map((route) => ({ route, fields: { 'x-amazon-apigateway-request-validator': route.validate! } })),
  };
}

/**
 * Bodies the validator cannot check as JSON (forms, text) of body-validated operations keep no schema in
 * the Body: API Gateway would make it their model and refuse every such request (a warning says so).
 */
export function dropNonJsonModels(body: JsonObject, model: GatewayModel): void {
  const paths = (body['paths'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const route of model.routes.filter((r) => r.validate === 'all' || r.validate === 'body')) {
    const operation = paths[route.path]?.[OPERATION_KEY[route.method]] as Record<string, unknown> | undefined;
    const requestBody = operation?.['requestBody'] as Record<string, unknown> | undefined;
    const content = (requestBody?.['content'] ?? {}) as Record<string, Record<string, unknown>>;
    for (const [type, media] of Object.entries(content))
      if (!validatesAsJson(type) && media && typeof media === 'object') delete media['schema'];
  }
}
