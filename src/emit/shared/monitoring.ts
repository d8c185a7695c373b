/**
 * Monitoring from one place: CloudWatch alarms on each stage's metrics (`stage.alarms`) and one dashboard
 * for the document's APIs (`stage.dashboard`). The three kinds publish under AWS/ApiGateway with different
 * names and dimensions: REST APIs `4XXError`/`5XXError` by ApiName and Stage; HTTP APIs `4xx`/`5xx` by ApiId
 * and Stage; WebSocket APIs `ClientError`, `IntegrationError`, `ExecutionError`, `IntegrationLatency` and
 * `MessageCount` (no Latency) by ApiId and Stage.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-logging.html
 */
import { cfnText, cfnValue, type Json, joinSub, subTemplate, toAwsValue } from '../../model/aws-value.js';
import { type CfnResource, ref, sub } from '../../model/cfn.js';
import type { Alarms, GatewayModel } from '../../model/ir.js';
import { stagePrefix } from './stage.js';

type Kind = 'rest' | 'http' | 'websocket';

/** One stage of the document, as CloudWatch names its metrics. */
interface Monitored {
  readonly kind: Kind;
  readonly apiLogicalId: string;
  /** As written (placeholders kept). */
  readonly apiName: string;
  readonly stageName: string;
  /** The prefix of its alarms' logical IDs. */
  readonly prefix: string;
  readonly alarms?: Alarms;
}

const NAMESPACE = 'AWS/ApiGateway';
/** 3 breaching minutes out of the last 5: a blip does not page, a lasting problem does within minutes. */
const EVALUATION = { EvaluationPeriods: 5, DatapointsToAlarm: 3 } as const;
const PERIOD = 60;

const METRICS: Readonly<
  Record<Kind, { readonly server?: string; readonly client?: string; readonly latency?: string }>
> = {
  rest: { server: '5XXError', client: '4XXError', latency: 'Latency' },
  http: { server: '5xx', client: '4xx', latency: 'Latency' },
  websocket: {},
};

/**
 * The stages of the document: its REST or HTTP API's (when it has one), each with its alarms, and its
 * WebSocket API's, with the first stage's.
 */
function monitoredStages(model: GatewayModel, withRest: boolean): Monitored[] {
  return [
    ...(withRest
      ? model.stages.map((stage) => ({
          kind: model.api.type,
          apiLogicalId: model.api.logicalId,
          apiName: model.api.name,
          stageName: stage.name,
          prefix: stagePrefix(model.api.logicalId, stage),
          ...(stage.alarms && { alarms: stage.alarms }),
        }))
      : []),
    ...(model.websocket
      ? [
          {
            kind: 'websocket' as const,
            apiLogicalId: model.websocket.logicalId,
            apiName: model.websocket.name,
            stageName: model.websocket.stage.name,
            prefix: model.websocket.logicalId,
            ...(model.stage.alarms && { alarms: model.stage.alarms }),
          },
        ]
      : []),
  ];
}

export function emitMonitoring(model: GatewayModel, withRest: boolean): Record<string, CfnResource> {
  const stages = monitoredStages(model, withRest);
  const dashboard = model.stages.some((stage) => stage.dashboard);
  return {
    ...Object.assign({}, ...stages.map((stage) => (stage.alarms ? stageAlarms(stage, stage.alarms) : {}))),
    ...(dashboard && stages.length > 0 && { [`${stages[0]!.apiLogicalId}Dashboard`]: dashboardOf(stages) }),
  };
}

function dimensions(stage: Monitored): Json[] {
  return [
    stage.kind === 'rest'
      ? { Name: 'ApiName', Value: cfnText(stage.apiName) }
      : { Name: 'ApiId', Value: ref(stage.apiLogicalId) },
    { Name: 'Stage', Value: cfnText(stage.stageName) },
  ];
}

function stageAlarms(stage: Monitored, alarms: Alarms): Record<string, CfnResource> {
  const names = METRICS[stage.kind];
  const websocket = stage.kind === 'websocket';
  const resources: Record<string, CfnResource> = {};
  const add = (id: string, what: string, fields: Record<string, Json>): void => {
    resources[`${stage.prefix}${id}Alarm`] = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmDescription: joinSub([toAwsValue(stage.apiName)!, ' (stage ', toAwsValue(stage.stageName)!, `): ${what}`]),
        ...fields,
        ...EVALUATION,
        ComparisonOperator: 'GreaterThanThreshold',
        // No traffic is not an outage of the API: the alarm stays OK.
        TreatMissingData: 'notBreaching',
        ...(alarms.notify.length > 0 && {
          AlarmActions: alarms.notify.map(cfnValue),
          OKActions: alarms.notify.map(cfnValue),
        }),
      },
    };
  };
  // Each of 4XXError/5XXError (4xx/5xx) is 1 for a request answered so and 0 otherwise: its Average is the rate.
  const rate = (metric: string, percent: number): Record<string, Json> => ({
    ...metricOf(stage, metric),
    Statistic: 'Average',
    Period: PERIOD,
    Threshold: percent / 100,
  });
  const p99 = (metric: string, ms: number): Record<string, Json> => ({
    ...metricOf(stage, metric),
    ExtendedStatistic: 'p99',
    Period: PERIOD,
    Threshold: ms,
  });
  if (alarms.serverErrorRate !== undefined) {
    const what = `more than ${alarms.serverErrorRate}% of ${websocket ? 'backend calls' : 'requests'} failed with a server error`;
    add(
      'ServerError',
      what,
      names.server
        ? rate(names.server, alarms.serverErrorRate)
        : messageRate(stage, ['IntegrationError', 'ExecutionError'], alarms.serverErrorRate, false),
    );
  }
  if (alarms.clientErrorRate !== undefined) {
    const what = `more than ${alarms.clientErrorRate}% of ${websocket ? 'messages' : 'requests'} were refused with a client error`;
    add(
      'ClientError',
      what,
      names.client
        ? rate(names.client, alarms.clientErrorRate)
        : messageRate(stage, ['ClientError'], alarms.clientErrorRate, true),
    );
  }
  if (alarms.latencyP99 !== undefined && names.latency)
    add('Latency', `p99 latency above ${alarms.latencyP99} ms`, p99(names.latency, alarms.latencyP99));
  if (alarms.integrationLatencyP99 !== undefined)
    add(
      'IntegrationLatency',
      `p99 integration (backend) latency above ${alarms.integrationLatencyP99} ms`,
      p99('IntegrationLatency', alarms.integrationLatencyP99),
    );
  return resources;
}

