/**
 * Request validation in the Body: the validators the operations use (only those, with stable names),
 * and each operation's `x-amazon-apigateway-request-validator`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validators.html
 */
import type { Json } from '../../model/aws-value.js';
import type { GatewayModel } from '../../model/ir.js';
import { VALIDATORS } from '../../model/validation.js';
import type { Contribution } from '../shared/contribution.js';

export function emitValidation(model: GatewayModel): Contribution {
  const used = new Set(model.routes.map((r) => r.validate).filter((v) => v !== undefined && v !== 'none'));
  if (used.size === 0) return {};
  const validators: Record<string, Json> = {};
  for (const name of ['all', 'body', 'params'] as const) if (used.has(name)) validators[name] = VALIDATORS[name];
  return {
    body: { 'x-amazon-apigateway-request-validators': validators },
    operations: model.routes.filter((r) => r.validate !== undefined && r.validate !== 'none').map((route) => ({ route, fields: { 'x-amazon-apigateway-request-validator': route.validate! } })),
  };
}
