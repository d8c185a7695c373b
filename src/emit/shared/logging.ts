/**
 * What every API kind's stage needs for logs: the access log group (unless the log goes to a destination
 * of the user's) with its output and the stage's destination setting, and the account's CloudWatch role.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
 */
import { cfnValue, type Json } from '../../model/aws-value.js';
import type { Stage } from '../../model/ir.js';
import { type CfnOutput, type CfnResource, getAtt, ref, sub } from '../../model/cfn.js';

export interface AccessLogParts {
  readonly resources: Record<string, CfnResource>;
  readonly outputs: Record<string, CfnOutput>;
  /** The stage's access log setting (REST `AccessLogSetting`, V2 `AccessLogSettings`): destination and format. */
  readonly setting: Json;
}

/** `description` is the log group output's. */
export function accessLogParts(
  apiId: string,
  log: NonNullable<Stage['accessLog']>,
  description: string,
): AccessLogParts {
  const group = `${apiId}AccessLogs`;
  const setting = {
    DestinationArn: log.destination ? cfnValue(log.destination) : getAtt(group, 'Arn'),
    Format: log.format,
  };
  if (log.destination) return { resources: {}, outputs: {}, setting };
  return {
    resources: {
      [group]: {
        Type: 'AWS::Logs::LogGroup',
        Properties: { ...(log.retentionDays !== undefined && { RetentionInDays: log.retentionDays }) },
      },
    },
    outputs: { [`${apiId}AccessLogGroup`]: { Description: description, Value: ref(group) } },
    setting,
  };
}

/**
 * The role API Gateway writes CloudWatch logs with, set on the account (AWS::ApiGateway::Account is one
 * setting per account and Region: the last stack that sets it wins).
 */
export function accountRole(apiId: string): Record<string, CfnResource> {
  return {
    [`${apiId}CloudWatchRole`]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: 'Lets API Gateway write execution and access logs to CloudWatch Logs (account setting)',
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        ManagedPolicyArns: [
          sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs'),
        ],
      },
    },
    [`${apiId}Account`]: {
      Type: 'AWS::ApiGateway::Account',
      Properties: { CloudWatchRoleArn: getAtt(`${apiId}CloudWatchRole`, 'Arn') },
    },
  };
}
