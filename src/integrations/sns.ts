/**
 * SNS Publish: the request body (or another request value) becomes the message of the topic.
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { cfnValue } from '../model/aws-value.js';
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { renderServiceIntegration } from './aws-service.js';
import { actionUri, allow } from './iam.js';
import { formValue, quietValue } from './request-values.js';
import { requestValue } from './service-values.js';
import type { ServiceCommon, SnsIntegration } from './service-types.js';
import { attributesOf } from './sqs.js';
import type { IntegrationOutput } from './types.js';
import { renderVtl } from './vtl.js';

export function parseSns(ctx: ModelContext, block: Block, pointer: string, scope: RouteScope, common: ServiceCommon): SnsIntegration {
  return {
    kind: 'sns',
    topic: ctx.value(block['topic'], childPointer(pointer, 'topic'), `SNS topic ARN of ${scope.method} ${scope.path}`),
    message: requestValue(ctx, scope, block['message'] ?? 'body', childPointer(pointer, 'message' in block ? 'message' : 'topic')),
    ...('subject' in block && { subject: requestValue(ctx, scope, block['subject'], childPointer(pointer, 'subject')) }),
    attributes: attributesOf(ctx, scope, block['attributes'], childPointer(pointer, 'attributes')),
    ...common,
  };
}

export function renderSnsIntegration(route: ServiceRoute, integration: SnsIntegration): IntegrationOutput {
  return renderServiceIntegration(route, integration, {
    service: 'SNS',
    httpMethod: 'POST',
    uri: actionUri('sns', 'Publish'),
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    requestTemplate: renderVtl(
      'sns/publish.request',
      {
        message: formValue(integration.message),
        subject: integration.subject === undefined ? undefined : formValue(integration.subject),
        attributes: integration.attributes.map((a) => ({ name: a.name, value: quietValue(a.value) })),
      },
      { topic: integration.topic },
    ),
    responseTemplate: renderVtl('sns/publish.response', {}),
    statements: [allow(['sns:Publish'], [cfnValue(integration.topic)])],
    target: integration.topic,
  });
}
