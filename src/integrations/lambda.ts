/**
 * Lambda proxy integration (`aws_proxy`) and the permissions that let API Gateway invoke the functions:
 * one per route, scoped to that route, unless a function serves more routes than its policy can hold.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type AwsValue, type CfnString, cfnValue, joinSub, referencedNames, subText, templateText } from '../model/aws-value.js';
import type { Api, LambdaIntegration, Route } from '../model/ir.js';
import { pascalCase, uniqueId } from '../model/names.js';
import { executeApiArn, executeApiMethodArn } from '../model/arns.js';
import { type CfnResource, sub } from '../model/cfn.js';
import type { IntegrationOutput } from './types.js';

/**
 * The most routes one function gets a permission each for. Each permission is a statement of about
 * 350 bytes in the function's resource-based policy, which holds at most 20 KB
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html): 25 take under half of it,
 * leaving room for the function's other callers. Past that, one permission covers the whole API.
 */
export const MAX_ROUTE_PERMISSIONS = 25;

/** The URI API Gateway invokes a Lambda function by (integrations and authorizers alike). */
export function lambdaInvocationUri(fn: AwsValue): CfnString {
  return joinSub([subText('arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/'), fn, '/invocations']);
}

export function renderLambdaIntegration(lambda: LambdaIntegration): IntegrationOutput {
  const integration = {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri: lambdaInvocationUri(lambda.function),
    passthroughBehavior: 'when_no_match',
    timeoutInMillis: lambda.timeout,
  };
  if (!chosenByStageVariable(lambda.function)) return { integration };
  return {
    integration,
    diagnostics: [
      {
        code: 'lambda-permission-not-generated',
        severity: 'info',
        message: 'The function is chosen by a stage variable, so no invoke permission can be generated for it.',
        location: lambda.origin,
        hint: 'Grant `lambda:InvokeFunction` to apigateway.amazonaws.com on each function the stage variable may name.',
      },
    ],
  };
}

/** The invoke permissions of the API's Lambda routes, grouped by function. */
export function renderLambdaPermissions(api: Api, routes: readonly Route[]): { resources: Record<string, CfnResource>; diagnostics: Diagnostic[] } {
  const byFunction = new Map<string, { fn: AwsValue; routes: { route: Route; lambda: LambdaIntegration }[] }>();
  for (const route of routes) {
    const lambda = route.integration;
    if (lambda.kind !== 'lambda' || chosenByStageVariable(lambda.function)) continue;
    const key = JSON.stringify(cfnValue(lambda.function));
    const group = byFunction.get(key) ?? { fn: lambda.function, routes: [] };
    group.routes.push({ route, lambda });
    byFunction.set(key, group);
  }
  const resources: Record<string, CfnResource> = {};
  const diagnostics: Diagnostic[] = [];
  for (const { fn, routes: served } of byFunction.values()) {
    if (served.length <= MAX_ROUTE_PERMISSIONS) {
      for (const { route } of served) resources[`${api.logicalId}${route.id}Permission`] = invokePermission(fn, executeApiMethodArn(api.logicalId, route.method, route.path));
      continue;
    }
    const id = uniqueId(`${api.logicalId}${functionLabel(fn)}InvokePermission`, new Set(Object.keys(resources)));
    resources[id] = invokePermission(fn, executeApiArn(api.logicalId, '*/*/*'));
    diagnostics.push({
      code: 'lambda-permission-api-wide',
      severity: 'info',
      message: `This function serves ${served.length} routes: it gets one invoke permission for every route of this API rather than one per route.`,
      location: served[0]!.lambda.origin,
      hint: `One statement per route would crowd the function's resource-based policy (20 KB at most); up to ${MAX_ROUTE_PERMISSIONS} routes per function get a permission each.`,
    });
  }
  return { resources, diagnostics };
}

/** Lets API Gateway invoke the function from `sourceArn` (a `Fn::Sub` template of execute-api ARNs). */
export function invokePermission(fn: AwsValue, sourceArn: string): CfnResource {
  return {
    Type: 'AWS::Lambda::Permission',
    Properties: { Action: 'lambda:InvokeFunction', FunctionName: cfnValue(fn), Principal: 'apigateway.amazonaws.com', SourceArn: sub(sourceArn) },
  };
}

function chosenByStageVariable(fn: AwsValue): boolean {
  return fn.kind === 'literal' && fn.value.includes('${stageVariables.');
}

/** A readable name for a function in a logical ID: what it refers to, else the name in its ARN. */
function functionLabel(fn: AwsValue): string {
  const named = referencedNames(cfnValue(fn))[0] ?? templateText(fn)?.split(':').pop() ?? '';
  return pascalCase(named) || 'Function';
}
