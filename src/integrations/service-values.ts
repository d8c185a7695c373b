/** Reading a service integration's request values in the model, with the checks every service shares. */
import { childPointer } from '../diagnostics/diagnostic.js';
import type { AwsValue } from '../model/aws-value.js';
import type { ModelContext, RouteScope } from '../model/context.js';
import { pathParameterOf, readsBody, type RequestValue } from './request-values.js';
import { type ResourceForm, resourceFormOf, type ResourceKind } from './resource-form.js';

const NO_BODY = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

/** Whether the route's requests carry a body the integration can read. */
export function carriesBody(scope: RouteScope): boolean {
  return !NO_BODY.has(scope.method) && scope.operation['requestBody'] !== undefined;
}

/** A request value, checked: a body field needs a body, a path value needs that path parameter. */
export function requestValue(ctx: ModelContext, scope: RouteScope, raw: unknown, pointer: string): RequestValue {
  const value = String(raw);
  if (readsBody(value) && !carriesBody(scope)) {
    ctx.report('service-body-unavailable', 'error', `\`${value}\` reads the request body, but ${scope.method} ${scope.path} ${NO_BODY.has(scope.method) ? 'carries none' : 'declares no requestBody'}.`, pointer, 'Take the value from the path, query string or a header, or declare a requestBody.');
  }
  const parameter = pathParameterOf(value);
  if (parameter !== undefined && !scope.parameters.some((p) => p.in === 'path' && p.name === parameter)) {
    ctx.report('unknown-path-parameter', 'error', `\`${parameter}\` is not a path parameter of ${scope.path}.`, pointer, `Path parameters here: ${scope.parameters.filter((p) => p.in === 'path').map((p) => p.name).join(', ') || 'none'}.`);
  }
  return value;
}

/** A method without a body (GET, HEAD, DELETE, OPTIONS) that declares one: nothing of it reaches the service. */
export function refuseBodilessBody(ctx: ModelContext, scope: RouteScope, pointer: string): void {
  if (NO_BODY.has(scope.method) && scope.operation['requestBody'] !== undefined) {
    ctx.report('service-body-on-bodiless-method', 'error', `${scope.method} ${scope.path} declares a requestBody, but ${scope.method} requests carry no body to pass to the service.`, childPointer(scope.pointer, 'requestBody'), 'Remove the requestBody, or use POST, PUT or PATCH.', [{ ...ctx.origin(pointer), message: 'the service integration is here' }]);
  }
}

/** An action that sends nothing of the request body: a requestBody on it is a mistake (on a bodiless method, see refuseBodilessBody). */
export function refuseBody(ctx: ModelContext, scope: RouteScope, action: string, pointer: string): void {
  if (scope.operation['requestBody'] !== undefined && !NO_BODY.has(scope.method)) {
    ctx.report('service-action-body', 'error', `${action} cannot carry the request body that ${scope.method} ${scope.path} declares.`, childPointer(scope.pointer, 'requestBody'), `Remove the requestBody, or use an action that writes it.`, [{ ...ctx.origin(pointer), message: 'the action is chosen here' }]);
  }
}

/** The resource a service integration targets, and the form it is given in; undefined when that cannot be known (reported). */
export function targetOf(ctx: ModelContext, raw: unknown, pointer: string, usage: string, kind: ResourceKind): { value: AwsValue; form: ResourceForm } | undefined {
  const value = ctx.value(raw, pointer, usage);
  const form = resourceFormOf(ctx, value, kind, pointer);
  return form === undefined ? undefined : { value, form };
}
