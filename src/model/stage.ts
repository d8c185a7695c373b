/**
 * The stage and the front door's shared concerns in the model: logging, tracing, throttling and caching
 * (stage-wide and per operation), CORS and gateway responses.
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { asBlock, type ModelContext, type RouteScope, setting } from './context.js';
import { type AwsValue, hasPlaceholder, type Json } from './aws-value.js';
import type { Alarms, Canary, Cors, GatewayResponse, Route, Stage, Throttle } from './ir.js';
import { numberSetting } from './placeholders.js';
import { pascalCase, someRoutes } from './names.js';

const STAGE = '/x-gateway/stage';

export const ACCESS_LOG_FORMATS: Readonly<Record<string, string>> = {
  json: JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    caller: '$context.identity.caller',
    user: '$context.identity.user',
    requestTime: '$context.requestTime',
    httpMethod: '$context.httpMethod',
    resourcePath: '$context.resourcePath',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    integrationLatency: '$context.integrationLatency',
    errorMessage: '$context.error.message',
  }),
  clf:
    '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] ' +
    '"$context.httpMethod $context.resourcePath $context.protocol" $context.status ' +
    '$context.responseLength $context.requestId',
};

/** What API Gateway takes as a stage name and a stage variable's value, for the parameter a placeholder becomes. */
const STAGE_NAME = '^[A-Za-z0-9_-]{1,128}$';
/** HTTP APIs also take `$default`, the stage served at the root of the URL. */
const HTTP_STAGE_NAME = '^(\\$default|[A-Za-z0-9_-]{1,128})$';
export const STAGE_VARIABLE_VALUE = '^[A-Za-z0-9-._~:/?#&=,]{1,512}$';

/** A stage name (REST, HTTP or WebSocket), which may be a `${Name}` placeholder: a per-environment template. */
export function stageName(ctx: ModelContext, name: string, pointer: string, takesDefault = false): string {
  ctx.value(name, pointer, 'Name of the stage', { allowedPattern: takesDefault ? HTTP_STAGE_NAME : STAGE_NAME });
  return name;
}

/** A throttle's rate and burst: numbers, or placeholders for Number parameters (at least 0, as the schema says). */
export function throttleSetting(ctx: ModelContext, raw: unknown, pointer: string, what: string): Throttle {
  const block = asBlock(raw);
  return {
    rate: numberSetting(ctx, block['rate'], childPointer(pointer, 'rate'), `Requests per second for ${what}`, {
      min: 0,
    }),
    burst: numberSetting(ctx, block['burst'], childPointer(pointer, 'burst'), `Burst of requests for ${what}`, {
      min: 0,
    }),
  };
}

/** The cache cluster sizes API Gateway offers, in GB: a placeholder's parameter may take these only. */
const CACHE_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'];

function cacheSize(ctx: ModelContext, size: string, pointer: string): string {
  ctx.value(size, pointer, 'Cache cluster size (GB)', { allowedValues: CACHE_SIZES });
  return size;
}

/**
 * The same formats with the variables of HTTP APIs: the route key rather than a resource path, and why an
 * integration or authorizer failed (HTTP APIs write no execution logs that would say it).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */
const HTTP_ACCESS_LOG_FORMATS: Readonly<Record<string, string>> = {
  json: JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
  clf:
    '$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey ' +
    '$context.protocol" $context.status $context.responseLength $context.requestId',
};

const STAGES = '/x-gateway/stages';

/** API Gateway's default quota of stages per API (REST and HTTP), which can be raised. */
const STAGES_QUOTA = 10;

/**
 * The stages of the REST or HTTP API: `stage` alone, or one per entry of `stages`, each entry's settings
 * over the shared ones of `stage` (whole settings replaced, `variables` merged by name). An entry's key
 * is its stage name unless it sets `name`, and names its logical IDs, never a placeholder's value.
 */
