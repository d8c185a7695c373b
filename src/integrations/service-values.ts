/** Reading a service integration's request values in the model, with the checks every service shares. */
import { childPointer } from '../diagnostics/diagnostic.js';
import { type AwsValue, templateText } from '../model/aws-value.js';
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { RequestValue, ResourceForm } from '../model/ir.js';
import { pathParameterOf, readsBody } from './request-values.js';
import { declaredResource, resourceFormOf, type ResourceKind, wildcardScope } from './resource-form.js';

const NO_BODY = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

/** Whether the route's requests carry a body the integration can read. */
export function carriesBody(scope: RouteScope): boolean {
  return !NO_BODY.has(scope.method) && scope.operation['requestBody'] !== undefined;
}

/** A request value, checked: a body field needs a body, a path value needs that path parameter. */
export function requestValue(ctx: ModelContext, scope: RouteScope, raw: unknown, pointer: string): RequestValue {
  const value = String(raw);
  if (readsBody(value) && !carriesBody(scope)) {
    ctx.report(
      'service-body-unavailable',
      'error',
      `\`${value}\` reads the request body, but ${scope.method} ${scope.path} ${NO_BODY.has(scope.method) ? 'carries none' : 'declares no requestBody'}.`,
      ctx.origin(pointer, 'value'),
      'Take the value from the path, query string or a header, or declare a requestBody.',
    );
  }
  const parameter = pathParameterOf(value);
  if (parameter !== undefined && !scope.parameters.some((p) => p.in === 'path' && p.name === parameter)) {
    ctx.report(
      'unknown-path-parameter',
      'error',
      `\`${parameter}\` is not a path parameter of ${scope.path}.`,
      ctx.origin(pointer, 'value'),
      `Path parameters here: ${
        scope.parameters
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .join(', ') || 'none'
      }.`,
    );
  }
  return value;
}

/** An optional request value of `block`, checked, as `{ key: value }`; `{}` when the block has none. */
export function optionalValue(
  ctx: ModelContext,
  scope: RouteScope,
  block: Block,
  pointer: string,
  key: string,
): { readonly [key: string]: RequestValue } {
  return key in block ? { [key]: requestValue(ctx, scope, block[key], childPointer(pointer, key)) } : {};
}

/** A method without a body (GET, HEAD, DELETE, OPTIONS) that declares one: nothing of it reaches the service. */
export function refuseBodilessBody(ctx: ModelContext, scope: RouteScope, pointer: string): void {
  if (NO_BODY.has(scope.method) && scope.operation['requestBody'] !== undefined) {
    ctx.report(
      'service-body-on-bodiless-method',
      'error',
      `${scope.method} ${scope.path} declares a requestBody, but ${scope.method} requests carry no body to pass to the service.`,
      childPointer(scope.pointer, 'requestBody'),
      'Remove the requestBody, or use POST, PUT or PATCH.',
      [{ ...ctx.origin(pointer), message: 'the service integration is here' }],
    );
  }
}

/** An action that sends nothing of the request body: a requestBody on it is a mistake (on a bodiless method, see refuseBodilessBody). */
export function refuseBody(ctx: ModelContext, scope: RouteScope, action: string, pointer: string): void {
  if (scope.operation['requestBody'] !== undefined && !NO_BODY.has(scope.method)) {
    ctx.report(
      'service-action-body',
      'error',
      `${action} cannot carry the request body that ${scope.method} ${scope.path} declares.`,
      childPointer(scope.pointer, 'requestBody'),
      `Remove the requestBody, or use an action that writes it.`,
      [{ ...ctx.origin(pointer), message: 'the action is chosen here' }],
    );
  }
}

/**
 * An option of another action of the service (`options`: what each action reads) has no meaning here;
 * the option an action `needs` (its key, what it is, a field a request might carry it in) must be there.
 */
export function checkActionOptions<A extends string>(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  service: string,
  action: A,
  options: Readonly<Record<A, readonly string[]>>,
  needs: Partial<Record<A, readonly [key: string, what: string, field: string]>> = {},
): void {
  const need = needs[action];
  if (need && !(need[0] in block))
    ctx.report(
      'service-missing-value',
      'error',
      `${action} needs ${need[1]}.`,
      childPointer(pointer, 'action'),
      `Add \`${need[0]}\`, e.g. \`${need[0]}: body.${need[2]}\` or \`query.${need[2]}\`.`,
    );
  const others = new Set(Object.values<readonly string[]>(options).flat());
  for (const key of [...others].filter((k) => k in block && !options[action].includes(k))) {
    ctx.report(
      'service-option-unused',
      'error',
      `\`${key}\` has no meaning for ${service} ${action}.`,
      childPointer(pointer, key),
      options[action].length > 0
        ? `${action} takes: ${options[action].join(', ')}.`
        : `Remove it: ${action} takes no value.`,
    );
  }
}

