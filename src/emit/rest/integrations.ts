/**
 * Every route's `x-amazon-apigateway-integration`, the resources the integrations need, the Lambda
 * permissions, and the roles API Gateway assumes for AWS service integrations (emit/shared/roles.ts).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { renderLambdaPermissions } from '../../integrations/lambda.js';
import { renderIntegration } from '../../integrations/render.js';
import type { GatewayModel } from '../../model/ir.js';
import type { CfnResource } from '../../model/cfn.js';
import { SharedRoles } from '../shared/roles.js';
import type { Contribution, OperationPatch } from '../shared/contribution.js';

export function emitIntegrations(model: GatewayModel): Contribution {
  const operations: OperationPatch[] = [];
  const resources: Record<string, CfnResource> = {};
  const diagnostics: Diagnostic[] = [];
  const roles = new SharedRoles(model.api.logicalId);
  for (const route of model.routes) {
    const output = renderIntegration({ api: model.api, route });
    if (!output) continue;
    const integration = output.role
      ? { ...output.integration, credentials: roles.credentialsFor(output.role) }
      : output.integration;
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
  const permissions = renderLambdaPermissions(model.api, model.routes);
  return {
    operations,
    resources: { ...resources, ...permissions.resources, ...roles.resources() },
    diagnostics: [...diagnostics, ...permissions.diagnostics],
  };
}