export function buildStages(ctx: ModelContext, apiLogicalId: string): Stage[] {
  const shared = asBlock(ctx.root['stage']);
  if (!('stages' in ctx.root)) return [buildStage(ctx, shared, undefined, `${apiLogicalId}Stage`)];
  const entries = Object.entries(asBlock(ctx.root['stages']));
  if (Object.keys(asBlock(ctx.document['paths'])).length === 0 && 'websocket' in ctx.root)
    ctx.report(
      'stages-websocket',
      'error',
      'A WebSocket API has one stage: `stages` names the stages of the REST or HTTP API, and this document has none.',
      STAGES,
      'Set the WebSocket stage in `websocket.stage`, and deploy the template once per environment (a `${Name}` placeholder in its name).',
    );
  if (entries.length > STAGES_QUOTA)
    ctx.report(
      'stages-over-quota',
      'warning',
      `${entries.length} stages: the default quota is ${STAGES_QUOTA} per API.`,
      STAGES,
      'Request a quota increase before deploying, or deploy some environments as stacks of their own.',
    );
  if ('name' in shared)
    ctx.report(
      'stage-name-with-stages',
      'error',
      '`stage.name` names no stage beside `stages`: each entry of `stages` is named by its key (or its own `name`).',
      childPointer(STAGE, 'name'),
      'Remove `stage.name`, and name the stages in `stages`.',
    );
  const ids = new Map<string, string>();
  return entries.map(([key, raw]) => {
    const entry = asBlock(raw);
    const pointer = childPointer(STAGES, key);
    const logicalId = `${apiLogicalId}Stage${pascalCase(key.replace('$', '')) || 'Default'}`;
    const first = ids.get(logicalId);
    if (first !== undefined)
      ctx.report(
        'stage-key-clash',
        'error',
        `Stages \`${first}\` and \`${key}\` would both have the logical ID ${logicalId}.`,
        pointer,
        'Give the stages keys that differ in more than punctuation or case (set `name:` for the stage name in AWS).',
      );
    ids.set(logicalId, key);
    const variables = { ...asBlock(shared['variables']), ...asBlock(entry['variables']) };
    const merged = { ...shared, ...entry, ...(Object.keys(variables).length > 0 && { variables }) };
    return buildStage(ctx, { ...merged, name: entry['name'] ?? key }, key, logicalId);
  });
}

/**
 * Where a stage's setting (or one of its variables) was written: in its entry of `stages`, else in the
 * shared `stage`.
 */
function settingPointer(ctx: ModelContext, key: string | undefined, setting: string, variable?: string): string {
  if (key === undefined) return STAGE;
  const entry = asBlock(asBlock(ctx.root['stages'])[key]);
  const written =
    variable === undefined ? Object.hasOwn(entry, setting) : Object.hasOwn(asBlock(entry['variables']), variable);
  return written ? childPointer(STAGES, key) : STAGE;
}

function buildStage(
  ctx: ModelContext,
  stage: Record<string, unknown>,
  key: string | undefined,
  logicalId: string,
): Stage {
  const at = (setting: string, variable?: string): string => settingPointer(ctx, key, setting, variable);
  const logging = asBlock(stage['logging']);
  const accessLog = asBlock(stage['accessLog']);
  const cache = asBlock(stage['cache']);
  const throttle = asBlock(stage['throttle']);
  const pointer = key === undefined ? STAGE : childPointer(STAGES, key);
  // An entry of `stages` without `name` is named by its key, which the schema checked.
  const name =
    typeof stage['name'] !== 'string'
      ? ctx.apiType === 'http'
        ? '$default'
        : 'prod'
      : stage['name'] === key && at('name') !== pointer
        ? key
        : stageName(ctx, stage['name'], childPointer(at('name'), 'name'), ctx.apiType === 'http');
  const result: Stage = {
    ...(key !== undefined && { key }),
    logicalId,
    pointer,
    name,
    variables: Object.fromEntries(
      Object.entries(asBlock(stage['variables'])).map(([name, value]) => {
        ctx.value(
          value,
          childPointer(at('variables', name), 'variables', name),
          `Value of the stage variable ${name}`,
          {
            allowedPattern: STAGE_VARIABLE_VALUE,
          },
        );
        return [name, String(value)];
      }),
    ),
    tracing: stage['tracing'] === true,
    metrics: stage['metrics'] === true,
    ...('logging' in stage && {
      logging: {
        level: String(logging['level'] ?? 'error').toUpperCase() as 'ERROR' | 'INFO' | 'OFF',
        dataTrace: logging['dataTrace'] === true,
        accountRole: logging['accountRole'] === true,
      },
    }),
    ...('accessLog' in stage && {
      accessLog: accessLogOf(
        ctx,
        accessLog,
        childPointer(at('accessLog'), 'accessLog'),
        ctx.apiType === 'http' ? HTTP_ACCESS_LOG_FORMATS : ACCESS_LOG_FORMATS,
        ['$context.requestId'],
        'Access log destination ARN',
      ),
    }),
    ...('throttle' in stage && {
      throttle: throttleSetting(ctx, throttle, childPointer(at('throttle'), 'throttle'), 'the stage'),
    }),
    ...('cache' in stage && {
      cache: {
        size: cacheSize(ctx, String(cache['size']), childPointer(at('cache'), 'cache', 'size')),
        ttl:
          'ttl' in cache
            ? numberSetting(
                ctx,
                cache['ttl'],
                childPointer(at('cache'), 'cache', 'ttl'),
                'Seconds cached methods keep a response',
                { min: 0, max: 3600 },
              )
            : 300,
        encrypted: cache['encrypted'] === true,
      },
    }),
    ...('webAcl' in stage && { webAcl: webAcl(ctx, stage['webAcl'], childPointer(at('webAcl'), 'webAcl')) }),
    clientCertificate: stage['clientCertificate'] === true,
    ...('alarms' in stage && { alarms: alarmsOf(ctx, asBlock(stage['alarms']), childPointer(at('alarms'), 'alarms')) }),
    dashboard: stage['dashboard'] === true,
    ...('canary' in stage && { canary: canaryOf(ctx, asBlock(stage['canary']), childPointer(at('canary'), 'canary')) }),
    ...('name' in stage && { origin: ctx.origin(key !== undefined ? pointer : childPointer(STAGE, 'name')) }),
  };
  checkLogging(ctx, result);
  return result;
}

