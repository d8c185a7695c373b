/**
 * AWS service integrations of HTTP APIs: the first-class subtypes (`SQS-SendMessage`,
 * `EventBridge-PutEvents`, `Kinesis-PutRecord`, `StepFunctions-StartExecution` / `-StartSyncExecution`),
 * whose request parameters are filled from the same request values as REST integrations (`body`,
 * `body.field`, `path.x`, `query.x`, `header.X`, `context.x`, `stageVariables.x`, `'literal'`), with the
 * same least-privilege role (the statements are those of the REST integration, which calls the same action).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
import { arnOf, nameOf, partOf, regionOf } from '../../integrations/iam.js';
import { serviceRole } from '../../integrations/aws-service.js';
import { renderServiceKind } from '../../integrations/services.js';
import { sqsStatements } from '../../integrations/sqs.js';
import { stepFunctionsStatements } from '../../integrations/step-functions.js';
import type { ServiceRole } from '../../integrations/types.js';
import { cfnValue, type CfnString, type Json, joinSub, subText } from '../../model/aws-value.js';
import type { RequestValue, ServiceIntegration, SqsIntegration } from '../../model/ir.js';

export interface SubtypeIntegration {
  readonly subtype: string;
  readonly requestParameters: Readonly<Record<string, Json>>;
  readonly role: ServiceRole;
}

/** Undefined for the services HTTP APIs have no subtype for (refused by the model). */
export function renderSubtype(integration: ServiceIntegration): SubtypeIntegration | undefined {
  switch (integration.kind) {
    case 'sqs':
      return {
        subtype: `SQS-${integration.action}`,
        requestParameters: {
          QueueUrl: queueUrl(integration),
          ...parameters({
            MessageBody: integration.body,
            MessageGroupId: integration.groupId,
            MessageDeduplicationId: integration.deduplicationId,
            ReceiptHandle: integration.receiptHandle,
            MaxNumberOfMessages: integration.maxMessages,
            VisibilityTimeout: integration.visibilityTimeout,
            WaitTimeSeconds: integration.waitTime,
          }),
          ...region(regionOf(integration.queue, integration.queueForm)),
        },
        role: serviceRole(integration, integration.queue, sqsStatements(integration)),
      };
    case 'eventbridge':
      return {
        subtype: 'EventBridge-PutEvents',
        requestParameters: {
          // EventBusName takes a bus's name or ARN.
          EventBusName: cfnValue(integration.bus),
          Source: integration.source,
          DetailType: integration.detailType,
          Detail: parameterValue(integration.detail),
          ...region(regionOf(integration.bus, integration.busForm)),
        },
        role: restRole(integration),
      };
    case 'kinesis':
      return {
        subtype: 'Kinesis-PutRecord',
        requestParameters: {
          StreamName: cfnValue(nameOf(integration.stream, integration.streamForm, '/', 1)),
          Data: parameterValue(integration.data),
          PartitionKey: parameterValue(integration.partitionKey),
          ...region(regionOf(integration.stream, integration.streamForm)),
        },
        role: restRole(integration),
      };
    case 'stepfunctions':
      return {
        subtype: `StepFunctions-${integration.action}`,
        requestParameters: {
          // StopExecution names the execution, not its state machine.
          ...(integration.action !== 'StopExecution' && {
            StateMachineArn: arnOf(integration.stateMachine, integration.stateMachineForm, 'states', 'stateMachine:'),
          }),
          ...parameters({
            Input: integration.input,
            Name: integration.name,
            ExecutionArn: integration.execution,
            Cause: integration.cause,
            Error: integration.error,
          }),
          ...region(regionOf(integration.stateMachine, integration.stateMachineForm)),
        },
        role: serviceRole(integration, integration.stateMachine, stepFunctionsStatements(integration)),
      };
    default:
      return undefined;
  }
}

/**
 * A request value as an HTTP API parameter mapping: `$request.body`, `$request.body.a.b`,
 * `$request.path.x`, `$request.querystring.x`, `$request.header.X`, `$context.x`, `$stageVariables.x`,
 * or the literal itself (no quotes: HTTP API mappings take static values as they are).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
export function parameterValue(value: RequestValue): string {
  if (value.startsWith("'")) return value.slice(1, -1);
  const dot = value.indexOf('.');
  const [kind, rest] = dot < 0 ? [value, ''] : [value.slice(0, dot), value.slice(dot + 1)];
  switch (kind) {
    case 'body':
      return rest === '' ? '$request.body' : `$request.body.${rest}`;
    case 'query':
      return `$request.querystring.${rest}`;
    case 'path':
    case 'header':
      return `$request.${kind}.${rest}`;
    case 'context':
      return `$context.${rest}`;
    default:
      return `$stageVariables.${rest}`;
  }
}

/** The role of the REST integration, which calls the same action. */
function restRole(integration: ServiceIntegration): ServiceRole {
  return renderServiceKind({ responses: [] }, integration).role!;
}

/** The subtype's optional parameters the integration sets, as mappings. */
function parameters(values: Readonly<Record<string, RequestValue | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([parameter, value]) =>
      value === undefined ? [] : [[parameter, parameterValue(value)]],
    ),
  );
}

/** A target written with its region (in its ARN or URL) is called there; others in the stack's region. */
function region(name: string | undefined): { Region?: string } {
  return name === undefined ? {} : { Region: name };
}

/** The queue's URL: as given, or built from its ARN (`arn:…:sqs:region:account:name`) or name. */
function queueUrl({ queue, queueForm }: SqsIntegration): CfnString {
  switch (queueForm) {
    case 'url':
      return cfnValue(queue);
    case 'arn':
      return joinSub([
        subText('https://sqs.'),
        partOf(queue, ':', 3),
        subText('.${AWS::URLSuffix}/'),
        partOf(queue, ':', 4),
        '/',
        partOf(queue, ':', 5),
      ]);
    case 'name':
      return joinSub([subText('https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/'), queue]);
  }
}
