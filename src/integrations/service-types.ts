/**
 * Direct AWS service integrations as plain data: one member per service, each with what the integration
 * needs (its target and where each value comes from in the request).
 */
import type { AwsValue, CfnString } from '../model/aws-value.js';
import type { Origin } from '../model/ir.js';
import type { RequestValue } from './request-values.js';
import type { ResourceForm } from './resource-form.js';

/** What every service integration has. */
export interface ServiceCommon {
  /** An existing role API Gateway assumes, instead of the generated least-privilege one. */
  readonly role?: AwsValue;
  /** The user's own request / success-response mapping templates, used as written. */
  readonly requestTemplate?: string;
  readonly responseTemplate?: string;
  readonly timeout: number;
  readonly origin: Origin;
}

export interface MessageAttribute {
  readonly name: string;
  readonly value: RequestValue;
}

export interface SqsIntegration extends ServiceCommon {
  readonly kind: 'sqs';
  /** Queue ARN, URL or name. */
  readonly queue: AwsValue;
  readonly queueForm: ResourceForm;
  readonly body: RequestValue;
  readonly attributes: readonly MessageAttribute[];
  readonly groupId?: RequestValue;
  readonly deduplicationId?: RequestValue;
  /** The ARN of the customer managed KMS key the queue is encrypted with, when `--into` names one. */
  readonly encryptionKey?: CfnString;
}

export interface SnsIntegration extends ServiceCommon {
  readonly kind: 'sns';
  /** Topic ARN or name. */
  readonly topic: AwsValue;
  readonly topicForm: ResourceForm;
  readonly message: RequestValue;
  readonly subject?: RequestValue;
  readonly attributes: readonly MessageAttribute[];
  readonly groupId?: RequestValue;
  readonly deduplicationId?: RequestValue;
  /** The ARN of the customer managed KMS key the topic is encrypted with, when `--into` names one. */
  readonly encryptionKey?: CfnString;
}

export type DynamoDbAction = 'PutItem' | 'GetItem' | 'Query' | 'UpdateItem' | 'DeleteItem';

export interface DynamoDbAttribute {
  readonly name: string;
  readonly value: RequestValue;
  /** DynamoDB type: S (string), N (number) or BOOL. */
  readonly type: 'S' | 'N' | 'BOOL';
}

export interface DynamoDbIntegration extends ServiceCommon {
  readonly kind: 'dynamodb';
  readonly action: DynamoDbAction;
  /** Table name or ARN. */
  readonly table: AwsValue;
  readonly tableForm: ResourceForm;
  readonly key: readonly DynamoDbAttribute[];
  readonly item: readonly DynamoDbAttribute[];
  readonly update: readonly DynamoDbAttribute[];
  readonly index?: string;
}

export type S3Action = 'GetObject' | 'PutObject' | 'DeleteObject';

export interface S3Integration extends ServiceCommon {
  readonly kind: 's3';
  readonly action: S3Action;
  /** Bucket name or ARN. */
  readonly bucket: AwsValue;
  readonly bucketForm: ResourceForm;
  /** Object key template: literal text and `{pathParameter}` segments. */
  readonly key: string;
}

export interface StepFunctionsIntegration extends ServiceCommon {
  readonly kind: 'stepfunctions';
  readonly action: 'StartExecution' | 'StartSyncExecution';
  /** State machine ARN or name. */
  readonly stateMachine: AwsValue;
  readonly stateMachineForm: ResourceForm;
  readonly input: RequestValue;
  readonly name?: RequestValue;
}

export interface EventBridgeIntegration extends ServiceCommon {
  readonly kind: 'eventbridge';
  /** Event bus name or ARN. */
  readonly bus: AwsValue;
  readonly busForm: ResourceForm;
  readonly source: string;
  readonly detailType: string;
  readonly detail: RequestValue;
}

export interface KinesisIntegration extends ServiceCommon {
  readonly kind: 'kinesis';
  /** Stream name or ARN. */
  readonly stream: AwsValue;
  readonly streamForm: ResourceForm;
  readonly partitionKey: RequestValue;
  readonly data: RequestValue;
  /** The ARN of the customer managed KMS key the stream is encrypted with, when `--into` names one. */
  readonly encryptionKey?: CfnString;
}

export type ServiceIntegration = SqsIntegration | SnsIntegration | DynamoDbIntegration | S3Integration | StepFunctionsIntegration | EventBridgeIntegration | KinesisIntegration;

export type ServiceKind = ServiceIntegration['kind'];

export const SERVICE_KINDS: readonly ServiceKind[] = ['sqs', 'sns', 'dynamodb', 's3', 'stepfunctions', 'eventbridge', 'kinesis'];
