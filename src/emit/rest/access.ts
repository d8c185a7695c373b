/**
 * Access control in the template: authorizers as OpenAPI security schemes, each operation's `security`,
 * the API key source, the resource policy, the endpoint configuration, usage plans and keys.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { lambdaInvocationUri } from '../../integrations/lambda.js';
import { cfnNumber, cfnText, cfnTextWith, cfnValue, type AwsValue, type Json } from '../../model/aws-value.js';
import { pascalCase } from '../../model/names.js';
import type {
  Authorizer,
  GatewayModel,
  PolicyPrincipals,
  PrivateSources,
  ResourcePolicy,
  Route,
} from '../../model/ir.js';
import { type CfnOutput, type CfnResource, ref, sub } from '../../model/cfn.js';
import { authorizerPermissions, jwtScheme } from '../shared/authorizers.js';
import type { Contribution, OperationPatch } from '../shared/contribution.js';

import { API_KEY_SCHEME } from '../../model/access.js';

export function emitAccess(model: GatewayModel): Contribution {
  const { api, access } = model;
  const usesKeys = model.routes.some((r) => r.apiKey);
  // Built from entries: an authorizer may be named `__proto__`, which an assignment would not keep.
  const schemes: Record<string, Json> = Object.fromEntries([
    ...access.authorizers.map((authorizer) => [authorizer.name, securityScheme(authorizer)]),
    ...(usesKeys ? [[API_KEY_SCHEME, { type: 'apiKey', name: 'x-api-key', in: 'header' }]] : []),
  ]);

  const body: Record<string, Json> = {};
  if (Object.keys(schemes).length > 0) body['components'] = { securitySchemes: schemes };
  if (usesKeys || access.apiKeys.length > 0) body['x-amazon-apigateway-api-key-source'] = access.apiKeySource;
  if (access.policy) body['x-amazon-apigateway-policy'] = renderPolicy(access.policy);

  const restApi: Record<string, Json> = {};
  if (api.disableDefaultEndpoint) restApi['DisableExecuteApiEndpoint'] = true;

  const diagnostics: Diagnostic[] = [];
  return {
    body,
    operations: model.routes.flatMap((route) => operationSecurity(route)),
    restApi,
    resources: { ...authorizerPermissions(model, diagnostics), ...usagePlanResources(model) },
    diagnostics,
    outputs: keyOutputs(model),
  };
}

function securityScheme(authorizer: Authorizer): Json {
  switch (authorizer.kind) {
    case 'jwt':
      return jwtScheme(authorizer);
    case 'cognito':
      return {
        type: 'apiKey',
        name: authorizer.header,
        in: 'header',
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: authorizer.userPools.map(cfnValue),
        },
      };
    case 'token':
      return {
        type: 'apiKey',
        name: authorizer.header,
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: 'token',
          authorizerUri: lambdaInvocationUri(authorizer.function),
          identitySource: `method.request.header.${authorizer.header}`,
          authorizerResultTtlInSeconds: authorizer.ttl,
          ...(authorizer.pattern !== undefined && { identityValidationExpression: authorizer.pattern }),
          ...(authorizer.role && { authorizerCredentials: cfnValue(authorizer.role) }),
        },
      };
    case 'request':
      return {
        type: 'apiKey',
        // A request authorizer reads several sources; the scheme's header name is not used.
        name: 'Unused',
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          authorizerUri: lambdaInvocationUri(authorizer.function),
          // Optional when caching is off: the function is then called on every request.
          ...(authorizer.identity.length > 0 && { identitySource: authorizer.identity.join(', ') }),
          authorizerResultTtlInSeconds: authorizer.ttl,
          ...(authorizer.role && { authorizerCredentials: cfnValue(authorizer.role) }),
        },
      };
  }
}

/** The operation's `security` (and IAM auth), replacing whatever the spec wrote, when x-gateway says how it is authorized. */
function operationSecurity(route: Route): OperationPatch[] {
  if (!route.auth && !route.apiKey) return [];
  const requirement: Record<string, Json> = Object.fromEntries([
    ...(route.auth?.kind === 'authorizer' ? [[route.auth.authorizer.name, [...route.auth.scopes]]] : []),
    ...(route.apiKey ? [[API_KEY_SCHEME, []]] : []),
  ]);
  const fields: Record<string, Json> = { security: Object.keys(requirement).length > 0 ? [requirement] : [] };
  if (route.auth?.kind === 'iam') fields['x-amazon-apigateway-auth'] = { type: 'AWS_IAM' };
  return [{ route, fields }];
}

