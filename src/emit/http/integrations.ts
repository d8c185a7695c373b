/**
 * Every route's `x-amazon-apigateway-integration` as HTTP APIs import it, and the invoke permissions of
 * its Lambda functions (the same per-route permissions as REST APIs: the execute-api ARN of a route has
 * one form for both). HTTP APIs take proxy integrations only: a Lambda function (`aws_proxy`, payload
 * format 2.0 unless the spec says 1.0), an HTTP backend (`http_proxy`, which forwards the whole request:
 * `{name}` in its URL is filled from the route's path variable of that name, the query string passes on),
 * or an AWS service action (services.ts), called with a role shared by the routes on the same target.
 * Lambda and HTTP integrations carry the operation's parameter mapping (integrations/mapping.ts).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations.html
 */
import { lambdaInvocationUri, renderLambdaPermissions } from '../../integrations/lambda.js';
import { httpMapping } from '../../integrations/mapping.js';
import type { IntegrationOutput } from '../../integrations/types.js';
import { cfnValue } from '../../model/aws-value.js';
import type { GatewayModel, Route } from '../../model/ir.js';
import type { Contribution, OperationPatch } from '../shared/contribution.js';
import { SharedRoles } from '../shared/roles.js';
import { SharedVpcLinks } from '../shared/vpc-links.js';
import { renderSubtype } from './services.js';

export function emitHttpIntegrations(model: GatewayModel): Contribution {
  const operations: OperationPatch[] = [];
  const diagnostics = [];
  const roles = new SharedRoles(model.api.logicalId);
  const links = new SharedVpcLinks(model);
  for (const route of model.routes) {
    const output = renderRoute(route, roles, links);
    if (!output) continue;
    operations.push({ route, fields: { 'x-amazon-apigateway-integration': output.integration } });
    diagnostics.push(...(output.diagnostics ?? []));
  }
  const permissions = renderLambdaPermissions(model.api, model.stages, model.routes);
  return {
    operations,
    resources: { ...permissions.resources, ...roles.resources(), ...links.resources() },
    diagnostics: [...diagnostics, ...permissions.diagnostics],
  };
}

/** Undefined for an integration the spec writes itself, which the Body keeps. */
function renderRoute(route: Route, roles: SharedRoles, links: SharedVpcLinks): IntegrationOutput | undefined {
  const integration = route.integration;
  switch (integration.kind) {
    case 'lambda':
      return {
        integration: {
          type: 'aws_proxy',
          httpMethod: 'POST',
          uri: lambdaInvocationUri(integration.function),
          payloadFormatVersion: integration.payloadFormat,
          timeoutInMillis: integration.timeout,
          // With an invoke role API Gateway calls the function as that role: no resource-based permission.
          ...(integration.role && { credentials: cfnValue(integration.role) }),
          ...httpMapping(route, integration.mapping),
        },
      };
    case 'http':
      return {
        integration: {
          type: 'http_proxy',
          httpMethod: route.method,
          uri: cfnValue(integration.url),
          // Every integration but a Lambda function's takes format 1.0, which the import requires written.
          payloadFormatVersion: '1.0',
          timeoutInMillis: integration.timeout,
          ...(integration.vpcLink && {
            connectionType: 'VPC_LINK',
            connectionId: links.connectionIdFor(integration.vpcLink),
          }),
          ...(integration.tlsServerName !== undefined && {
            tlsConfig: { serverNameToVerify: integration.tlsServerName },
          }),
          ...httpMapping(route, integration.mapping),
        },
      };
    case 'raw':
    case 'mock':
      // A raw integration stays as written; the model refuses mock integrations on HTTP APIs.
      return undefined;
    default: {
      // The model refuses the services HTTP APIs have no subtype for.
      const subtype = renderSubtype(integration);
      return (
        subtype && {
          integration: {
            type: 'aws_proxy',
            integrationSubtype: subtype.subtype,
            credentials: roles.credentialsFor(subtype.role),
            requestParameters: subtype.requestParameters,
            payloadFormatVersion: '1.0',
            timeoutInMillis: integration.timeout,
          },
        }
      );
    }
  }
}