/**
 * A canary release (REST only): this template's deployment serves `percent` of the stage's requests,
 * with `variables` over the stage's. https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html
 */
function canaryOf(ctx: ModelContext, block: Record<string, unknown>, pointer: string): Canary {
  if (ctx.apiType === 'http')
    ctx.report(
      'rest-only-setting',
      'error',
      'HTTP APIs have no canary releases: a stage serves one deployment.',
      pointer,
      'Shift traffic between two stages (or two Lambda aliases with weights) instead, or use `api.type: rest`.',
    );
  return {
    percent: typeof block['percent'] === 'number' ? block['percent'] : 0,
    variables: Object.fromEntries(
      Object.entries(asBlock(block['variables'])).map(([name, value]) => {
        ctx.value(
          value,
          childPointer(pointer, 'variables', name),
          `Value of the stage variable ${name} on the canary`,
          {
            allowedPattern: STAGE_VARIABLE_VALUE,
          },
        );
        return [name, String(value)];
      }),
    ),
    useStageCache: block['useStageCache'] === true,
  };
}

/**
 * Default thresholds: 5 % server errors and 2500 ms p99 latency follow CloudWatch's recommended alarms for
 * API Gateway (5XXError 0.05, Latency 2500 ms); 10 % client errors, since some 4xx (a wrong token, a
 * missing item) are normal; 2000 ms p99 integration latency, below the latency alarm so the backend is
 * named first. https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html
 */
const ALARM_DEFAULTS = { serverErrorRate: 5, clientErrorRate: 10, latencyP99: 2500, integrationLatencyP99: 2000 };

function alarmsOf(ctx: ModelContext, block: Record<string, unknown>, pointer: string): Alarms {
  const notify = Array.isArray(block['notify']) ? block['notify'] : [];
  return {
    notify: notify.map((topic, i) =>
      ctx.value(topic, childPointer(pointer, 'notify', i), 'ARN of an SNS topic told about the alarms'),
    ),
    ...Object.fromEntries(
      Object.entries(ALARM_DEFAULTS).flatMap(([key, fallback]) =>
        block[key] === false ? [] : [[key, typeof block[key] === 'number' ? block[key] : fallback]],
      ),
    ),
  };
}

/** A regional WAFv2 web ACL: https://docs.aws.amazon.com/waf/latest/developerguide/waf-using-with-api-gateway.html */
const WEB_ACL_ARN = '^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:[0-9]{12}:regional/webacl/[A-Za-z0-9_-]{1,128}/[a-f0-9-]{36}$';

/**
 * The stage's web ACL. AWS WAF protects API Gateway stages with web ACLs of regional scope only (a
 * CloudFront-scope one is refused on association), and only through WAFv2: a WAF Classic ACL cannot be
 * associated by AWS::WAFv2::WebACLAssociation.
 */
function webAcl(ctx: ModelContext, raw: unknown, pointer: string): AwsValue {
  const text = typeof raw === 'string' ? raw : '';
  const scope = webAclScopeProblem(ctx, text, pointer);
  // A literal of another scope is told so once, by the scope check, rather than again by the form.
  return ctx.value(raw, pointer, 'ARN of the AWS WAF web ACL (regional) of the stage', {
    ...(!scope && { allowedPattern: WEB_ACL_ARN }),
  });
}

/** Whether the web ACL ARN names a global or a WAF Classic web ACL (reported), which no stage can take. */
function webAclScopeProblem(ctx: ModelContext, text: string, pointer: string): boolean {
  if (/^arn:[^:]*:wafv2:[^:]*:[^:]*:global\//.test(text)) {
    ctx.report(
      'web-acl-scope',
      'error',
      'This web ACL has CloudFront (global) scope; an API Gateway stage takes a web ACL of regional scope, in its own Region.',
      ctx.origin(pointer, 'value'),
      "Create the web ACL with Scope: REGIONAL in the API's Region and give its ARN.",
    );
  } else if (/^arn:[^:]*:waf(-regional)?:/.test(text)) {
    ctx.report(
      'web-acl-scope',
      'error',
      'This is an AWS WAF Classic web ACL; the association gateform generates (AWS::WAFv2::WebACLAssociation) takes a WAFv2 web ACL.',
      ctx.origin(pointer, 'value'),
      'Migrate the web ACL to AWS WAF (WAFv2, Scope: REGIONAL) and give its ARN (arn:…:wafv2:…:regional/webacl/…).',
    );
  } else return false;
  return true;
}

