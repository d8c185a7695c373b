/**
 * Every route's `x-amazon-apigateway-integration`, the resources the integrations need, the Lambda
 * permissions, the roles API Gateway assumes for AWS service integrations (emit/shared/roles.ts) and the VPC
 * links of private integrations (emit/shared/vpc-links.ts).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { renderLambdaPermissions } from '../../integrations/lambda.js';
import { renderIntegration } from '../../integrations/render.js';
import type { GatewayModel } from '../../model/ir.js';
import type { CfnResource } from '../../model/cfn.js';
import { SharedRoles } from '../shared/roles.js';
import { SharedVpcLinks } from '../shared/vpc-links.js';
import type { Contribution, OperationPatch } from '../shared/contribution.js';

export function emitIntegrations(model: GatewayModel): Contribution {
  const operations: OperationPatch[] = [];
  const resources: Record<string, CfnResource> = {};
  const diagnostics: Diagnostic[] = [];
  const roles = new SharedRoles(model.api.logicalId);
  const links = new SharedVpcLinks(model);
  for (const route of model.routes) {
    const output = renderIntegration({ api: model.api, route });
    if (!output) continue;
    const integration = {
      ...output.integration,
      ...(output.role && { credentials: roles.credentialsFor(output.role) }),
      ...(output.vpcLink && { connectionType: 'VPC_LINK', connectionId: links.connectionIdFor(output.vpcLink) }),
    };
    operations.push({
      route,
      fields: { 'x-amazon-apigateway-integration': integration },
      ...(output.statusCodes && { statusCodes: output.statusCodes }),
      ...(output.requestHeaders && { requestHeaders: output.requestHeaders }),
      ...(output.requestQuery && { requestQuery: output.requestQuery }),
      ...(output.responseHeaders && { responseHeaders: output.responseHeaders }),
    });
    Object.assign(resources, output.resources);
    diagnostics.push(...(output.diagnostics ?? []));
  }
  const permissions = renderLambdaPermissions(model.api, model.stages, model.routes);
  return {
    operations,
    resources: { ...resources, ...permissions.resources, ...roles.resources(), ...links.resources() },
    diagnostics: [...diagnostics, ...permissions.diagnostics],
  };
}