function usagePlanResources(model: GatewayModel): Record<string, CfnResource> {
  const { api } = model;
  const resources: Record<string, CfnResource> = {};
  for (const plan of model.access.usagePlans) {
    const methods = Object.fromEntries(
      plan.methods.map(({ route, throttle }) => [
        methodKey(route),
        { RateLimit: cfnNumber(throttle.rate), BurstLimit: cfnNumber(throttle.burst) },
      ]),
    );
    resources[`${api.logicalId}${pascalCase(plan.name)}UsagePlan`] = {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: {
        UsagePlanName: cfnTextWith(api.name, `-${plan.name}`),
        ...(plan.description !== undefined && { Description: cfnText(plan.description) }),
        ...(plan.throttle && {
          Throttle: { RateLimit: cfnNumber(plan.throttle.rate), BurstLimit: cfnNumber(plan.throttle.burst) },
        }),
        ...(plan.quota && {
          Quota: {
            Limit: cfnNumber(plan.quota.limit),
            Period: plan.quota.period,
            ...(plan.quota.offset !== undefined && { Offset: cfnNumber(plan.quota.offset) }),
          },
        }),
        // `Ref` of the Stage is its name, and makes the plan wait for the stage to exist. A key is
        // accepted on the stages of its plan only: the plan covers every stage of the API.
        ApiStages: model.stages.map((stage) => ({
          ApiId: ref(api.logicalId),
          Stage: ref(stage.logicalId),
          ...(plan.methods.length > 0 && { Throttle: methods }),
        })),
      },
    };
  }
  for (const key of model.access.apiKeys) {
    const keyId = `${api.logicalId}${pascalCase(key.name)}ApiKey`;
    resources[keyId] = {
      Type: 'AWS::ApiGateway::ApiKey',
      Properties: {
        Name: cfnTextWith(api.name, `-${key.name}`),
        Enabled: true,
        ...(key.description !== undefined && { Description: cfnText(key.description) }),
        ...(key.valueParameter !== undefined && { Value: ref(key.valueParameter) }),
      },
    };
    resources[`${api.logicalId}${pascalCase(key.name)}UsagePlanKey`] = {
      Type: 'AWS::ApiGateway::UsagePlanKey',
      Properties: {
        KeyId: ref(keyId),
        KeyType: 'API_KEY',
        UsagePlanId: ref(`${api.logicalId}${pascalCase(key.plan.name)}UsagePlan`),
      },
    };
  }
  return resources;
}

/**
 * A usage plan's method key: `{resourcePath}/{httpMethod}` as API Gateway names the method, `/pets/POST`;
 * the root resource is `//GET` (as the CDK writes it), and an any-method is the method `ANY`
 * (`/*` would be the wildcard of every method).
 */
export function methodKey(route: Route): string {
  return `${route.path}/${route.method}`;
}

function keyOutputs(model: GatewayModel): Record<string, CfnOutput> {
  return Object.fromEntries(
    model.access.apiKeys.map((key) => [
      `${model.api.logicalId}${pascalCase(key.name)}ApiKeyId`,
      {
        Description: `Id of the API key ${key.name} (read its value with: aws apigateway get-api-key --include-value --api-key <id>)`,
        Value: ref(`${model.api.logicalId}${pascalCase(key.name)}ApiKey`),
      },
    ]),
  );
}

const INVOKE = 'execute-api:Invoke';
/** Expanded by API Gateway to this API's ARN when it imports the policy. */
const THIS_API = 'execute-api:/*';

/**
 * The resource policy. API Gateway reads it differently by authorization: callers with no authorization
 * need an explicit Allow; for Lambda and Cognito authorizers and same-account IAM callers only an explicit
 * Deny bites (an Allow restricts nobody); cross-account IAM callers need an Allow to their principal.
 * So each `allow` list is written twice, as AWS's own examples do: an Allow for the callers that need one,
 * and a Deny of everyone from elsewhere (negated conditions), which holds whatever the authorization.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export function renderPolicy(policy: ResourcePolicy): Json {
  if (policy.kind === 'raw')
    return policy.privateTo ? withStatements(policy.document, privateDenied(policy.privateTo)) : policy.document;
  const rules =
    policy.kind === 'vpc-endpoints'
      ? { allow: { ...NOBODY, vpcEndpoints: policy.vpcEndpoints }, deny: NOBODY, anonymousCallers: false }
      : policy;
  const statements = [
    ...allowStatements(rules.allow, rules.anonymousCallers),
    ...outsideDenied(rules.allow),
    ...denyStatements(rules.deny),
  ];
  const confined = policy.kind === 'rules' && policy.privateTo ? privateDenied(policy.privateTo) : [];
  return { Version: '2012-10-17', Statement: withoutRepeats([...statements, ...confined]) };
}

/** A private API's Deny of every call through a VPC endpoint (or from a VPC) it does not list. */
function privateDenied(sources: PrivateSources): Json[] {
  return outsideDenied({ ...NOBODY, ...sources });
}

