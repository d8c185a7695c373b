/** The rule registry: every rule, in the order they report. */
import type { Rule } from '../rule.js';
import apiKeyOnlyProtection from './api-key-only-protection.js';
import authorizerTtl from './authorizer-ttl.js';
import authorizerUnknown from './authorizer-unknown.js';
import corsWildcardCredentials from './cors-wildcard-credentials.js';
import extensionSchema from './extension-schema.js';
import httpApiExtensions from './http-api-extensions.js';
import httpBackendInsecure from './http-backend-insecure.js';
import httpIntegrationSubtype from './http-integration-subtype.js';
import httpPayloadFormat from './http-payload-format.js';
import integrationContentHandling from './integration-content-handling.js';
import integrationHttpMethod from './integration-http-method.js';
import integrationMissing from './integration-missing.js';
import integrationPassthrough from './integration-passthrough.js';
import integrationTimeout from './integration-timeout.js';
import integrationTimeoutNeedsQuota from './integration-timeout-needs-quota.js';
import integrationType from './integration-type.js';
import integrationUri from './integration-uri.js';
import jwtAuthorizerAudience from './jwt-authorizer-audience.js';
import lambdaInvocationUri from './lambda-invocation-uri.js';
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
  operationNoAuth,
  apiKeyOnlyProtection,
  securityRootIgnored,
  policyPrincipalStar,
  privateApiWithoutPolicy,
  corsWildcardCredentials,
  resourceCount,
  stageAccessLogs,
  stageThrottling,
  stageWebAcl,
];
