/** The contract between the IR and the integration modules (DESIGN.md "Layout"). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AwsValue, Json } from '../model/aws-value.js';
import type { IamStatement } from './iam.js';
import type { Api, Route, VpcLink } from '../model/ir.js';
import type { CfnResource } from '../model/cfn.js';

export interface IntegrationContext {
  readonly api: Api;
  readonly route: Route;
}

export interface IntegrationOutput {
  /** The `x-amazon-apigateway-integration` object for the operation. */
  readonly integration: { readonly [key: string]: Json };
  /** Resources the integration needs, by logical ID (e.g. the Lambda invoke permission). */
  readonly resources?: Readonly<Record<string, CfnResource>>;
  /** Status codes the integration answers with, which the operation must declare (success first). */
  readonly statusCodes?: readonly number[];
  /** Request headers the integration maps, which the operation must declare. */
  readonly requestHeaders?: readonly string[];
  /** Query string parameters the integration maps, which the operation must declare. */
  readonly requestQuery?: readonly string[];
  /** Headers of the success response the integration sets, which the operation must declare. */
  readonly responseHeaders?: readonly string[];
  readonly diagnostics?: readonly Diagnostic[];
  /** The role API Gateway assumes to call an AWS service (set as the integration's `credentials`). */
  readonly role?: ServiceRole;
  /** The VPC link of a private integration (its id set as the integration's `connectionId`). */
  readonly vpcLink?: VpcLink;
}

export interface ServiceRole {
  readonly service: string;
  /** Readable name of the target, for the role's logical ID. */
  readonly name: string;
  /** The target itself (canonical JSON): routes on the same target share one role. */
  readonly target: string;
  /** Least-privilege statements for this route; a shared role holds those of all its routes. */
  readonly statements: readonly IamStatement[];
  /** The user's own role, used instead of a generated one. */
  readonly existing?: AwsValue;
}