/** A policy document with statements added after its own (`Statement` may be one statement or a list). */
function withStatements(document: Json, added: readonly Json[]): Json {
  const block = document as { readonly [key: string]: Json };
  const own = block['Statement'];
  const statements = Array.isArray(own) ? own : own === undefined ? [] : [own];
  return { ...block, Statement: withoutRepeats([...statements, ...added]) };
}

/** Statements without a repeat of an earlier identical one (the confinement is often the allow list's own Deny). */
function withoutRepeats(statements: readonly Json[]): Json[] {
  const seen = new Set<string>();
  return statements.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const NOBODY: PolicyPrincipals = { accounts: [], vpcEndpoints: [], vpcs: [], sourceIps: [] };

/** An Allow per place callers may come from (any of them admits), to the listed accounts or to anyone. */
function allowStatements(allow: PolicyPrincipals, anonymousCallers: boolean): Json[] {
  const principal: Json = allow.accounts.length > 0 ? { AWS: allow.accounts.map(principalArn) } : '*';
  const places = sourceConditions(allow);
  if (places.length > 0) return places.map((condition) => statement('Allow', principal, condition));
  // Without one, unauthenticated callers would all be refused (a deny-only policy locks them out).
  return allow.accounts.length > 0 || anonymousCallers ? [statement('Allow', principal)] : [];
}

/** A Deny of every caller from none of the allowed places: the conditions of one statement all must hold. */
function outsideDenied(allow: PolicyPrincipals): Json[] {
  const notEquals: Record<string, Json> = {};
  if (allow.vpcEndpoints.length > 0) notEquals['aws:SourceVpce'] = allow.vpcEndpoints.map(cfnValue);
  if (allow.vpcs.length > 0) notEquals['aws:SourceVpc'] = allow.vpcs.map(cfnValue);
  const condition: Record<string, Json> = {};
  if (Object.keys(notEquals).length > 0) condition['StringNotEquals'] = notEquals;
  if (allow.sourceIps.length > 0) condition['NotIpAddress'] = { 'aws:SourceIp': [...allow.sourceIps] };
  return Object.keys(condition).length > 0 ? [statement('Deny', '*', condition)] : [];
}

function denyStatements(deny: PolicyPrincipals): Json[] {
  return [
    ...(deny.accounts.length > 0 ? [statement('Deny', { AWS: deny.accounts.map(principalArn) })] : []),
    ...sourceConditions(deny).map((condition) => statement('Deny', '*', condition)),
  ];
}

/** One condition per kind of place: VPC endpoints, VPCs, source IPs. */
function sourceConditions(who: PolicyPrincipals): Json[] {
  return [
    ...(who.vpcEndpoints.length > 0 ? [{ StringEquals: { 'aws:SourceVpce': who.vpcEndpoints.map(cfnValue) } }] : []),
    ...(who.vpcs.length > 0 ? [{ StringEquals: { 'aws:SourceVpc': who.vpcs.map(cfnValue) } }] : []),
    ...(who.sourceIps.length > 0 ? [{ IpAddress: { 'aws:SourceIp': [...who.sourceIps] } }] : []),
  ];
}

function statement(effect: 'Allow' | 'Deny', principal: Json, condition?: Json): Json {
  return {
    Effect: effect,
    Principal: principal,
    Action: INVOKE,
    Resource: THIS_API,
    ...(condition !== undefined && { Condition: condition }),
  };
}

/** A bare 12-digit account id becomes the account's root principal in this partition. */
function principalArn(value: AwsValue): Json {
  if (value.kind === 'literal' && /^\d{12}$/.test(value.value))
    return sub(`arn:\${AWS::Partition}:iam::${value.value}:root`);
  return cfnValue(value);
}
