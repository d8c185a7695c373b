/**
 * EventBridge PutEvents: one event per request, detail = the request body (or another value). A rejected
 * entry comes back as HTTP 200 with FailedEntryCount > 0; the response template turns it into a 500.
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { renderServiceIntegration } from './aws-service.js';
import { actionUri, allow, arnOf, regionOf } from './iam.js';
import { embeddedJsonValue } from './request-values.js';
import type { ResourceKind } from './resource-form.js';
import { requestValue, targetOf } from './service-values.js';
import type { EventBridgeIntegration, ServiceCommon } from '../model/ir.js';
import type { IntegrationOutput } from './types.js';
import { renderVtl } from './vtl.js';

const BUS: ResourceKind = {
  noun: 'event bus',
  types: { 'AWS::Events::EventBus': 'name' },
  forms: ['arn', 'name'],
  assumed: 'name',
  example: 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/orders',
};

export function parseEventBridge(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  common: ServiceCommon,
): EventBridgeIntegration | undefined {
  const bus = targetOf(
    ctx,
    block['bus'] ?? 'default',
    childPointer(pointer, 'bus' in block ? 'bus' : 'source'),
    `Event bus of ${scope.method} ${scope.path}`,
    BUS,
  );
  const detail = requestValue(
    ctx,
    scope,
    block['detail'] ?? 'body',
    childPointer(pointer, 'detail' in block ? 'detail' : 'source'),
  );
  return (
    bus && {
      kind: 'eventbridge',
      bus: bus.value,
      busForm: bus.form,
      source: String(block['source']),
      detailType: String(block['detailType']),
      detail,
      ...common,
    }
  );
}

export function renderEventBridgeIntegration(
  route: ServiceRoute,
  integration: EventBridgeIntegration,
): IntegrationOutput {
  // Detail is a JSON object: a value that is not the body or a body field goes in as {"value": "…"}.
  const detail = embeddedJsonValue(integration.detail, '$detail', (json) => `{"value": ${json}}`);
  const busArn = arnOf(integration.bus, integration.busForm, 'events', 'event-bus/');
  return renderServiceIntegration(route, integration, {
    service: 'EventBridge',
    httpMethod: 'POST',
    uri: actionUri('events', 'PutEvents', regionOf(integration.bus, integration.busForm)),
    requestParameters: {
      'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'",
      'integration.request.header.Content-Type': "'application/x-amz-json-1.1'",
    },
    requestTemplate: renderVtl(
      'eventbridge/put-events.request',
      { source: integration.source, detailType: integration.detailType, detail },
      { bus: integration.bus },
    ),
    responseTemplate: renderVtl('eventbridge/put-events.response', {}),
    statements: [allow(['events:PutEvents'], [busArn])],
    target: integration.bus,
  });
}
