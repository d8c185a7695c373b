/** CloudFormation template shapes and small builders for intrinsics. */
import type { Intrinsic, Json } from './aws-value.js';

export interface CfnResource {
  readonly Type: string;
  readonly DependsOn?: string | readonly string[];
  readonly DeletionPolicy?: 'Retain';
  readonly UpdateReplacePolicy?: 'Retain';
  readonly Properties?: { readonly [key: string]: Json };
}

export interface CfnParameter {
  readonly Type: string;
  readonly Description?: string;
  readonly Default?: string;
  readonly AllowedPattern?: string;
  readonly AllowedValues?: readonly string[];
  readonly MinLength?: number;
  readonly MinValue?: number;
  readonly MaxValue?: number;
  readonly MaxLength?: number;
  readonly NoEcho?: boolean;
  readonly ConstraintDescription?: string;
}

export interface CfnOutput {
  readonly Description?: string;
  readonly Value: Json;
}

export interface CfnTemplate {
  readonly AWSTemplateFormatVersion?: string;
  readonly Transform?: Json;
  readonly Description?: string;
  readonly Parameters?: Record<string, CfnParameter>;
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, CfnOutput>;
  readonly [section: string]: unknown;
}

export function ref(logicalId: string): Intrinsic {
  return { Ref: logicalId };
}

export function getAtt(logicalId: string, attribute: string): Intrinsic {
  return { 'Fn::GetAtt': [logicalId, attribute] };
}

export function sub(template: string): Intrinsic {
  return { 'Fn::Sub': template };
}