function metricOf(stage: Monitored, metric: string): Record<string, Json> {
  return { Namespace: NAMESPACE, MetricName: metric, Dimensions: dimensions(stage) };
}

/**
 * WebSocket APIs publish error counts, not rates, and MessageCount counts messages both ways (replies and
 * @connections pushes too), so it is no denominator: a fan-out API would hide any error rate. The calls a
 * backend answered are counted instead, by the samples of IntegrationLatency (one per integration call;
 * none for mocks). A server error rate is failed calls (IntegrationError + ExecutionError) per call: AWS
 * does not say whether a call that fails before any answer (ExecutionError) has a latency sample, so the
 * denominator is at least the failures, which may overstate the rate, never understate it. A client error
 * rate is ClientError (refused before any integration) per such refusal or call: messages to mock routes
 * are not counted, which again can only overstate it. A minute without errors has no data point, hence FILL.
 */
function messageRate(
  stage: Monitored,
  errors: readonly string[],
  percent: number,
  refusedFirst: boolean,
): Record<string, Json> {
  const stat = (id: string, metric: string, statistic: string): Json => ({
    Id: id,
    MetricStat: {
      Metric: { Namespace: NAMESPACE, MetricName: metric, Dimensions: dimensions(stage) },
      Period: PERIOD,
      Stat: statistic,
    },
    ReturnData: false,
  });
  const ids = errors.map((_, i) => `e${i}`);
  const expression = (id: string, text: string, label?: string): Json => ({
    Id: id,
    Expression: text,
    ...(label !== undefined && { Label: label }),
    ReturnData: id === 'rate',
  });
  return {
    Metrics: [
      expression(
        'rate',
        'IF(total > 0, failed / total, 0)',
        refusedFirst
          ? `${errors.join(' + ')} per message refused or sent to a backend`
          : `${errors.join(' + ')} per backend call`,
      ),
      expression('failed', ids.map((id) => `FILL(${id}, 0)`).join(' + ')),
      expression(
        'total',
        refusedFirst ? 'failed + FILL(calls, 0)' : 'IF(FILL(calls, 0) > failed, FILL(calls, 0), failed)',
      ),
      stat('calls', 'IntegrationLatency', 'SampleCount'),
      ...errors.map((metric, i) => stat(ids[i]!, metric, 'Sum')),
    ],
    Threshold: percent / 100,
  };
}

/** Two widgets per stage (traffic and errors, latency), one row each. */
function dashboardOf(stages: readonly Monitored[]): CfnResource {
  const widgets = stages.flatMap((stage, row) => {
    const line = (metric: string, stat: string): Json[] => [
      NAMESPACE,
      metric,
      ...(stage.kind === 'rest' ? ['ApiName', subTemplate(stage.apiName)] : ['ApiId', `\${${stage.apiLogicalId}}`]),
      'Stage',
      subTemplate(stage.stageName),
      { stat },
    ];
    const traffic =
      stage.kind === 'websocket'
        ? ['ConnectCount', 'MessageCount', 'ClientError', 'IntegrationError', 'ExecutionError']
        : ['Count', METRICS[stage.kind].client!, METRICS[stage.kind].server!];
    const latency = stage.kind === 'websocket' ? ['IntegrationLatency'] : ['Latency', 'IntegrationLatency'];
    const widget = (x: number, title: string, metrics: Json[]): Json => ({
      type: 'metric',
      x,
      y: row * 6,
      width: 12,
      height: 6,
      properties: {
        title: `${title}: ${subTemplate(stage.apiName)} (${subTemplate(stage.stageName)})`,
        region: '${AWS::Region}',
        view: 'timeSeries',
        period: PERIOD,
        metrics,
      },
    });
    return [
      widget(
        0,
        'Requests and errors',
        traffic.map((metric) => line(metric, 'Sum')),
      ),
      widget(
        12,
        'Latency',
        latency.flatMap((metric) => [line(metric, 'p50'), line(metric, 'p99')]),
      ),
    ];
  });
  return {
    Type: 'AWS::CloudWatch::Dashboard',
    Properties: { DashboardBody: sub(JSON.stringify({ widgets })) },
  };
}
