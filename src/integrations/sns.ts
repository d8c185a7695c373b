/**
 * SNS Publish: the request body (or another request value) becomes the message of the topic.
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { toAwsValue } from '../model/aws-value.js';
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { renderServiceIntegration } from './aws-service.js';
import { encryptionOf, keyStatements } from './encryption.js';
import { actionUri, allow, arnOf, regionOf } from './iam.js';
import { optionalValueOf, templateValue } from './request-values.js';
import type { ResourceKind } from './resource-form.js';
import { checkFifo, optionalValue, requestValue, targetOf } from './service-values.js';
import type { ServiceCommon, SnsIntegration } from '../model/ir.js';
import { attributesOf, attributeValues } from './sqs.js';
import type { IntegrationOutput } from './types.js';
import { renderVtl } from './vtl.js';

const TOPIC: ResourceKind = {
  noun: 'topic',
  types: { 'AWS::SNS::Topic': 'arn' },
  forms: ['arn', 'name'],
  assumed: 'arn',
  example: 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:alerts',
};

export function parseSns(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  common: ServiceCommon,
): SnsIntegration | undefined {
  const topic = targetOf(
    ctx,
    block['topic'],
    childPointer(pointer, 'topic'),
    `SNS topic of ${scope.method} ${scope.path}`,
    TOPIC,
  );
  const values = {
    message: requestValue(
      ctx,
      scope,
      block['message'] ?? 'body',
      childPointer(pointer, 'message' in block ? 'message' : 'topic'),
    ),
    ...('subject' in block && {
      subject: requestValue(ctx, scope, block['subject'], childPointer(pointer, 'subject')),
    }),
    attributes: attributesOf(ctx, scope, block['attributes'], childPointer(pointer, 'attributes')),
    ...optionalValue(ctx, scope, block, pointer, 'groupId'),
    ...optionalValue(ctx, scope, block, pointer, 'deduplicationId'),
  };
  if (topic)
    checkFifo(ctx, block, topic.value, childPointer(pointer, 'topic'), {
      service: 'sns',
      noun: 'topic',
      action: 'Publish',
      fifoProperty: 'FifoTopic',
      nameProperty: 'TopicName',
    });
  return (
    topic && {
      kind: 'sns',
      topic: topic.value,
      topicForm: topic.form,
      ...values,
      ...encryptionOf(ctx, topic.value, childPointer(pointer, 'topic'), common),
      ...common,
    }
  );
}

export function renderSnsIntegration(route: ServiceRoute, integration: SnsIntegration): IntegrationOutput {
  const topic = arnOf(integration.topic, integration.topicForm, 'sns', '');
  return renderServiceIntegration(route, integration, {
    service: 'SNS',
    httpMethod: 'POST',
    uri: actionUri('sns', 'Publish', regionOf(integration.topic, integration.topicForm)),
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    requestTemplate: renderVtl(
      'sns/publish.request',
      {
        message: templateValue(integration.message, '$message'),
        // A subject the request lacks or gives empty is left out: SNS refuses an empty one.
        subject: optionalValueOf(integration.subject, '$subject'),
        attributes: attributeValues(integration.attributes),
        groupId: optionalValueOf(integration.groupId, '$groupId'),
        deduplicationId: optionalValueOf(integration.deduplicationId, '$deduplicationId'),
      },
      { topic: toAwsValue(topic)! },
    ),
    responseTemplate: renderVtl('sns/publish.response', {}),
    statements: [
      allow(['sns:Publish'], [topic]),
      ...keyStatements(integration.encryptionKey, ['kms:GenerateDataKey', 'kms:Decrypt']),
    ],
    target: integration.topic,
  });
}
