/** The rule registry: every rule, in the order they report. */
import type { Rule } from '../rule.js';
import apiKeyOnlyProtection from './api-key-only-protection.js';
import authorizerCacheIdentity from './authorizer-cache-identity.js';
import authorizerCognitoProviders from './authorizer-cognito-providers.js';
import authorizerScheme from './authorizer-scheme.js';
import authorizerTtl from './authorizer-ttl.js';
import authorizerUnknown from './authorizer-unknown.js';
import awsProxyTarget from './aws-proxy-target.js';
import corsGatewayResponses from './cors-gateway-responses.js';
import corsOptionsMissing from './cors-options-missing.js';
import corsPreflightAuthorized from './cors-preflight-authorized.js';
import corsWildcardCredentials from './cors-wildcard-credentials.js';
import extensionSchema from './extension-schema.js';
import hardcodedPartition from './hardcoded-partition.js';
import hardcodedRegionAccount from './hardcoded-region-account.js';
import httpApiExtensions from './http-api-extensions.js';
import httpBackendInsecure from './http-backend-insecure.js';
import httpIntegrationSubtype from './http-integration-subtype.js';
import httpPayloadFormat from './http-payload-format.js';
import integrationContentHandling from './integration-content-handling.js';
import integrationCredentials from './integration-credentials.js';
import integrationErrorsAsSuccess from './integration-errors-as-success.js';
import integrationHttpMethod from './integration-http-method.js';
import integrationMissing from './integration-missing.js';
import integrationPassthroughUnmatched from './integration-passthrough-unmatched.js';
import integrationPassthrough from './integration-passthrough.js';
import integrationResponseDefault from './integration-response-default.js';
import integrationResponseUndeclared from './integration-response-undeclared.js';
import integrationTimeoutNeedsQuota from './integration-timeout-needs-quota.js';
import integrationTimeout from './integration-timeout.js';
import integrationType from './integration-type.js';
import integrationUri from './integration-uri.js';
import jwtAuthorizerAudience from './jwt-authorizer-audience.js';
import lambdaInvocationUri from './lambda-invocation-uri.js';
import mappingExpression from './mapping-expression.js';
import mappingUndeclared from './mapping-undeclared.js';
import modelName from './model-name.js';
import operationIdUnique from './operation-id-unique.js';
import operationNoAuth from './operation-no-auth.js';
import pathGreedyNotLast from './path-greedy-not-last.js';
import pathInvalidCharacters from './path-invalid-characters.js';
import pathParamNotRequired from './path-param-not-required.js';
import pathParamUndeclared from './path-param-undeclared.js';
import pathParamUnused from './path-param-unused.js';
import pathSiblingVariables from './path-sibling-variables.js';
import policyPrincipalStar from './policy-principal-star.js';
import privateApiWithoutPolicy from './private-api-without-policy.js';
import requestBodyNoSchema from './request-body-no-schema.js';
import requestModelKeywords from './request-model-keywords.js';
import requestValidatorUnknown from './request-validator-unknown.js';
import resourceCount from './resource-count.js';
import restApiExtensions from './rest-api-extensions.js';
import securityRootIgnored from './security-root-ignored.js';
import stageAccessLogs from './stage-access-logs.js';
import stageThrottling from './stage-throttling.js';
import stageWebAcl from './stage-web-acl.js';
import vtlFormUrlencode from './vtl-form-urlencode.js';
import vtlJsonEscape from './vtl-json-escape.js';
import vtlLoopVariable from './vtl-loop-variable.js';

export const RULES: readonly Rule[] = [
  pathSiblingVariables,
  pathGreedyNotLast,
  pathInvalidCharacters,
  pathParamUndeclared,
  pathParamUnused,
  pathParamNotRequired,
  operationIdUnique,
  integrationMissing,
  extensionSchema,
  integrationType,
  integrationHttpMethod,
  integrationUri,
  integrationPassthrough,
  integrationContentHandling,
  integrationTimeout,
  integrationTimeoutNeedsQuota,
  lambdaInvocationUri,
  awsProxyTarget,
  integrationCredentials,
  integrationPassthroughUnmatched,
  integrationResponseUndeclared,
  integrationResponseDefault,
  integrationErrorsAsSuccess,
  mappingExpression,
  mappingUndeclared,
  vtlFormUrlencode,
  vtlJsonEscape,
  vtlLoopVariable,
  httpBackendInsecure,
  httpApiExtensions,
  restApiExtensions,
  httpIntegrationSubtype,
  httpPayloadFormat,
  requestValidatorUnknown,
  requestBodyNoSchema,
  requestModelKeywords,
  modelName,
  authorizerUnknown,
  authorizerTtl,
  jwtAuthorizerAudience,
  authorizerCognitoProviders,
  authorizerScheme,
  authorizerCacheIdentity,
  operationNoAuth,
  apiKeyOnlyProtection,
  securityRootIgnored,
  policyPrincipalStar,
  privateApiWithoutPolicy,
  corsWildcardCredentials,
  corsPreflightAuthorized,
  corsOptionsMissing,
  corsGatewayResponses,
  hardcodedRegionAccount,
  hardcodedPartition,
  resourceCount,
  stageAccessLogs,
  stageThrottling,
  stageWebAcl,
];
