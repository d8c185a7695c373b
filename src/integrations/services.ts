/** The direct AWS service integrations: each kind's parser (model) and renderer (emit). */
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { parseDynamoDb, renderDynamoDbIntegration } from './dynamodb.js';
import { parseEventBridge, renderEventBridgeIntegration } from './eventbridge.js';
import { parseKinesis, renderKinesisIntegration } from './kinesis.js';
import { parseS3, renderS3Integration } from './s3.js';
import type { ServiceCommon, ServiceIntegration, ServiceKind } from './service-types.js';
import { parseSns, renderSnsIntegration } from './sns.js';
import { parseSqs, renderSqsIntegration } from './sqs.js';
import { parseStepFunctions, renderStepFunctionsIntegration } from './step-functions.js';
import type { IntegrationOutput } from './types.js';

type Parser = (ctx: ModelContext, block: Block, pointer: string, scope: RouteScope, common: ServiceCommon) => ServiceIntegration | undefined;

export const SERVICE_PARSERS: Readonly<Record<ServiceKind, Parser>> = {
  sqs: parseSqs,
  sns: parseSns,
  dynamodb: parseDynamoDb,
  s3: parseS3,
  stepfunctions: parseStepFunctions,
  eventbridge: parseEventBridge,
  kinesis: parseKinesis,
};

export function renderServiceKind(route: ServiceRoute, integration: ServiceIntegration): IntegrationOutput {
  switch (integration.kind) {
    case 'sqs':
      return renderSqsIntegration(route, integration);
    case 'sns':
      return renderSnsIntegration(route, integration);
    case 'dynamodb':
      return renderDynamoDbIntegration(route, integration);
    case 's3':
      return renderS3Integration(route, integration);
    case 'stepfunctions':
      return renderStepFunctionsIntegration(route, integration);
    case 'eventbridge':
      return renderEventBridgeIntegration(route, integration);
    case 'kinesis':
      return renderKinesisIntegration(route, integration);
  }
}
