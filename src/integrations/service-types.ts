/**
 * Direct AWS service integrations (sqs, sns, dynamodb, s3, stepfunctions, eventbridge, kinesis):
 * one member of this union per service. None exist yet.
 */
export type ServiceIntegration = never;
