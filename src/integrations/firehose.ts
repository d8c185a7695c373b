/**
 * Amazon Data Firehose PutRecord: the record's data (base64-encoded, as the API requires) is the request
 * body or another value. The API takes the Firehose stream by name only.
 * https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecord.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { FirehoseIntegration, ServiceCommon } from '../model/ir.js';
import type { ServiceRoute } from './aws-service.js';
import { renderServiceIntegration } from './aws-service.js';
import { actionUri, allow, arnOf, nameOf, regionOf } from './iam.js';
import { templateValue } from './request-values.js';
import type { ResourceKind } from './resource-form.js';
import { requestValue, targetOf } from './service-values.js';
import type { IntegrationOutput } from './types.js';
import { renderVtl } from './vtl.js';

const STREAM: ResourceKind = {
  noun: 'Firehose stream',
  types: { 'AWS::KinesisFirehose::DeliveryStream': 'name' },
  forms: ['arn', 'name'],
  assumed: 'name',
  example: 'arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/clicks',
};

export function parseFirehose(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  common: ServiceCommon,
): FirehoseIntegration | undefined {
  const stream = targetOf(
    ctx,
    block['stream'],
    childPointer(pointer, 'stream'),
    `Firehose stream of ${scope.method} ${scope.path}`,
    STREAM,
  );
  const data = requestValue(
    ctx,
    scope,
    block['data'] ?? 'body',
    childPointer(pointer, 'data' in block ? 'data' : 'stream'),
  );
  return stream && { kind: 'firehose', stream: stream.value, streamForm: stream.form, data, ...common };
}

export function renderFirehoseIntegration(route: ServiceRoute, integration: FirehoseIntegration): IntegrationOutput {
  const { stream, streamForm } = integration;
  return renderServiceIntegration(route, integration, {
    service: 'Firehose',
    httpMethod: 'POST',
    uri: actionUri('firehose', 'PutRecord', regionOf(stream, streamForm)),
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-amz-json-1.1'" },
    requestTemplate: renderVtl(
      'firehose/put-record.request',
      { data: templateValue(integration.data, '$data') },
      { stream: nameOf(stream, streamForm, '/', 1) },
    ),
    responseTemplate: renderVtl('firehose/put-record.response', {}),
    // Firehose answers ServiceUnavailableException when the stream's throughput limits are exceeded.
    throttled: ['ServiceUnavailableException'],
    statements: [allow(['firehose:PutRecord'], [arnOf(stream, streamForm, 'firehose', 'deliverystream/')])],
    target: stream,
  });
}