/**
 * An access log as written at `pointer` (the REST stage's, or the WebSocket stage's with its own formats),
 * checked as API Gateway checks it: `idVariables` are the variables of which the format must contain one.
 */
export function accessLogOf(
  ctx: ModelContext,
  block: Record<string, unknown>,
  pointer: string,
  formats: Readonly<Record<string, string>>,
  idVariables: readonly string[],
  destinationName: string,
): NonNullable<Stage['accessLog']> {
  const written = typeof block['format'] === 'string' ? block['format'] : 'json';
  const format = formats[written] ?? written;
  if (!idVariables.some((variable) => format.includes(variable))) {
    ctx.report(
      'access-log-format-without-request-id',
      'error',
      'The access log format must contain $context.requestId (API Gateway refuses it otherwise).',
      ctx.origin(childPointer(pointer, 'format'), 'value'),
      'Add $context.requestId, or use `format: json` or `clf`.',
    );
  }
  if (/[\r\n]/.test(format)) {
    ctx.report(
      'access-log-format-multiline',
      'error',
      'The access log format must be one line.',
      ctx.origin(childPointer(pointer, 'format'), 'value'),
      'Write the format on a single line.',
    );
  }
  if ('destination' in block && 'retentionDays' in block) {
    ctx.report(
      'access-log-retention-with-destination',
      'error',
      'retentionDays applies to the log group gateform creates, and with a destination none is created: the retention would be lost.',
      childPointer(pointer, 'retentionDays'),
      'Set the retention on the destination log group, or remove `destination` to have the log group created.',
    );
  }
  const destination =
    'destination' in block
      ? ctx.value(block['destination'], childPointer(pointer, 'destination'), destinationName)
      : undefined;
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-logging-to-kinesis.html
  const stream = /:firehose:[^:]*:[^:]*:deliverystream\/([^$]+)$/.exec(destination ? valueText(destination) : '')?.[1];
  if (stream !== undefined && ctx.apiType === 'http') {
    ctx.report(
      'rest-only-setting',
      'error',
      'HTTP APIs send access logs to CloudWatch Logs only, not to Firehose.',
      childPointer(pointer, 'destination'),
      'Give a CloudWatch Logs group, or leave `destination` out to have one created; or use `api.type: rest`.',
    );
  } else if (stream !== undefined && !stream.startsWith('amazon-apigateway-')) {
    ctx.report(
      'access-log-firehose-name',
      'error',
      `API Gateway logs only to Firehose streams named amazon-apigateway-*; \`${stream}\` is not.`,
      ctx.origin(childPointer(pointer, 'destination'), 'value'),
      `Create the stream as amazon-apigateway-${stream} and log to it.`,
    );
  }
  return {
    format,
    ...(typeof block['retentionDays'] === 'number' && { retentionDays: block['retentionDays'] }),
    ...(destination && { destination }),
  };
}

/** A value's text as written: a literal, or a Sub's template; intrinsics have none. */
export function valueText(value: AwsValue): string {
  return value.kind === 'literal' ? value.value : value.kind === 'sub' ? value.template : '';
}

/** Whether a stage writes to CloudWatch Logs: execution logs, or access logs anywhere but Firehose. */
export function logsToCloudWatch(level: string | undefined, accessLog: Stage['accessLog']): boolean {
  // Access logs to CloudWatch Logs need the role whether the log group is generated or given; Firehose does not.
  const destination = accessLog?.destination;
  const toFirehose = destination !== undefined && /:firehose:/.test(valueText(destination));
  return (level !== undefined && level !== 'OFF') || (accessLog !== undefined && !toFirehose);
}

/** CloudWatch logging from API Gateway needs an account-level role that no stack may already have made. */
function checkLogging(ctx: ModelContext, stage: Stage): void {
  // HTTP APIs write access logs through the log group's resource policy, with no account-level role.
  if (ctx.apiType === 'http') return;
  if (logsToCloudWatch(stage.logging?.level, stage.accessLog) && !stage.logging?.accountRole) {
    reportCloudWatchRole(
      ctx,
      stage.logging
        ? childPointer(settingPointer(ctx, stage.key, 'logging'), 'logging')
        : childPointer(settingPointer(ctx, stage.key, 'accessLog'), 'accessLog'),
    );
  }
}

/**
 * The account-level role is a deploy-time requirement: on an account and Region without one, creating
 * the stage fails ("CloudWatch Logs role ARN must be set in account settings to enable logging").
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
 */
