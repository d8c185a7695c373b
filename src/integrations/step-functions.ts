/**
 * Step Functions StartExecution (answers with the execution ARN at once) and StartSyncExecution (Express
 * workflows: answers with the workflow's output, or 502 when it did not succeed).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { type AwsValue, joinSub, toAwsValue } from '../model/aws-value.js';
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { renderServiceIntegration } from './aws-service.js';
import { actionUri, allow, arnOf, type IamStatement, partOf, regionalArn, regionOf } from './iam.js';
import { embeddedJsonValue, optionalValueOf } from './request-values.js';
import { declaredResource, type ResourceKind } from './resource-form.js';
import { checkActionOptions, optionalValue, requestValue, targetOf } from './service-values.js';
import type { ServiceCommon, StepFunctionsIntegration } from '../model/ir.js';
import type { IntegrationOutput } from './types.js';
import { renderVtl } from './vtl.js';

const STATE_MACHINE: ResourceKind = {
  noun: 'state machine',
  types: { 'AWS::StepFunctions::StateMachine': 'arn', 'AWS::Serverless::StateMachine': 'arn' },
  forms: ['arn', 'name'],
  assumed: 'arn',
  example: 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:orders',
};

/** The options each action reads; the others are refused. */
const STEP_FUNCTIONS_ACTION_OPTIONS: Readonly<Record<StepFunctionsIntegration['action'], readonly string[]>> = {
  StartExecution: ['input', 'name'],
  StartSyncExecution: ['input', 'name'],
  StopExecution: ['execution', 'cause', 'error'],
};

export function parseStepFunctions(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  common: ServiceCommon,
): StepFunctionsIntegration | undefined {
  const stateMachine = targetOf(
    ctx,
    block['stateMachine'],
    childPointer(pointer, 'stateMachine'),
    `State machine of ${scope.method} ${scope.path}`,
    STATE_MACHINE,
  );
  const action = (block['action'] ?? 'StartExecution') as StepFunctionsIntegration['action'];
  if (stateMachine && action === 'StartSyncExecution')
    checkExpress(ctx, stateMachine.value, childPointer(pointer, 'action'));
  checkActionOptions(ctx, block, pointer, 'Step Functions', action, STEP_FUNCTIONS_ACTION_OPTIONS, {
    StopExecution: ['execution', 'the ARN of the execution to stop', 'executionArn'],
  });
  const values =
    action === 'StopExecution'
      ? {
          ...optionalValue(ctx, scope, block, pointer, 'execution'),
          ...optionalValue(ctx, scope, block, pointer, 'cause'),
          ...optionalValue(ctx, scope, block, pointer, 'error'),
        }
      : {
          input: requestValue(
            ctx,
            scope,
            block['input'] ?? 'body',
            childPointer(pointer, 'input' in block ? 'input' : 'stateMachine'),
          ),
          ...optionalValue(ctx, scope, block, pointer, 'name'),
        };
  return (
    stateMachine && {
      kind: 'stepfunctions',
      action,
      stateMachine: stateMachine.value,
      stateMachineForm: stateMachine.form,
      ...values,
      ...common,
    }
  );
}

/** StartSyncExecution runs Express workflows only; a state machine of the --into template says which it is. */
function checkExpress(ctx: ModelContext, value: AwsValue, pointer: string): void {
  const declared = declaredResource(ctx, value);
  if (!declared) return;
  // AWS::StepFunctions::StateMachine has StateMachineType, SAM's AWS::Serverless::StateMachine has Type; both default to STANDARD.
  const type = String(
    declared.properties[declared.type === 'AWS::Serverless::StateMachine' ? 'Type' : 'StateMachineType'] ?? 'STANDARD',
  );
  if (type !== 'EXPRESS') {
    ctx.report(
      'service-sync-needs-express',
      'error',
      `StartSyncExecution runs only Express workflows, and \`${declared.id}\` is ` +
        `${type === 'STANDARD' ? 'a Standard' : `of type ${type}, not an Express`} state machine.`,
      ctx.origin(pointer, 'value'),
      `Use StartExecution (answers with the execution ARN at once), or make ${declared.id} an EXPRESS state machine.`,
    );
  }
}

export function renderStepFunctionsIntegration(
  route: ServiceRoute,
  integration: StepFunctionsIntegration,
): IntegrationOutput {
  const sync = integration.action === 'StartSyncExecution';
  const stateMachine = arnOf(integration.stateMachine, integration.stateMachineForm, 'states', 'stateMachine:');
  // A value that is not the body or a body field goes in as a JSON string.
  const input = embeddedJsonValue(integration.input!, '$executionInput', (quoted) => quoted);
  // An empty name is refused (minimum length 1); without one, Step Functions names the execution itself.
  const name = optionalValueOf(integration.name, '$name');
  const output = renderServiceIntegration(route, integration, {
    service: 'Step Functions',
    httpMethod: 'POST',
    uri: actionUri('states', integration.action, regionOf(integration.stateMachine, integration.stateMachineForm)),
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-amz-json-1.0'" },
    requestTemplate: renderVtl(
      'step-functions/start-execution.request',
      { input, name },
      { stateMachine: toAwsValue(stateMachine)! },
    ),
    responseTemplate: renderVtl(
      sync ? 'step-functions/start-sync-execution.response' : 'step-functions/start-execution.response',
      {},
    ),
    statements: stepFunctionsStatements(integration),
    target: integration.stateMachine,
  });
  return sync ? { ...output, statusCodes: [...(output.statusCodes ?? []), 502] } : output;
}

/**
 * The role's statement: the action on the state machine, or StopExecution on its executions only
 * (`arn:…:states:<region>:<account>:execution:<state machine name>:*`).
 */
export function stepFunctionsStatements(integration: StepFunctionsIntegration): IamStatement[] {
  const stateMachine = arnOf(integration.stateMachine, integration.stateMachineForm, 'states', 'stateMachine:');
  if (integration.action !== 'StopExecution') return [allow([`states:${integration.action}`], [stateMachine])];
  if (integration.stateMachineForm === 'name')
    return [allow(['states:StopExecution'], [regionalArn('states', ['execution:', integration.stateMachine, ':*'])])];
  const arn = integration.stateMachine;
  // arn:<partition>:states:<region>:<account>:stateMachine:<name> → …:execution:<name>:*
  return [
    allow(
      ['states:StopExecution'],
      [
        joinSub([
          'arn:',
          partOf(arn, ':', 1),
          ':states:',
          partOf(arn, ':', 3),
          ':',
          partOf(arn, ':', 4),
          ':execution:',
          partOf(arn, ':', 6),
          ':*',
        ]),
      ],
    ),
  ];
}
