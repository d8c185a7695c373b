/**
 * SQS SendMessage: the request body (or another request value) becomes the message, through the query
 * API's form-encoded body.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { type AwsValue, cfnValue, joinSub, subText } from '../model/aws-value.js';
import { asBlock, type Block, type ModelContext, type RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { renderServiceIntegration } from './aws-service.js';
import { allow, partOf } from './iam.js';
import { formValue, quietValue } from './request-values.js';
import { requestValue } from './service-values.js';
import type { MessageAttribute, ServiceCommon, SqsIntegration } from './service-types.js';
import type { IntegrationOutput } from './types.js';
import { renderVtl } from './vtl.js';

export function parseSqs(ctx: ModelContext, block: Block, pointer: string, scope: RouteScope, common: ServiceCommon): SqsIntegration {
  const queue = ctx.value(block['queue'], childPointer(pointer, 'queue'), `SQS queue of ${scope.method} ${scope.path}`);
  const queueIsUrl = (queue.kind === 'literal' && /^https?:\/\//.test(queue.value)) || (queue.kind === 'intrinsic' && typeof queue.value['Ref'] === 'string');
  const value = (key: string): { [k: string]: string } => (key in block ? { [key]: requestValue(ctx, scope, block[key], childPointer(pointer, key)) } : {});
  return {
    kind: 'sqs',
    queue,
    queueIsUrl,
    body: requestValue(ctx, scope, block['body'] ?? 'body', childPointer(pointer, 'body' in block ? 'body' : 'queue')),
    attributes: attributesOf(ctx, scope, block['attributes'], childPointer(pointer, 'attributes')),
    ...value('groupId'),
    ...value('deduplicationId'),
    ...common,
  };
}

export function attributesOf(ctx: ModelContext, scope: RouteScope, raw: unknown, pointer: string): MessageAttribute[] {
  return Object.entries(asBlock(raw)).map(([name, value]) => ({ name, value: requestValue(ctx, scope, value, childPointer(pointer, name)) }));
}

/** The queue's account and name: from its ARN (`arn:…:sqs:region:account:name`) or URL (`https://host/account/name`). */
function queueParts(integration: SqsIntegration): { account: AwsValue; name: AwsValue } {
  return integration.queueIsUrl
    ? { account: partOf(integration.queue, '/', 3), name: partOf(integration.queue, '/', 4) }
    : { account: partOf(integration.queue, ':', 4), name: partOf(integration.queue, ':', 5) };
}

export function renderSqsIntegration(route: ServiceRoute, integration: SqsIntegration): IntegrationOutput {
  const { account, name } = queueParts(integration);
  const form = (v: string | undefined): string | undefined => (v === undefined ? undefined : formValue(v));
  return renderServiceIntegration(route, integration, {
    service: 'SQS',
    httpMethod: 'POST',
    uri: joinSub([subText('arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/'), account, '/', name]),
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    requestTemplate: renderVtl('sqs/send-message.request', {
      body: formValue(integration.body),
      // Attributes the request lacks are left out (SQS refuses empty values).
      attributes: integration.attributes.map((a) => ({ name: a.name, value: quietValue(a.value) })),
      groupId: form(integration.groupId),
      deduplicationId: form(integration.deduplicationId),
    }),
    responseTemplate: renderVtl('sqs/send-message.response', {}),
    // A URL names the queue's account; an ARN is the resource itself.
    statements: [allow(['sqs:SendMessage'], [integration.queueIsUrl ? joinSub([subText('arn:${AWS::Partition}:sqs:${AWS::Region}:'), account, ':', name]) : cfnValue(integration.queue)])],
    target: integration.queue,
  });
}