export function reportCloudWatchRole(ctx: ModelContext, pointer: string): void {
  ctx.report(
    'cloudwatch-role-required',
    'warning',
    'Logging to CloudWatch needs the account-level role API Gateway writes logs with (one per account and ' +
      'Region): on an account without one, creating the stage fails.',
    pointer,
    'If the account has none yet, set `stage.logging.accountRole: true` (x-gateway.stage) to create it ' +
      'with this stack; if it has one, turn this warning off in gateform.config.yaml (`rules: { ' +
      'cloudwatch-role-required: off }`).',
  );
}

/**
 * A stage cache cluster is paid for by the hour, and caches only the operations that set `cache`; an ANY
 * method is cached for its GET requests only, which its path's own GET takes.
 */
export function checkStageCache(ctx: ModelContext, stage: Stage, routes: readonly Route[]): void {
  if (stage.cache && !routes.some((route) => route.cache)) {
    ctx.report(
      'cache-cluster-unused',
      'warning',
      'The stage has a cache cluster, but no operation sets `cache`: the cluster is billed and caches nothing.',
      childPointer(settingPointer(ctx, stage.key, 'cache'), 'cache'),
      'Add `cache: { ttl, keys }` to the operations to cache, or remove `stage.cache`.',
    );
  }
  for (const route of routes) {
    if (route.method === 'ANY' && route.cache && routes.some((r) => r.path === route.path && r.method === 'GET')) {
      ctx.report(
        'cache-any-method-unused',
        'warning',
        `\`cache\` on ANY ${route.path} caches nothing: an ANY method is cached for GET only, and ${route.path} defines GET itself.`,
        route.origin.pointer,
        `Set \`cache\` on GET ${route.path} instead.`,
      );
    }
  }
}

/**
 * AWS WAF protects REST API stages only, and canary releases are theirs alone: a document with only a
 * WebSocket API has no such stage.
 */
const REST_STAGE_ONLY = [
  {
    key: 'canary',
    code: 'canary-without-rest-api',
    what: 'Canary releases are for REST API stages',
    hint: 'Remove `canary`: a WebSocket stage serves one deployment.',
  },
  {
    key: 'webAcl',
    code: 'web-acl-without-rest-api',
    what: 'AWS WAF protects REST API stages only',
    hint: 'Remove `webAcl`, or add the REST operations it should protect.',
  },
] as const;

export function checkRestStageSettings(ctx: ModelContext, stage: Stage, routes: readonly Route[]): void {
  if (routes.length > 0 || !('websocket' in ctx.root)) return;
  for (const { key, code, what, hint } of REST_STAGE_ONLY) {
    if (stage[key] === undefined) continue;
    ctx.report(
      code,
      'error',
      `${what}, and this document has no REST operations: only a WebSocket API.`,
      childPointer(settingPointer(ctx, stage.key, key), key),
      hint,
    );
  }
}

/** The route's throttle and cache settings (nearest along the chain). */
export function routeStageSettings(
  ctx: ModelContext,
  scope: RouteScope,
  stages: readonly Stage[],
): Pick<Route, 'throttle' | 'cache'> {
  const throttle = setting(scope, 'throttle');
  const cache = setting(scope, 'cache');
  const out: { throttle?: Route['throttle']; cache?: Route['cache'] } = {};
  if (throttle) out.throttle = throttleSetting(ctx, throttle.value, throttle.pointer, `${scope.method} ${scope.path}`);
  if (cache) {
    const block = asBlock(cache.value);
    if (!stages.some((stage) => stage.cache)) {
      ctx.report(
        'cache-without-cluster',
        'error',
        'Caching a method needs a cache cluster on the stage.',
        cache.pointer,
        'Add `stage.cache: { size: "0.5" }` to x-gateway.',
      );
    }
    const keys = (Array.isArray(block['keys']) ? (block['keys'] as string[]) : []).map((key, i) =>
      cacheKey(ctx, scope, key, childPointer(cache.pointer, 'keys', i)),
    );
    out.cache = {
      ...('ttl' in block && {
        ttl: numberSetting(
          ctx,
          block['ttl'],
          childPointer(cache.pointer, 'ttl'),
          `Seconds ${scope.method} ${scope.path} keeps a cached response`,
          { min: 0, max: 3600 },
        ),
      }),
      keys,
    };
  }
  return out;
}

/** `path.petId` → `method.request.path.petId`; the parameter must be declared (API Gateway keys only declared ones). */
function cacheKey(ctx: ModelContext, scope: RouteScope, key: string, pointer: string): string {
  const dot = key.indexOf('.');
  const [kind, name] = [key.slice(0, dot), key.slice(dot + 1)];
  const where = kind === 'query' ? 'query' : kind;
  const location = kind === 'query' ? 'querystring' : kind;
  if (!scope.parameters.some((p) => p.in === where && p.name === name)) {
    ctx.report(
      'cache-key-undeclared',
      'error',
      `Cache key \`${key}\` is not a declared ${where} parameter of ${scope.method} ${scope.path}.`,
      ctx.origin(pointer, 'value'),
      'Declare the parameter in the operation (or path item) `parameters`.',
    );
  }
  return `method.request.${location}.${name}`;
}

