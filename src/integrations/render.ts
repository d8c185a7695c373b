/** Dispatch a route's integration to the module of its kind. */
import type { Route } from '../model/ir.js';
import { renderHttpIntegration } from './http.js';
import { renderLambdaIntegration } from './lambda.js';
import { renderMockIntegration } from './mock.js';
import { renderServiceKind } from './services.js';
import type { IntegrationContext, IntegrationOutput } from './types.js';

/** Undefined for a raw integration, which the Body keeps as the user wrote it. */
export function renderIntegration(context: IntegrationContext): IntegrationOutput | undefined {
  const integration: Route['integration'] = context.route.integration;
  switch (integration.kind) {
    case 'lambda':
      return renderLambdaIntegration(context.route, integration);
    case 'http':
      return renderHttpIntegration(context, integration);
    case 'mock':
      return renderMockIntegration(integration, context.api.binaryMediaTypes);
    case 'raw':
      return undefined;
    default:
      return renderServiceKind(context.route, integration);
  }
}
