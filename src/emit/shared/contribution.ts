/**
 * What one feature's emitter adds to the REST API (STYLE.md 1: builders return what they produce and the
 * emitter collects it). Each feature has its own emitter file; rest-api.ts lists them.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Json } from '../../model/aws-value.js';
import type { GatewayModel, Route } from '../../model/ir.js';
import type { CfnOutput, CfnParameter, CfnResource } from '../../model/cfn.js';

/** What the emitter sets on one operation of the Body. */
export interface OperationPatch {
  /** The operation: a route of the model, or one the emitter adds (CORS preflight). */
  readonly route: Pick<Route, 'path' | 'method'>;
  /** Fields set on the operation object (`x-amazon-apigateway-*` extensions, `security`, …), merged deeply. */
  readonly fields: { readonly [key: string]: Json };
  /** Status codes the operation must declare (API Gateway refuses responses to undeclared ones). */
  readonly statusCodes?: readonly number[];
  /** Header parameters the operation must declare (mapping expressions may only read declared ones). */
  readonly requestHeaders?: readonly string[];
  /** Query string parameters the operation must declare. */
  readonly requestQuery?: readonly string[];
  /** Headers the response of the first of `statusCodes` must declare. */
  readonly responseHeaders?: readonly string[];
}

export interface Contribution {
  /** Merged into the root of the OpenAPI Body, objects deeply (e.g. `components.securitySchemes`). */
  readonly body?: { readonly [key: string]: Json };
  readonly operations?: readonly OperationPatch[];
  /** Extra properties of the AWS::ApiGateway::RestApi. */
  readonly restApi?: { readonly [key: string]: Json };
  /** Properties of each Stage, by its logical ID, and the resources it must wait for. */
  readonly stages?: Readonly<Record<string, StagePart>>;
  readonly resources?: Readonly<Record<string, CfnResource>>;
  readonly outputs?: Readonly<Record<string, CfnOutput>>;
  readonly diagnostics?: readonly Diagnostic[];
}

/** What a stage emitter sets on one Stage (the API kind's emitter adds the API and its deployment). */
export interface StagePart {
  readonly properties: { readonly [key: string]: Json };
  readonly dependsOn?: readonly string[];
}

export type Emitter = (model: GatewayModel) => Contribution;

/** What an API kind's emitter returns: its resources and outputs, and its own diagnostics. */
export interface ApiParts {
  readonly resources: Record<string, CfnResource>;
  readonly outputs: Record<string, CfnOutput>;
  /** Template parameters and conditions the emitter adds (a canary's base deployment). */
  readonly parameters?: Readonly<Record<string, CfnParameter>>;
  readonly conditions?: Readonly<Record<string, Json>>;
  readonly diagnostics: readonly Diagnostic[];
}
