/** IAM statements the service integrations need, and ARNs built from names or taken from ARNs. */
import { type AwsValue, type CfnString, type Intrinsic, cfnValue, joinSub, subText } from '../model/aws-value.js';

export interface IamStatement {
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly CfnString[];
}

export function allow(actions: readonly string[], resources: readonly CfnString[]): IamStatement {
  return { Effect: 'Allow', Action: actions, Resource: resources };
}

/** Whether a value gives an ARN (rather than a name): `arn:…` text, or `!GetAtt X.Arn`. */
export function isArn(value: AwsValue): boolean {
  if (value.kind === 'literal') return value.value.startsWith('arn:');
  if (value.kind === 'sub') return value.template.startsWith('arn:');
  const getAtt = value.value['Fn::GetAtt'];
  return Array.isArray(getAtt) && getAtt[1] === 'Arn';
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

/** The `arn:…:apigateway:<region>:<service>:action/<Action>` integration URI. */
export function actionUri(service: string, action: string): CfnString {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${service}:action/${action}` };
}
