/**
 * Access control of an HTTP API in its Body: JWT and Lambda (request) authorizers as security schemes,
 * IAM as the `awsSigv4` scheme, and each operation's single security requirement (HTTP APIs refuse an
 * operation with several), with its scopes for JWT authorizers.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { lambdaInvocationUri } from '../../integrations/lambda.js';
import { cfnValue, type Json } from '../../model/aws-value.js';
import type { Authorizer, GatewayModel, Route } from '../../model/ir.js';
import { authorizerPermissions, jwtScheme } from '../shared/authorizers.js';
import type { Contribution, OperationPatch } from '../shared/contribution.js';

/** The scheme of `auth: iam`: no authorizer can take the name (it is built in). */
const IAM_SCHEME = 'iam';

export function emitHttpAccess(model: GatewayModel): Contribution {
  const schemes: Record<string, Json> = {};
  for (const authorizer of model.access.authorizers) schemes[authorizer.name] = securityScheme(authorizer);
  if (model.routes.some((route) => route.auth?.kind === 'iam')) {
    schemes[IAM_SCHEME] = {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    };
  }
  const diagnostics: Diagnostic[] = [];
  return {
    ...(Object.keys(schemes).length > 0 && { body: { components: { securitySchemes: schemes } } }),
    operations: model.routes.flatMap(operationSecurity),
    resources: authorizerPermissions(model, diagnostics),
    diagnostics,
  };
}

function securityScheme(authorizer: Authorizer): Json {
  switch (authorizer.kind) {
    case 'jwt':
      return jwtScheme(authorizer);
    case 'request':
      return {
        type: 'apiKey',
        // A request authorizer reads its identity sources; the scheme's header name is not used.
        name: 'Unused',
        in: 'header',
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          authorizerUri: lambdaInvocationUri(authorizer.function),
          authorizerPayloadFormatVersion: '2.0',
          enableSimpleResponses: authorizer.simpleResponses,
          // Optional when caching is off: the function is then called on every request.
          ...(authorizer.identity.length > 0 && {
            identitySource: authorizer.identity.map(httpIdentitySource).join(', '),
          }),
          authorizerResultTtlInSeconds: authorizer.ttl,
          ...(authorizer.role && { authorizerCredentials: cfnValue(authorizer.role) }),
        },
      };
    default:
      // Token authorizers are refused on HTTP APIs, and Cognito ones become JWT authorizers in the model.
      return {};
  }
}

/** `method.request.header.X` → `$request.header.X`; `context.x` → `$context.x`; `stageVariables.x` → `$stageVariables.x`. */
function httpIdentitySource(source: string): string {
  return source.startsWith('method.request.') ? `$request.${source.slice('method.request.'.length)}` : `$${source}`;
}

/** The operation's `security`, replacing whatever the spec wrote, when x-gateway says how it is authorized. */
function operationSecurity(route: Route): OperationPatch[] {
  const auth = route.auth;
  if (!auth) return [];
  const security: Json =
    auth.kind === 'none'
      ? []
      : auth.kind === 'iam'
        ? [{ [IAM_SCHEME]: [] }]
        : [{ [auth.authorizer.name]: [...auth.scopes] }];
  return [{ route, fields: { security } }];
}
