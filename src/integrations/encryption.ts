/**
 * A queue, topic or stream encrypted with a customer managed KMS key takes a message only from a caller
 * that may use the key (else SQS answers KMS.AccessDeniedException, SNS KMSAccessDenied), so the gateway
 * role needs key permissions too. The key is read from the target's `--into` declaration; AWS managed keys
 * (`alias/aws/…`) need none, their key policies allow the service's callers.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
 * https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
 * https://docs.aws.amazon.com/streams/latest/dev/permissions-user-key-KMS.html
 */
import { type AwsValue, type CfnString, cfnValue, toAwsValue } from '../model/aws-value.js';
import { asBlock, type ModelContext } from '../model/context.js';
import { allow, type IamStatement, regionalArn } from './iam.js';
import { declaredResource } from './resource-form.js';
import type { ServiceCommon } from '../model/ir.js';

/** The KMS key of a declared target: where each resource type keeps it. */
function keyOf(type: string, properties: Readonly<Record<string, unknown>>): unknown {
  switch (type) {
    case 'AWS::SQS::Queue':
    case 'AWS::SNS::Topic':
      return properties['KmsMasterKeyId'];
    case 'AWS::Kinesis::Stream': {
      const encryption = asBlock(properties['StreamEncryption']);
      return encryption['EncryptionType'] === 'KMS' ? encryption['KeyId'] : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The ARN of the customer managed key that encrypts `target`, when its `--into` declaration names one:
 * a key ARN or id, or a reference to an `AWS::KMS::Key`. A key given otherwise (a custom alias, a
 * parameter) gets a warning, since the role cannot name it.
 */
export function encryptionOf(
  ctx: ModelContext,
  target: AwsValue,
  pointer: string,
  common: ServiceCommon,
): { encryptionKey?: CfnString } {
  // The user's own role is theirs to grant.
  const key = common.role ? undefined : encryptionKeyOf(ctx, target, pointer);
  return key === undefined ? {} : { encryptionKey: key };
}

/** The statement that lets the role use the target's key, if it has one. */
export function keyStatements(key: CfnString | undefined, actions: readonly string[]): IamStatement[] {
  return key === undefined ? [] : [allow(actions, [key])];
}

function encryptionKeyOf(ctx: ModelContext, target: AwsValue, pointer: string): CfnString | undefined {
  const declared = declaredResource(ctx, target);
  const key = declared && toAwsValue(keyOf(declared.type, declared.properties));
  if (!declared || !key) return undefined;
  if (key.kind === 'literal') {
    const text = key.value;
    if (/^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/aws\//.test(text)) return undefined;
    if (/^arn:[^:]+:kms:[^:]+:\d{12}:key\//.test(text)) return text;
    if (/^(mrk-)?[0-9a-f-]{32,36}$/.test(text)) return regionalArn('kms', ['key/', key]);
  }
  const keyResource = declaredResource(ctx, key);
  if (keyResource?.type === 'AWS::KMS::Key') return { 'Fn::GetAtt': [keyResource.id, 'Arn'] };
  const message =
    `\`${declared.id}\` is encrypted with the KMS key ${JSON.stringify(cfnValue(key))}, which the ` +
    `generated role cannot name: API Gateway's calls will be refused until the role may use the key.`;
  ctx.report(
    'service-key-unknown',
    'warning',
    message,
    ctx.origin(pointer, 'value'),
    `Give ${declared.id} the key's ARN, id or \`!GetAtt Key.Arn\`, or pass \`role:\` with a role allowed kms:GenerateDataKey and kms:Decrypt on the key.`,
  );
  return undefined;
}
