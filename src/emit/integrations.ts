/** Every route's `x-amazon-apigateway-integration`, and the resources the integrations need. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderIntegration } from '../integrations/render.js';
import type { GatewayModel } from '../model/ir.js';
import type { CfnResource } from './cfn.js';
import type { Contribution, OperationPatch } from './contribution.js';

export function emitIntegrations(model: GatewayModel): Contribution {
  const operations: OperationPatch[] = [];
  const resources: Record<string, CfnResource> = {};
  const diagnostics: Diagnostic[] = [];
  for (const route of model.routes) {
    const output = renderIntegration({ api: model.api, route });
    if (!output) continue;
    operations.push({ route, fields: { 'x-amazon-apigateway-integration': output.integration }, ...(output.statusCodes && { statusCodes: output.statusCodes }) });
    Object.assign(resources, output.resources);
    diagnostics.push(...(output.diagnostics ?? []));
  }
  return { operations, resources, diagnostics };
}
