/** The direct AWS service integrations: each kind's parser (model) and renderer (emit). */
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { parseDynamoDb, renderDynamoDbIntegration } from './dynamodb.js';
import { parseEventBridge, renderEventBridgeIntegration } from './eventbridge.js';
import { parseFirehose, renderFirehoseIntegration } from './firehose.js';
import { parseKinesis, renderKinesisIntegration } from './kinesis.js';
import { parseS3, renderS3Integration } from './s3.js';
import type { ServiceCommon, ServiceIntegration, ServiceKind } from '../model/ir.js';
import { refuseBodilessBody } from './service-values.js';
import { parseSns, renderSnsIntegration } from './sns.js';
import { parseSqs, renderSqsIntegration } from './sqs.js';
import { parseStepFunctions, renderStepFunctionsIntegration } from './step-functions.js';
import type { IntegrationOutput } from './types.js';

type Parser = (
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  common: ServiceCommon,
) => ServiceIntegration | undefined;

/** A service's parser, after the check every service shares. */
function checked(parse: Parser): Parser {
  return (ctx, block, pointer, scope, common) => {
    refuseBodilessBody(ctx, scope, pointer);
    return parse(ctx, block, pointer, scope, common);
  };
}

export const SERVICE_PARSERS: Readonly<Record<ServiceKind, Parser>> = {
  sqs: checked(parseSqs),
  sns: checked(parseSns),
  dynamodb: checked(parseDynamoDb),
  s3: checked(parseS3),
  stepfunctions: checked(parseStepFunctions),
  eventbridge: checked(parseEventBridge),
  kinesis: checked(parseKinesis),
  firehose: checked(parseFirehose),
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
    case 'firehose':
      return renderFirehoseIntegration(route, integration);
  }
}
