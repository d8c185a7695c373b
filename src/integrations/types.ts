/** The contract between the IR and the integration modules (DESIGN.md "Layout"). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Json } from '../model/aws-value.js';
import type { Api, Route } from '../model/ir.js';
import type { CfnResource } from '../emit/cfn.js';

export interface IntegrationContext {
  readonly api: Api;
  readonly route: Route;
}

export interface IntegrationOutput {
  /** The `x-amazon-apigateway-integration` object for the operation. */
  readonly integration: { readonly [key: string]: Json };
  /** Resources the integration needs, by logical ID (e.g. the Lambda invoke permission). */
  readonly resources?: Readonly<Record<string, CfnResource>>;
  /** Status codes the integration answers with, which the operation must declare. */
  readonly statusCodes?: readonly number[];
  readonly diagnostics?: readonly Diagnostic[];
}