/** The resource a service integration targets, and the form it is given in; undefined when that cannot be known (reported). */
export function targetOf(
  ctx: ModelContext,
  raw: unknown,
  pointer: string,
  usage: string,
  kind: ResourceKind,
): { value: AwsValue; form: ResourceForm } | undefined {
  const value = ctx.value(raw, pointer, usage);
  // The target is written into the mapping template: text no ARN, URL or name has could end its string or start Velocity.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what no target may hold.
  const stray = (templateText(value) ?? '').replace(/\$\{[^}]*\}/g, '').match(/[\s"'\\#$`\u0000-\u001f\u007f]/);
  if (stray) {
    return void ctx.report(
      'service-target-invalid',
      'error',
      `The ${kind.noun} contains ${JSON.stringify(stray[0])}, which no ${kind.noun} ARN${kind.forms.includes('url') ? ', URL' : ''} or name has.`,
      ctx.origin(pointer, 'value'),
      `Give the ${kind.noun}'s ARN (${kind.example}) or name.`,
    );
  }
  const scope = wildcardScope(value, kind);
  if (scope !== undefined) {
    const shown =
      value.kind === 'literal' ? `\`${value.value}\`` : value.kind === 'sub' ? `\`${value.template}\`` : 'This value';
    return void ctx.report(
      'service-target-wildcard',
      'error',
      `${shown} is a pattern, not one ${kind.noun}: the integration cannot call it, and as an IAM resource ` +
        `it matches ${scope}, all of which a generated role would be allowed to use.`,
      ctx.origin(pointer, 'value'),
      `Name the one ${kind.noun} this operation uses (its ARN or name, or a reference such as \`!Ref\`); to reach others, give each its own operation.`,
    );
  }
  const form = resourceFormOf(ctx, value, kind, pointer);
  if (form === undefined) return undefined;
  ctx.readAs(value, form, pointer);
  return { value, form };
}

/** A FIFO queue or topic: what makes it one in `--into`, and the action that sends to it. */
export interface FifoKind {
  readonly service: 'sqs' | 'sns';
  readonly noun: 'queue' | 'topic';
  readonly action: 'SendMessage' | 'Publish';
  readonly fifoProperty: 'FifoQueue' | 'FifoTopic';
  readonly nameProperty: 'QueueName' | 'TopicName';
}

/**
 * Sending to a FIFO queue or topic needs a MessageGroupId, and a MessageDeduplicationId unless it
 * deduplicates by content. It is known to be FIFO by its name (`….fifo`) or its --into declaration.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
export function checkFifo(ctx: ModelContext, block: Block, target: AwsValue, pointer: string, kind: FifoKind): void {
  const { service, noun, action } = kind;
  const declared = declaredResource(ctx, target);
  const text = templateText(target) ?? '';
  const fifo =
    text.endsWith('.fifo') ||
    String(declared?.properties[kind.fifoProperty]) === 'true' ||
    String(declared?.properties[kind.nameProperty]).endsWith('.fifo');
  if (fifo && !('groupId' in block)) {
    ctx.report(
      `${service}-fifo-group-id`,
      'error',
      `The ${noun} is a FIFO ${noun}: ${action} to it needs a MessageGroupId.`,
      pointer,
      'Add `groupId:` (messages with the same group id are delivered in order; e.g. `path.customerId`, or `context.requestId` for no ordering).',
    );
  }
  if (
    fifo &&
    declared &&
    !('deduplicationId' in block) &&
    String(declared.properties['ContentBasedDeduplication']) !== 'true'
  ) {
    ctx.report(
      `${service}-fifo-deduplication-id`,
      'error',
      `\`${declared.id}\` is a FIFO ${noun} without ContentBasedDeduplication: ${action} to it needs a MessageDeduplicationId.`,
      pointer,
      `Add \`deduplicationId: context.requestId\` (or a value that identifies the message), or set ContentBasedDeduplication on the ${noun}.`,
    );
  }
}
