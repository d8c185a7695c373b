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
import { encryptionOf, keyStatements } from './encryption.js';
import { allow, type IamStatement, partOf, regionOf } from './iam.js';
import { optionalValueOf, type TemplateValue, templateValue } from './request-values.js';
import type { ResourceKind } from './resource-form.js';
import { checkActionOptions, checkFifo, optionalValue, refuseBody, requestValue, targetOf } from './service-values.js';
import type { MessageAttribute, ServiceCommon, SqsAction, SqsIntegration } from '../model/ir.js';
import type { IntegrationOutput } from './types.js';
import { renderVtl } from './vtl.js';

const QUEUE: ResourceKind = {
  noun: 'queue',
  types: { 'AWS::SQS::Queue': 'url' },
  forms: ['arn', 'url', 'name'],
  example: 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders',
};

/** The options each action reads; the others are refused. */
const SQS_ACTION_OPTIONS: Readonly<Record<SqsAction, readonly string[]>> = {
  SendMessage: ['body', 'attributes', 'groupId', 'deduplicationId'],
  ReceiveMessage: ['maxMessages', 'visibilityTimeout', 'waitTime'],
  DeleteMessage: ['receiptHandle'],
  PurgeQueue: [],
};

export function parseSqs(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  common: ServiceCommon,
): SqsIntegration | undefined {
  const queue = targetOf(
    ctx,
    block['queue'],
    childPointer(pointer, 'queue'),
    `SQS queue of ${scope.method} ${scope.path}`,
    QUEUE,
  );
  const action = (block['action'] ?? 'SendMessage') as SqsAction;
  checkActionOptions(ctx, block, pointer, 'SQS', action, SQS_ACTION_OPTIONS, {
    DeleteMessage: ['receiptHandle', 'the receipt handle of the message to delete', 'receiptHandle'],
  });
  const values =
    action === 'SendMessage'
      ? {
          body: requestValue(
            ctx,
            scope,
            block['body'] ?? 'body',
            childPointer(pointer, 'body' in block ? 'body' : 'queue'),
          ),
          attributes: attributesOf(ctx, scope, block['attributes'], childPointer(pointer, 'attributes')),
          ...optionalValue(ctx, scope, block, pointer, 'groupId'),
          ...optionalValue(ctx, scope, block, pointer, 'deduplicationId'),
        }
      : {
          attributes: [],
          ...optionalValue(ctx, scope, block, pointer, 'receiptHandle'),
          ...optionalValue(ctx, scope, block, pointer, 'maxMessages'),
          ...optionalValue(ctx, scope, block, pointer, 'visibilityTimeout'),
          ...optionalValue(ctx, scope, block, pointer, 'waitTime'),
        };
  if (action !== 'SendMessage' && action !== 'DeleteMessage') refuseBody(ctx, scope, action, pointer);
  if (queue && action === 'SendMessage')
    checkFifo(ctx, block, queue.value, childPointer(pointer, 'queue'), {
      service: 'sqs',
      noun: 'queue',
      action: 'SendMessage',
      fifoProperty: 'FifoQueue',
      nameProperty: 'QueueName',
    });
  return (
    queue && {
      kind: 'sqs',
      queue: queue.value,
      queueForm: queue.form,
      action,
      ...values,
      ...encryptionOf(ctx, queue.value, childPointer(pointer, 'queue'), common),
      ...common,
    }
  );
}

/** Message attributes as the templates write them, each in its own variable. */
export function attributeValues(attributes: readonly MessageAttribute[]): { name: string; value: TemplateValue }[] {
  return attributes.map((a, i) => ({ name: a.name, value: templateValue(a.value, `$attribute${i}`) }));
}

export function attributesOf(ctx: ModelContext, scope: RouteScope, raw: unknown, pointer: string): MessageAttribute[] {
  return Object.entries(asBlock(raw)).map(([name, value]) => ({
    name,
    value: requestValue(ctx, scope, value, childPointer(pointer, name)),
  }));
}

/** The queue's account and name: from its ARN (`arn:…:sqs:region:account:name`), URL (`https://host/account/name`) or name. */
function queueParts({ queue, queueForm }: SqsIntegration): { account: AwsValue; name: AwsValue } {
  switch (queueForm) {
    case 'url':
      return { account: partOf(queue, '/', 3), name: partOf(queue, '/', 4) };
    case 'arn':
      return { account: partOf(queue, ':', 4), name: partOf(queue, ':', 5) };
    case 'name':
      return { account: subText('${AWS::AccountId}'), name: queue };
  }
}

/**
 * The role's statements for the integration's action on its queue (an ARN is the resource itself; a URL
 * or name gives the queue's account and name), with the KMS actions an encrypted queue needs: to write a
 * message, or to read one.
 */
export function sqsStatements(integration: SqsIntegration): IamStatement[] {
  const { account, name } = queueParts(integration);
  const region = regionOf(integration.queue, integration.queueForm) ?? '${AWS::Region}';
  const queue =
    integration.queueForm === 'arn'
      ? cfnValue(integration.queue)
      : joinSub([subText(`arn:\${AWS::Partition}:sqs:${region}:`), account, ':', name]);
  const kms =
    integration.action === 'SendMessage'
      ? ['kms:GenerateDataKey', 'kms:Decrypt']
      : integration.action === 'ReceiveMessage'
        ? ['kms:Decrypt']
        : [];
  return [
    allow([`sqs:${integration.action}`], [queue]),
    ...(kms.length > 0 ? keyStatements(integration.encryptionKey, kms) : []),
  ];
}

export function renderSqsIntegration(route: ServiceRoute, integration: SqsIntegration): IntegrationOutput {
  const { account, name } = queueParts(integration);
  const region = regionOf(integration.queue, integration.queueForm) ?? '${AWS::Region}';
  return renderServiceIntegration(route, integration, {
    service: 'SQS',
    httpMethod: 'POST',
    uri: joinSub([subText(`arn:\${AWS::Partition}:apigateway:${region}:sqs:path/`), account, '/', name]),
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    requestTemplate: renderVtl('sqs/send-message.request', {
      body: templateValue(integration.body!, '$body'),
      // Attributes the request lacks or gives empty are left out (SQS refuses empty values).
      attributes: attributeValues(integration.attributes),
      groupId: optionalValueOf(integration.groupId, '$groupId'),
      deduplicationId: optionalValueOf(integration.deduplicationId, '$deduplicationId'),
    }),
    responseTemplate: renderVtl('sqs/send-message.response', {}),
    statements: sqsStatements(integration),
    target: integration.queue,
  });
}
