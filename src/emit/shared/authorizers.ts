/**
 * What REST and HTTP APIs share about authorizers: the JWT security scheme, and the invoke permission of
 * each Lambda authorizer that API Gateway does not call through a role.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { invokedFunctions, invokePermission, stageScopes } from '../../integrations/lambda.js';
import { cfnValue, type Json } from '../../model/aws-value.js';
import type { GatewayModel, JwtAuthorizer } from '../../model/ir.js';
import { pascalCase } from '../../model/names.js';
import { executeApiArn } from '../../model/arns.js';
import type { CfnResource } from '../../model/cfn.js';

/**
 * A JWT authorizer as HTTP APIs import it: an OAuth 2.0 scheme (with no flows: API Gateway reads the
 * issuer's, and OpenAPI requires the field) carrying the issuer and audience.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html
 */
export function jwtScheme(authorizer: JwtAuthorizer): Json {
  return {
    type: 'oauth2',
    flows: {},
    'x-amazon-apigateway-authorizer': {
      type: 'jwt',
      identitySource: `$request.header.${authorizer.header}`,
      jwtConfiguration: { issuer: cfnValue(authorizer.issuer), audience: authorizer.audience.map(cfnValue) },
    },
  };
}

/**
 * A permission for each Lambda authorizer without an invoke role: for each function its stages' variables
 * name when a stage variable chooses it (an authorizer's source ARN names no stage, so one per function).
 */
export function authorizerPermissions(model: GatewayModel, diagnostics: Diagnostic[]): Record<string, CfnResource> {
  const resources: Record<string, CfnResource> = {};
  const scopes = stageScopes(model.stages);
  for (const authorizer of model.access.authorizers) {
    if (authorizer.kind === 'cognito' || authorizer.kind === 'jwt' || authorizer.role) continue;
    const permitted = new Set<string>();
    for (const { fn, scope } of invokedFunctions(
      authorizer.function,
      authorizer.origin,
      'authorizer',
      scopes,
      diagnostics,
    )) {
      const key = JSON.stringify(cfnValue(fn));
      if (permitted.has(key)) continue;
      permitted.add(key);
      resources[`${model.api.logicalId}${pascalCase(authorizer.name)}AuthorizerPermission${scope?.label ?? ''}`] =
        invokePermission(fn, executeApiArn(model.api.logicalId, 'authorizers/*'));
    }
  }
  return resources;
}
