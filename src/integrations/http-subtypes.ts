/**
 * The AWS service integrations of HTTP APIs (`integrationSubtype`), with the request parameters each
 * requires and accepts. Every one is `aws_proxy` with payload format 1.0 and a role to assume.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
export interface SubtypeParameters {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export const HTTP_SUBTYPES: Readonly<Record<string, SubtypeParameters>> = {
  'EventBridge-PutEvents': {
    required: ['Detail', 'DetailType', 'Source'],
    optional: ['Time', 'EventBusName', 'Resources', 'Region', 'TraceHeader'],
  },
  'SQS-SendMessage': {
    required: ['QueueUrl', 'MessageBody'],
    optional: [
      'DelaySeconds',
      'MessageAttributes',
      'MessageDeduplicationId',
      'MessageGroupId',
      'MessageSystemAttributes',
      'Region',
    ],
  },
  'SQS-ReceiveMessage': {
    required: ['QueueUrl'],
    optional: [
      'AttributeNames',
      'MaxNumberOfMessages',
      'MessageAttributeNames',
      'ReceiveRequestAttemptId',
      'VisibilityTimeout',
      'WaitTimeSeconds',
      'Region',
    ],
  },
  'SQS-DeleteMessage': { required: ['ReceiptHandle', 'QueueUrl'], optional: ['Region'] },
  'SQS-PurgeQueue': { required: ['QueueUrl'], optional: ['Region'] },
  'AppConfig-GetConfiguration': {
    required: ['Application', 'Environment', 'Configuration', 'ClientId'],
    optional: ['ClientConfigurationVersion', 'Region'],
  },
  'Kinesis-PutRecord': {
    required: ['StreamName', 'Data', 'PartitionKey'],
    optional: ['SequenceNumberForOrdering', 'ExplicitHashKey', 'Region'],
  },
  'StepFunctions-StartExecution': { required: ['StateMachineArn'], optional: ['Name', 'Input', 'Region'] },
  'StepFunctions-StartSyncExecution': {
    required: ['StateMachineArn'],
    optional: ['Name', 'Input', 'Region', 'TraceHeader'],
  },
  'StepFunctions-StopExecution': { required: ['ExecutionArn'], optional: ['Cause', 'Error', 'Region'] },
};
