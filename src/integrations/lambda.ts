/**
 * Lambda proxy integration (`aws_proxy`) and the permission that lets API Gateway invoke the function
 * for this route only.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
import { type AwsValue, type CfnString, cfnValue, joinSub, subText } from '../model/aws-value.js';
import type { LambdaIntegration } from '../model/ir.js';
import { executeApiMethodArn } from '../emit/arns.js';
import { sub } from '../emit/cfn.js';
import type { IntegrationContext, IntegrationOutput } from './types.js';

/** The URI API Gateway invokes a Lambda function by (integrations and authorizers alike). */
export function lambdaInvocationUri(fn: AwsValue): CfnString {
  return joinSub([subText('arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/'), fn, '/invocations']);
}

export function renderLambdaIntegration({ api, route }: IntegrationContext, lambda: LambdaIntegration): IntegrationOutput {
  const integration = {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri: lambdaInvocationUri(lambda.function),
    passthroughBehavior: 'when_no_match',
    timeoutInMillis: lambda.timeout,
  };
  const fn = lambda.function;
  if (fn.kind === 'literal' && fn.value.includes('${stageVariables.')) {
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
  return {
    integration,
    resources: {
      [`${api.logicalId}${route.id}Permission`]: {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: cfnValue(fn),
          Principal: 'apigateway.amazonaws.com',
          SourceArn: sub(executeApiMethodArn(api.logicalId, route.method, route.path)),
        },
      },
    },
  };
}
