/** IAM statements the service integrations need, and ARNs built from names or taken from ARNs. */
import {
  type AwsValue,
  type CfnString,
  type Intrinsic,
  cfnValue,
  joinSub,
  subText,
  templateText,
} from '../model/aws-value.js';
import type { ResourceForm } from '../model/ir.js';

export interface IamStatement {
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly CfnString[];
}

export function allow(actions: readonly string[], resources: readonly CfnString[]): IamStatement {
  return { Effect: 'Allow', Action: actions, Resource: resources };
}

/**
 * The ARN of a resource given by ARN or by name: `arn:${AWS::Partition}:<service>:${AWS::Region}:${AWS::AccountId}:<prefix><name>`
 * (S3, whose ARNs have neither region nor account: `arn:${AWS::Partition}:s3:::<name>`).
 */
export function arnOf(value: AwsValue, form: ResourceForm, service: string, prefix: string, suffix = ''): CfnString {
  if (form === 'arn') return suffix === '' ? cfnValue(value) : joinSub([value, suffix]);
  return service === 's3'
    ? joinSub([subText('arn:${AWS::Partition}:s3:::'), value, suffix])
    : regionalArn(service, [prefix, value, suffix]);
}

/** The name of a resource given by ARN (part `index` of the ARN split on `separator`) or by name. */
export function nameOf(value: AwsValue, form: ResourceForm, separator: string, index: number): AwsValue {
  return form === 'arn' ? partOf(value, separator, index) : value;
}

/** Part `index` of the value split on `separator`: computed now for a literal, by CloudFormation otherwise. */
export function partOf(value: AwsValue, separator: string, index: number): AwsValue {
  if (value.kind === 'literal') return { kind: 'literal', value: value.value.split(separator)[index] ?? '' };
  const intrinsic: Intrinsic = { 'Fn::Select': [index, { 'Fn::Split': [separator, cfnValue(value)] }] };
  return { kind: 'intrinsic', value: intrinsic };
}

/** `arn:${AWS::Partition}:<service>:${AWS::Region}:${AWS::AccountId}:<resource>` from a resource name. */
export function regionalArn(service: string, resource: readonly (string | AwsValue)[]): CfnString {
  return joinSub([subText(`arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:`), ...resource]);
}

/** The `arn:…:apigateway:<region>:<service>:action/<Action>` integration URI (by default, the stack's region). */
export function actionUri(service: string, action: string, region = '${AWS::Region}'): CfnString {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:${region}:${service}:action/${action}` };
}

/**
 * The region an ARN or queue URL names when it is written out (`arn:aws:sqs:us-west-2:…`,
 * `https://sqs.us-west-2.amazonaws.com/…`): the integration must call the service there, not in the
 * stack's region. Undefined for names, references and `${AWS::Region}`.
 */
export function regionOf(value: AwsValue, form: ResourceForm): string | undefined {
  const text = templateText(value) ?? '';
  const region =
    form === 'arn'
      ? text.split(':')[3]
      : form === 'url'
        ? /^https?:\/\/(?:sqs\.)?([a-z0-9-]+)\.(?:queue\.)?amazonaws\.com/.exec(text)?.[1]
        : undefined;
  return region !== undefined && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) ? region : undefined;
}
