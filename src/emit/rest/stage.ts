/**
 * The stage's settings (variables, tracing, logs, metrics, throttling, caching, per-method settings), the
 * access log group and the account-level CloudWatch role when asked for (from emit/shared/logging.ts),
 * and the RestApi's binary media types and compression.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigateway-stage-methodsetting.html
 */
import {
  type AwsValue,
  cfnNumber,
  cfnText,
  cfnValue,
  type Json,
  readableText,
  subTemplate,
} from '../../model/aws-value.js';
import type { GatewayModel, HttpMethod, Route, Stage } from '../../model/ir.js';
import { type CfnOutput, type CfnParameter, type CfnResource, ref, sub } from '../../model/cfn.js';
import { accessLogParts, accountRole } from '../shared/logging.js';
import type { Contribution, OperationPatch, StagePart } from '../shared/contribution.js';
import { clientCertificateParts, stageBasics, stagePrefix, stageVariables } from '../shared/stage.js';

/** MethodSettings' resource path: `/pets/{id}` → `/~1pets~1{id}`; the root is `/`. */
export function methodSettingsPath(path: string): string {
  return path === '/' ? '/' : '/' + path.replace(/\//g, '~1');
}

export function emitStage(model: GatewayModel): Contribution {
  const { api } = model;
  const resources: Record<string, CfnResource> = {};
  const outputs: Record<string, CfnOutput> = {};
  const stages: Record<string, StagePart> = {};
  for (const stage of model.stages) {
    const basics = stageBasics(stage, 'Variables');
    const settings = basics.settings;
    Object.assign(outputs, basics.outputs);
    if (stage.tracing) settings['TracingEnabled'] = true;
    if (stage.cache) {
      settings['CacheClusterEnabled'] = true;
      settings['CacheClusterSize'] = cfnText(stage.cache.size);
    }
    if (stage.accessLog) {
      const logs = accessLogParts(stagePrefix(api.logicalId, stage), stage.accessLog, 'Access log group');
      Object.assign(resources, logs.resources);
      Object.assign(outputs, logs.outputs);
      settings['AccessLogSetting'] = logs.setting;
    }
    const methodSettings = [
      ...stageWide(stage),
      ...model.routes.flatMap((route) => methodSetting(model, stage, route)),
    ];
    if (methodSettings.length > 0) settings['MethodSettings'] = methodSettings;
    if (stage.logging?.accountRole) Object.assign(resources, accountRole(api.logicalId));
    if (stage.clientCertificate) {
      // One certificate for the document, whichever stages present it.
      const certificate = clientCertificateParts(api.logicalId, api.name);
      Object.assign(resources, certificate.resources);
      Object.assign(outputs, certificate.outputs);
      settings['ClientCertificateId'] = ref(certificate.id);
    }
    if (stage.webAcl) Object.assign(resources, webAclAssociation(model, stage, stage.webAcl));
    stages[stage.logicalId] = {
      properties: settings,
      ...(stage.logging?.accountRole && { dependsOn: [`${api.logicalId}Account`] }),
    };
  }

  const restApi: Record<string, Json> = {};
  if (api.binaryMediaTypes.length > 0) restApi['BinaryMediaTypes'] = [...api.binaryMediaTypes];
  if (api.minimumCompressionSize !== undefined) restApi['MinimumCompressionSize'] = api.minimumCompressionSize;
  return { stages, restApi, resources, outputs, operations: cacheKeys(model) };
}

/** A canary's template parameter (the stage's base deployment) and the condition that it is given. */
export function canaryNames(stage: Stage): { parameter: string; condition: string } {
  return { parameter: `${stage.logicalId}BaseDeploymentId`, condition: `${stage.logicalId}CanaryOn` };
}

/**
 * The deployment a stage serves, and its canary: with a canary, the stage keeps serving its base
 * deployment (an earlier template's, whose id the deploy passes in) and sends `percent` of its requests
 * to this template's; without a base deployment (a new stack) the stage serves this template's alone.
 * The Deployment takes no canary settings of its own: those need its StageName, which makes the Deployment
 * create or update the stage outside the Stage resource.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html
 */
export function stageDeployment(
  stage: Stage,
  deployment: string,
): { properties: Record<string, Json>; parameters: Record<string, CfnParameter>; conditions: Record<string, Json> } {
  if (!stage.canary) return { properties: { DeploymentId: ref(deployment) }, parameters: {}, conditions: {} };
  const { parameter, condition } = canaryNames(stage);
  const overrides = stageVariables(stage.canary.variables);
  return {
    properties: {
      DeploymentId: { 'Fn::If': [condition, ref(parameter), ref(deployment)] },
      CanarySetting: {
        'Fn::If': [
          condition,
          {
            DeploymentId: ref(deployment),
            PercentTraffic: stage.canary.percent,
            ...(overrides && { StageVariableOverrides: overrides }),
            UseStageCache: stage.canary.useStageCache,
          },
          ref('AWS::NoValue'),
        ],
      },
    },
    parameters: {
      [parameter]: {
        Type: 'String',
        Description:
          `Id of the deployment the ${readableText(stage.name)} stage serves now (aws apigateway get-stage ` +
          "--query deploymentId): it keeps serving it, and the canary gets this template's. Empty on a new stack.",
        Default: '',
        AllowedPattern: '^[a-z0-9]*$',
        ConstraintDescription: 'must be a deployment id (lower-case letters and digits), or empty',
      },
    },
    conditions: { [condition]: { 'Fn::Not': [{ 'Fn::Equals': [ref(parameter), ''] }] } },
  };
}

/**
 * The association of the stage with its web ACL. A stage has no ARN attribute: the ARN is built from its
 * name, and the association waits for the Stage, which must exist first.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-wafv2-webaclassociation.html
 */
function webAclAssociation(model: GatewayModel, stage: Stage, webAcl: AwsValue): Record<string, CfnResource> {
  const { api } = model;
  return {
    [`${stagePrefix(api.logicalId, stage)}WebAclAssociation`]: {
      Type: 'AWS::WAFv2::WebACLAssociation',
      DependsOn: [stage.logicalId],
      Properties: {
        ResourceArn: sub(
          `arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${${api.logicalId}}/stages/${subTemplate(stage.name)}`,
        ),
        WebACLArn: cfnValue(webAcl),
      },
    },
  };
}

/** The `/*` `*` entry: logging, metrics, throttling and caching for every method. */
function stageWide(stage: Stage): Json[] {
  const entry = stageWideFields(stage);
  return Object.keys(entry).length > 0 ? [{ ResourcePath: '/*', HttpMethod: '*', ...entry }] : [];
}

function stageWideFields(stage: Stage): Record<string, Json> {
  const entry: Record<string, Json> = {};
  if (stage.logging) {
    entry['LoggingLevel'] = stage.logging.level;
    if (stage.logging.dataTrace) entry['DataTraceEnabled'] = true;
  }
  if (stage.metrics) entry['MetricsEnabled'] = true;
  if (stage.throttle) {
    entry['ThrottlingRateLimit'] = cfnNumber(stage.throttle.rate);
    entry['ThrottlingBurstLimit'] = cfnNumber(stage.throttle.burst);
  }
  if (stage.cache) {
    // With a cache cluster API Gateway caches every GET method unless told otherwise; only the operations
    // that set `cache` are cached. https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
    entry['CachingEnabled'] = false;
    entry['CacheTtlInSeconds'] = cfnNumber(stage.cache.ttl);
    if (stage.cache.encrypted) entry['CacheDataEncrypted'] = true;
  }
  return entry;
}

const VERBS: readonly HttpMethod[] = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/**
 * The verbs a route's method settings apply to. Settings are looked up by the request's verb, so an ANY
 * method's are set for each verb it serves: those the path does not define itself, less OPTIONS when CORS
 * answers the preflight.
 */
function settingVerbs(model: GatewayModel, route: Route): readonly HttpMethod[] {
  if (route.method !== 'ANY') return [route.method];
  const defined = new Set(model.routes.filter((r) => r.path === route.path).map((r) => r.method));
  return VERBS.filter((verb) => !defined.has(verb) && !(verb === 'OPTIONS' && model.cors));
}

/**
 * A method's entry replaces the stage-wide one for that method: every field it leaves out takes API
 * Gateway's default (logging off, metrics off), so it starts from the stage-wide fields. An ANY method is
 * cached for GET only, as API Gateway caches by default: a cached POST would answer without reaching the
 * backend.
 */
function methodSetting(model: GatewayModel, stage: Stage, route: Route): Json[] {
  return settingVerbs(model, route).flatMap((verb) => {
    // A stage without a cache cluster caches nothing.
    const cached = route.cache !== undefined && stage.cache !== undefined && (route.method !== 'ANY' || verb === 'GET');
    if (!route.throttle && !cached) return [];
    return [
      {
        ResourcePath: methodSettingsPath(route.path),
        HttpMethod: verb,
        ...stageWideFields(stage),
        ...(route.throttle && {
          ThrottlingRateLimit: cfnNumber(route.throttle.rate),
          ThrottlingBurstLimit: cfnNumber(route.throttle.burst),
        }),
        ...(cached && {
          CachingEnabled: true,
          CacheTtlInSeconds: cfnNumber(route.cache?.ttl ?? stage.cache?.ttl ?? 300),
        }),
      },
    ];
  });
}

/** The request parameters a cached method's responses are keyed by, on its integration. */
function cacheKeys(model: GatewayModel): OperationPatch[] {
  return model.routes
    .filter((route) => route.cache && route.cache.keys.length > 0)
    .map((route) => ({
      route,
      fields: {
        'x-amazon-apigateway-integration': {
          cacheKeyParameters: [...route.cache!.keys],
          cacheNamespace: `${route.method} ${route.path}`,
        },
      },
    }));
}
