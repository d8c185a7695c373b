/**
 * Kinesis Data Streams PutRecord: the data (base64-encoded, as the API requires) is the request body or
 * another value; the partition key comes from the request.
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { renderServiceIntegration } from './aws-service.js';
import { encryptionOf, keyStatements } from './encryption.js';
import { actionUri, allow, arnOf, regionOf } from './iam.js';
import { templateValue } from './request-values.js';
import type { ResourceKind } from './resource-form.js';
import { requestValue, targetOf } from './service-values.js';
import type { KinesisIntegration, ServiceCommon } from '../model/ir.js';
import type { IntegrationOutput } from './types.js';
import { renderVtl } from './vtl.js';

const STREAM: ResourceKind = {
  noun: 'stream',
  types: { 'AWS::Kinesis::Stream': 'name' },
  forms: ['arn', 'name'],
  assumed: 'name',
  example: 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/clicks',
};

export function parseKinesis(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  common: ServiceCommon,
): KinesisIntegration | undefined {
  const stream = targetOf(
    ctx,
    block['stream'],
    childPointer(pointer, 'stream'),
    `Kinesis stream of ${scope.method} ${scope.path}`,
    STREAM,
  );
  const values = {
    partitionKey: requestValue(ctx, scope, block['partitionKey'], childPointer(pointer, 'partitionKey')),
    data: requestValue(ctx, scope, block['data'] ?? 'body', childPointer(pointer, 'data' in block ? 'data' : 'stream')),
  };
  return (
    stream && {
      kind: 'kinesis',
      stream: stream.value,
      streamForm: stream.form,
      ...values,
      ...encryptionOf(ctx, stream.value, childPointer(pointer, 'stream'), common),
      ...common,
    }
  );
}

export function renderKinesisIntegration(route: ServiceRoute, integration: KinesisIntegration): IntegrationOutput {
  const streamIsArn = integration.streamForm === 'arn';
  return renderServiceIntegration(route, integration, {
    service: 'Kinesis',
    httpMethod: 'POST',
    uri: actionUri('kinesis', 'PutRecord', regionOf(integration.stream, integration.streamForm)),
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-amz-json-1.1'" },
    requestTemplate: renderVtl(
      'kinesis/put-record.request',
      {
        streamKey: streamIsArn ? 'StreamARN' : 'StreamName',
        partitionKey: templateValue(integration.partitionKey, '$partitionKey'),
        data: templateValue(integration.data, '$data'),
      },
      { stream: integration.stream },
    ),
    responseTemplate: renderVtl('kinesis/put-record.response', {}),
    statements: [
      allow(['kinesis:PutRecord'], [arnOf(integration.stream, integration.streamForm, 'kinesis', 'stream/')]),
      ...keyStatements(integration.encryptionKey, ['kms:GenerateDataKey']),
    ],
    target: integration.stream,
  });
}
