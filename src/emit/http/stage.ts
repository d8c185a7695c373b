/**
 * The HTTP API's stage settings: stage variables, access logs (to a generated log group or the given
 * one; HTTP APIs need no account-level role for them), detailed metrics and throttling for every route,
 * and per-route throttling keyed by route (`GET /pets/{id}`).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html
 */
import { cfnNumber, type Json } from '../../model/aws-value.js';
import type { GatewayModel, Throttle } from '../../model/ir.js';
import type { CfnOutput, CfnResource } from '../../model/cfn.js';
import { accessLogParts } from '../shared/logging.js';
import type { Contribution, StagePart } from '../shared/contribution.js';
import { stageBasics, stagePrefix } from '../shared/stage.js';

export function emitHttpStage(model: GatewayModel): Contribution {
  const { api } = model;
  const resources: Record<string, CfnResource> = {};
  const outputs: Record<string, CfnOutput> = {};
  const stages: Record<string, StagePart> = {};
  for (const stage of model.stages) {
    const basics = stageBasics(stage, 'StageVariables');
    const settings = basics.settings;
    Object.assign(outputs, basics.outputs);
    const defaults: Record<string, Json> = {
      ...(stage.metrics && { DetailedMetricsEnabled: true }),
      ...(stage.throttle && throttling(stage.throttle)),
    };
    if (Object.keys(defaults).length > 0) settings['DefaultRouteSettings'] = defaults;
    const routes = model.routes.filter((route) => route.throttle);
    if (routes.length > 0) {
      // A route's entry replaces the defaults for it: it repeats the metrics setting.
      settings['RouteSettings'] = Object.fromEntries(
        routes.map((route) => [
          `${route.method} ${route.path}`,
          { ...(stage.metrics && { DetailedMetricsEnabled: true }), ...throttling(route.throttle!) },
        ]),
      );
    }
    if (stage.accessLog) {
      const log = accessLogParts(stagePrefix(api.logicalId, stage), stage.accessLog, 'Access log group');
      Object.assign(resources, log.resources);
      Object.assign(outputs, log.outputs);
      settings['AccessLogSettings'] = log.setting;
    }
    stages[stage.logicalId] = { properties: settings };
  }
  return { stages, resources, outputs };
}

function throttling(throttle: Throttle): Record<string, Json> {
  return { ThrottlingBurstLimit: cfnNumber(throttle.burst), ThrottlingRateLimit: cfnNumber(throttle.rate) };
}