/** An origin as the Origin header carries it: https://fetch.spec.whatwg.org/#origin-header */
const ORIGIN =
  /^[a-z][a-z0-9+.-]*:\/\/([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:[0-9]{1,5})?$/;

function suggestedOrigin(written: string): string {
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(written) ? written : `https://${written}`;
  return withScheme.replace(/^([^:]+:\/\/[^/?#]*).*$/, '$1').toLowerCase();
}

const DEFAULT_CORS_HEADERS = ['Content-Type', 'Authorization', 'X-Api-Key', 'X-Amz-Date', 'X-Amz-Security-Token'];

/** Headers a page never lists in a preflight: CORS-safelisted ones and those the browser sets itself. */
const UNLISTED_HEADERS = new Set([
  'accept',
  'accept-language',
  'content-language',
  'cookie',
  'host',
  'origin',
  'referer',
  'connection',
  'content-length',
]);

/** The request headers a route reads (authorizer identity, API key, SigV4, declared header parameters), by name. */
function requestHeadersOf(route: Route): string[] {
  const auth = route.auth;
  const names = [
    ...(auth?.kind === 'iam' ? ['Authorization', 'X-Amz-Date', 'X-Amz-Security-Token'] : []),
    ...(auth?.kind === 'authorizer' && auth.authorizer.kind !== 'request' ? [auth.authorizer.header] : []),
    ...(auth?.kind === 'authorizer' && auth.authorizer.kind === 'request'
      ? auth.authorizer.identity
          .filter((s) => s.startsWith('method.request.header.'))
          .map((s) => s.slice('method.request.header.'.length))
      : []),
    ...(route.apiKey ? ['X-Api-Key'] : []),
    ...route.parameters.filter((p) => p.in === 'header').map((p) => p.name),
  ];
  return names.filter((name) => !UNLISTED_HEADERS.has(name.toLowerCase()));
}

/**
 * The preflight's allowed headers: the default list with every header the routes read, or the list the
 * spec gives (with a warning for each header the API reads that it leaves out).
 */
function corsHeaders(ctx: ModelContext, block: Record<string, unknown>, routes: readonly Route[]): readonly string[] {
  const given = Array.isArray(block['headers']) ? (block['headers'] as string[]) : undefined;
  // HTTP APIs have no API keys.
  const defaults =
    ctx.apiType === 'http' ? DEFAULT_CORS_HEADERS.filter((h) => h !== 'X-Api-Key') : DEFAULT_CORS_HEADERS;
  const listed = new Set((given ?? defaults).map((h) => h.toLowerCase()));
  // `*` allows any header, but only to requests without credentials.
  if (listed.has('*') && block['credentials'] !== true) return given ?? defaults;
  const missing = new Map<string, { readonly name: string; readonly route: Route }>();
  for (const route of routes) {
    for (const name of requestHeadersOf(route)) {
      if (!listed.has(name.toLowerCase()) && !missing.has(name.toLowerCase()))
        missing.set(name.toLowerCase(), { name, route });
    }
  }
  const names = [...missing.values()].map((m) => m.name);
  if (given && missing.size > 0) {
    const uses = [...missing.values()].map(({ name, route }) => `${name} (${route.method} ${route.path})`).join(', ');
    ctx.report(
      'cors-header-not-allowed',
      'warning',
      `\`cors.headers\` leaves out ${uses}: browsers will not send ${missing.size === 1 ? 'it' : 'them'} cross-origin, so those requests fail their preflight.`,
      '/x-gateway/cors/headers',
      `Add ${names.join(', ')} to \`cors.headers\`.`,
    );
  }
  return given ?? [...defaults, ...names];
}

export function buildCors(ctx: ModelContext, routes: readonly Route[]): Cors | undefined {
  if (!('cors' in ctx.root)) return undefined;
  const block = asBlock(ctx.root['cors']);
  const origins = block['origins'] as string[];
  const credentials = block['credentials'] === true;
  if (credentials && origins.includes('*')) {
    ctx.report(
      'cors-wildcard-credentials',
      'error',
      'Browsers refuse credentialed responses to origin `*`.',
      '/x-gateway/cors/origins',
      'List the origins, or set `credentials: false`.',
    );
  }
  origins.forEach((origin, i) => {
    const at = childPointer('/x-gateway/cors/origins', i);
    if (origin !== '*' && !hasPlaceholder(origin) && !ORIGIN.test(origin)) {
      ctx.report(
        'cors-origin-form',
        'error',
        `\`${origin}\` is not an origin as browsers send it (scheme://host[:port], lower case, no path), so no request would match it.`,
        ctx.origin(at, 'value'),
        `Write it as ${suggestedOrigin(origin)}.`,
      );
      return;
    }
    // A placeholder's parameter takes only what the form check passes (`*` is written, never a parameter's value).
    ctx.value(
      origin,
      at,
      'Origin allowed by CORS (scheme://host[:port], lower case)',
      origin === '*' ? {} : { allowedPattern: ORIGIN.source },
    );
  });
  for (const key of ['headers', 'exposeHeaders']) {
    (Array.isArray(block[key]) ? (block[key] as string[]) : []).forEach((name, i) => {
      // The list becomes one static header value ('a,b'): a comma or quote in a name would change it.
      if (!HEADER_NAME.test(name)) {
        ctx.report(
          'cors-header-name',
          'error',
          `${JSON.stringify(name)} is not a header name${/[,']/.test(name) ? ': a comma or quote in it would end the name or the value it is listed in' : ''}.`,
          childPointer('/x-gateway/cors', key, i),
          'List one header name per entry: letters, digits and !#$%&*+-.^_`|~.',
        );
      }
    });
  }
  if (origins.length > 1 && origins.includes('*')) {
    ctx.report(
      'cors-wildcard-mixed',
      'error',
      "`*` among other origins is compared with the request's Origin like them and never matches: it allows no one.",
      childPointer('/x-gateway/cors/origins', origins.indexOf('*')),
      'Use `["*"]` alone, or list the origins without `*`.',
    );
  } else if (origins.length > 1 && ctx.apiType === 'rest') {
    // A gateway response maps headers but runs no template, so it cannot compare the Origin with the list.
    const message = credentials
      ? "With several origins and credentials, gateway responses (an authorizer's 401/403, 429, 5XX) carry no " +
        'Access-Control-Allow-Origin: they cannot check the Origin against the list, and echoing any origin ' +
        "would let every site read them with the user's credentials."
      : "With several origins, gateway responses (an authorizer's 401/403, 429, 5XX) carry " +
        'Access-Control-Allow-Origin: *: they cannot check the Origin against the list, so any site can read ' +
        'them.';
    const hint = credentials
      ? 'Pages see these errors as network errors; use one origin if they must read them.'
      : 'Use one origin if gateway errors must be readable by it alone.';
    ctx.report('cors-gateway-responses-origin', 'warning', message, '/x-gateway/cors/origins', hint);
  }
  if (ctx.apiType === 'http') checkPreflightRoutes(ctx, routes);
  // An HTTP API answers preflights itself and puts its own CORS headers on every response.
  const proxies =
    ctx.apiType === 'rest'
      ? routes.filter((route) => route.integration.kind === 'lambda' || route.integration.kind === 'http')
      : [];
  if (proxies.length > 0) {
    const named = someRoutes(proxies);
    ctx.report(
      'cors-proxy-responses',
      'info',
      `${proxies.length} ` +
        `${proxies.length === 1 ? 'route uses a proxy integration' : 'routes use proxy integrations'} ` +
        `(${named}): the gateway passes the backend's response through, so the backend must send the CORS ` +
        `headers (Access-Control-Allow-Origin${credentials ? ', -Allow-Credentials' : ''}) itself.`,
      '/x-gateway/cors',
      origins.length > 1
        ? "Have the backend echo the request's Origin when it is one of cors.origins, with Vary: Origin."
        : 'Have the backend add the same Access-Control-* headers to its responses.',
    );
  }
  return {
    origins,
    headers: corsHeaders(ctx, block, routes),
    exposeHeaders: Array.isArray(block['exposeHeaders']) ? (block['exposeHeaders'] as string[]) : [],
    credentials,
    ...(typeof block['maxAge'] === 'number' && { maxAge: block['maxAge'] }),
    origin: ctx.origin('/x-gateway/cors'),
  };
}

/**
 * An HTTP API answers a preflight itself only when no route takes it: an ANY route takes OPTIONS too,
 * and its authorizer refuses the preflight, which carries no credentials.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
function checkPreflightRoutes(ctx: ModelContext, routes: readonly Route[]): void {
  for (const route of routes) {
    const authorized = route.auth !== undefined && route.auth.kind !== 'none';
    if (route.method !== 'ANY' || !authorized || routes.some((r) => r.path === route.path && r.method === 'OPTIONS'))
      continue;
    ctx.report(
      'cors-preflight-authorized',
      'warning',
      `ANY ${route.path} is authorized, and it takes the browsers' preflight (OPTIONS) requests too, which ` +
        `carry no credentials: they are refused, and CORS fails on that path.`,
      route.origin.pointer,
      `Add an \`options\` operation on ${route.path} with \`auth: none\`, or write the methods the path serves instead of ANY.`,
    );
  }
}

export function buildGatewayResponses(ctx: ModelContext): GatewayResponse[] {
  if ('x-amazon-apigateway-gateway-responses' in ctx.document && 'gatewayResponses' in ctx.root) {
    ctx.report(
      'duplicate-setting',
      'error',
      'Gateway responses are set twice: by x-gateway.gatewayResponses and by x-amazon-apigateway-gateway-responses.',
      '/x-gateway/gatewayResponses',
      'Keep one of them.',
      [{ ...ctx.origin('/x-amazon-apigateway-gateway-responses'), message: 'also set here' }],
    );
  }
  return Object.entries(asBlock(ctx.root['gatewayResponses'])).map(([type, raw]) => {
    const block = asBlock(raw);
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
    if (type === 'REQUEST_TOO_LARGE') {
      ctx.report(
        'gateway-response-not-customizable',
        'warning',
        'API Gateway does not support customizing the REQUEST_TOO_LARGE (413) gateway response: it keeps its default status, headers and body.',
        childPointer('/x-gateway/gatewayResponses', type),
        'Remove it; a 413 is answered with the default response.',
      );
    }
    return {
      type,
      ...(typeof block['status'] === 'number' && { status: block['status'] }),
      headers: Object.fromEntries(
        Object.entries(asBlock(block['headers'])).map(([name, value]) => [
          name,
          headerValue(ctx, String(value), childPointer('/x-gateway/gatewayResponses', type, 'headers', name)),
        ]),
      ),
      templates:
        'body' in block
          ? gatewayResponseTemplates(
              ctx,
              block['body'] as Json,
              childPointer('/x-gateway/gatewayResponses', type, 'body'),
            )
          : {},
    };
  });
}

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+*-]+$/;

/**
 * A gateway response's templates by media type: a string is the application/json body; an object keyed
 * by media types is the templates as written; any other object (or array) is a body, sent as its JSON
 * text, as a mock's is. Gateway response templates are not Velocity, but API Gateway substitutes
 * `$context` variables in them, so a string value of the object can name one: `"$context.requestId"`.
 * `$context.error.messageString` is already a quoted JSON string, so a value that is exactly it is
 * written without quotes of its own.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html
 */
function gatewayResponseTemplates(ctx: ModelContext, body: Json, pointer: string): Record<string, string> {
  if (typeof body === 'string') return { 'application/json': body };
  const entries = body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.entries(body) : [];
  const byType = entries.filter(([key]) => MEDIA_TYPE.test(key));
  if (byType.length === 0 || byType.length < entries.length) {
    if (byType.length > 0) {
      const [other] = entries.find(([key]) => !MEDIA_TYPE.test(key))!;
      ctx.report(
        'gateway-response-body-mixed',
        'error',
        `The body mixes media types (\`${byType[0]![0]}\`) and body fields (\`${other}\`): it is neither templates by media type nor one JSON body.`,
        pointer,
        'Write templates by media type (`application/json: \'{"message": $context.error.messageString}\'`), or the JSON body alone.',
      );
      return {};
    }
    return { 'application/json': JSON.stringify(body).replaceAll(`"${MESSAGE_STRING}"`, MESSAGE_STRING) };
  }
  const templates: Record<string, string> = {};
  for (const [type, template] of byType) {
    if (typeof template === 'string') templates[type] = template;
    else
      ctx.report(
        'gateway-response-body-template',
        'error',
        `The template for \`${type}\` must be a string, the body as API Gateway sends it.`,
        ctx.origin(childPointer(pointer, type), 'value'),
        `Write it as text, e.g. '${JSON.stringify(template)}'.`,
      );
  }
  return templates;
}

/** The error message as a quoted JSON string. */
const MESSAGE_STRING = '$context.error.messageString';

/** An HTTP header name (RFC 9110 token) without `'`, which no static value can hold. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&*+.^_`|~-]+$/;

/** A mapping expression, whole: https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html */
const MAPPING_EXPRESSION =
  /^(method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)|context|stageVariables)\.[A-Za-z0-9._$-]+$/;

/**
 * A header value: a mapping expression as it is, a value in single quotes as it is, anything else quoted
 * as a literal (so `context.requestId is here` stays text). API Gateway documents no escape for a quote
 * inside a static value, and no header value holds a line break: those are refused.
 */
function headerValue(ctx: ModelContext, value: string, pointer: string): string {
  if (MAPPING_EXPRESSION.test(value)) return value;
  const literal = /^'[^']*'$/.test(value) ? value.slice(1, -1) : value;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what no header value may hold.
  if (/['\u0000-\u001f\u007f]/.test(literal)) {
    ctx.report(
      'header-value-invalid',
      'error',
      `The header value ${JSON.stringify(value)} holds ` +
        `${literal.includes("'") ? 'a single quote, which would end the static value' : 'a control character or line break, which no header value may hold'}.`,
      ctx.origin(pointer, 'value'),
      "Leave the character out (a static value is written as 'text' and has no escape for a quote), or map " +
        'a value from the request (method.request.header.X, context.x, stageVariables.x).',
    );
  }
  return `'${literal}'`;
}
