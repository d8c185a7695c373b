/**
 * The WebSocket API in the model: routes with their integrations (the REST integration kinds, read by
 * the same code), `$connect` authorization, message models, and the connection table.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { DYNAMODB_TABLE } from '../integrations/dynamodb.js';
import { lambdaFunction } from '../integrations/lambda.js';
import { targetOf } from '../integrations/service-values.js';
import type { Json } from './aws-value.js';
import { asBlock, type Block, type ModelContext, type RouteScope } from './context.js';
import { identitySource } from './access.js';
import {
  ACCESS_LOG_FORMATS,
  accessLogOf,
  logsToCloudWatch,
  reportCloudWatchRole,
  STAGE_VARIABLE_VALUE,
  stageName,
  throttleSetting,
} from './stage.js';
import type { Authorizer, Integration, RequestAuthorizer, Stage, WebSocketApi, WebSocketRoute } from './ir.js';
import { apiLogicalId, modelNames, pascalCase, uniqueId } from './names.js';
import { isSchemaObject } from './schema-walk.js';
import { checkModelSchema } from './validation.js';

const WS = '/x-gateway/websocket';
/** The predefined route keys and their logical-ID names, which custom keys never take. */
const SPECIAL: ReadonlyMap<string, string> = new Map([
  ['$connect', 'Connect'],
  ['$disconnect', 'Disconnect'],
  ['$default', 'Default'],
]);
/**
 * The AWS services a WebSocket route integrates with directly. S3's mapping takes the HTTP request's path
 * and Content-Type header, which a message does not have; SNS, Kinesis and Firehose are left to REST APIs.
 */
const WEBSOCKET_SERVICES = ['sqs', 'dynamodb', 'eventbridge', 'stepfunctions'];
const UNSUPPORTED_SERVICES = ['sns', 's3', 'kinesis', 'firehose'];
/**
 * Access log formats with the variables of WebSocket APIs (no HTTP method or resource path).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-logging.html
 */
const WEBSOCKET_LOG_FORMATS: Readonly<Record<string, string>> = {
  json: JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    eventType: '$context.eventType',
    routeKey: '$context.routeKey',
    connectionId: '$context.connectionId',
    status: '$context.status',
    errorMessage: '$context.error.message',
  }),
  clf: '$context.identity.sourceIp - - [$context.requestTime] "$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId',
};
/**
 * 29000 ms: the longest a WebSocket integration may wait, and a REST integration's default timeout and
 * quota (edge-optimized APIs never go above; regional and private ones only with a raised quota).
 */
export const MAX_TIMEOUT = 29000;
/** Fields of those services that take a request value (`requestValue` in the schema). */
const VALUE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  sqs: ['body', 'groupId', 'deduplicationId', 'attributes'],
  dynamodb: ['key', 'item', 'update', 'limit', 'startKey'],
  eventbridge: ['detail'],
  stepfunctions: ['input', 'name'],
};

/** The REST API beside the WebSocket API: its name, and whether it is emitted (it has routes). */
interface RestSide {
  readonly name: string;
  readonly logicalId: string;
  readonly routes: number;
}

/** The WebSocket stage takes the REST stage's logging, metrics, throttling and access log unless it sets its own. */
export function buildWebSocket(
  ctx: ModelContext,
  rest: RestSide,
  restStage: Stage,
  authorizers: readonly Authorizer[],
  version: '3.0' | '3.1',
  checkedSchemas: Set<string>,
): WebSocketApi | undefined {
  if (!('websocket' in ctx.root)) return undefined;
  const block = asBlock(ctx.root['websocket']);
  const stage = asBlock(block['stage']);
  const connections = asBlock(block['connections']);
  const table =
    'connections' in block
      ? targetOf(
          ctx,
          connections['table'],
          childPointer(WS, 'connections', 'table'),
          'DynamoDB table of WebSocket connection ids',
          DYNAMODB_TABLE,
        )
      : undefined;
  if (typeof block['name'] === 'string')
    ctx.value(block['name'], childPointer(WS, 'name'), 'Name of the WebSocket API');
  const name = typeof block['name'] === 'string' ? block['name'] : `${rest.name}-ws`;
  const logicalId = apiLogicalId(name, 'WebSocketApi', rest.logicalId);
  if (rest.routes > 0 && logicalId === rest.logicalId) {
    ctx.report(
      'websocket-api-id-clash',
      'error',
      `The WebSocket API \`${name}\` and the REST API \`${rest.name}\` would both have the logical ID ${logicalId}, so one would replace the other.`,
      'name' in block ? childPointer(WS, 'name') : WS,
      'Rename one of them (websocket.name or api.name).',
    );
  }
  const attributes = connectionAttributes(ctx, connections);
  const routes = buildRoutes(
    ctx,
    asBlock(block['routes']),
    authorizers,
    'connections' in block,
    version,
    checkedSchemas,
  );
  checkRoutes(ctx, routes, 'connections' in block);
  const logging = loggingOf(ctx, stage);
  const written = logging ? String(logging['level'] ?? 'error').toUpperCase() : restStage.logging?.level;
  const level = written === 'ERROR' || written === 'INFO' ? written : undefined;
  const accountRole = logging?.['accountRole'] === true;
  const throttle =
    'throttle' in stage
      ? throttleSetting(ctx, stage['throttle'], childPointer(WS, 'stage', 'throttle'), 'the WebSocket stage')
      : restStage.throttle;
  const accessLog = webSocketAccessLog(ctx, stage, restStage);
  checkStage(ctx, stage, restStage, level, accessLog, accountRole);
  return {
    name,
    logicalId,
    routeSelection: typeof block['routeSelection'] === 'string' ? block['routeSelection'] : '$request.body.action',
    stage: {
      // `$default`, served at the root of the URL, is a stage of HTTP APIs only.
      name:
        typeof stage['name'] === 'string'
          ? stageName(ctx, stage['name'], childPointer(WS, 'stage', 'name'))
          : restStage.name === '$default'
            ? 'prod'
            : restStage.name,
      ...(level && { logging: level }),
      dataTrace:
        typeof logging?.['dataTrace'] === 'boolean'
          ? logging['dataTrace']
          : typeof stage['dataTrace'] === 'boolean'
            ? stage['dataTrace']
            : restStage.logging?.dataTrace === true,
      accountRole,
      metrics: typeof stage['metrics'] === 'boolean' ? stage['metrics'] : restStage.metrics,
      ...(throttle && { throttle }),
      ...(accessLog && { accessLog }),
      variables: { ...restStage.variables, ...webSocketVariables(ctx, stage) },
    },
    ...(table && {
      connections: {
        table: table.value,
        tableForm: table.form,
        ...(typeof connections['ttl'] === 'number' && { ttl: connections['ttl'] }),
        attributes,
      },
    }),
    routes,
    origin: ctx.origin(WS),
  };
}

/**
 * The WebSocket stage's own variables, over the REST stage's: integrations read them as
 * `stageVariables.x` (a Lambda alias, a backend's host), as REST and HTTP stages' do.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-stages.html
 */
function webSocketVariables(ctx: ModelContext, stage: Block): Record<string, string> {
  return Object.fromEntries(
    Object.entries(asBlock(stage['variables'])).map(([name, value]) => {
      ctx.value(value, childPointer(WS, 'stage', 'variables', name), `Value of the WebSocket stage variable ${name}`, {
        allowedPattern: STAGE_VARIABLE_VALUE,
      });
      return [name, String(value)];
    }),
  );
}

/**
 * What the WebSocket stage cannot take from the REST stage, and what it needs that the REST stage did not
 * ask for: X-Ray traces REST APIs only (AWS::ApiGatewayV2::Stage has no tracing setting), and logging
 * needs the account's CloudWatch role, already reported when the REST stage logs too.
 * https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html
 */
function checkStage(
  ctx: ModelContext,
  stage: Block,
  restStage: Stage,
  level: string | undefined,
  accessLog: Stage['accessLog'],
  accountRole: boolean,
): void {
  if (restStage.tracing) {
    ctx.report(
      'websocket-stage-no-tracing',
      'info',
      'X-Ray traces REST APIs only: the WebSocket stage is not traced.',
      '/x-gateway/stage/tracing',
      'Trace the WebSocket backends themselves (Lambda active tracing, for instance).',
    );
  }
  if (
    logsToCloudWatch(level, accessLog) &&
    !logsToCloudWatch(restStage.logging?.level, restStage.accessLog) &&
    !restStage.logging?.accountRole &&
    !accountRole
  ) {
    const pointer =
      level !== undefined && 'logging' in stage
        ? childPointer(WS, 'stage', 'logging')
        : childPointer(WS, 'stage', 'accessLog');
    reportCloudWatchRole(ctx, pointer);
  }
}

/**
 * The WebSocket stage's logging block, in the REST stage's shape. A level alone (`logging: info`), the
 * older form, is read as `{ level: info }`, with a hint to write that.
 */
function loggingOf(ctx: ModelContext, stage: Block): Block | undefined {
  const logging = stage['logging'];
  if (logging === undefined) return undefined;
  if (typeof logging !== 'string') return asBlock(logging);
  ctx.report(
    'deprecated-form',
    'info',
    `\`logging: ${logging}\` is the older form of the WebSocket stage's logging.`,
    childPointer(WS, 'stage', 'logging'),
    `Write \`logging: { level: ${logging} }\`, the shape the REST stage's logging has (it also takes \`dataTrace\` and \`accountRole\`).`,
  );
  return { level: logging };
}

/** The connection attributes: never the key, nor the expiry attribute when there is a TTL (each would replace the other in the item). */
function connectionAttributes(ctx: ModelContext, connections: Block): { name: string; value: string }[] {
  const reserved = 'ttl' in connections ? ['connectionId', 'expiresAt'] : ['connectionId'];
  return Object.entries(asBlock(connections['attributes'])).flatMap(([name, value]) => {
    if (!reserved.includes(name)) return [{ name, value: String(value) }];
    ctx.report(
      'websocket-connection-attribute-reserved',
      'error',
      `\`${name}\` is the attribute that holds ` +
        `${name === 'connectionId' ? "the connection id (the table's key)" : 'the expiry time (ttl)'}; ` +
        `another value under that name would replace it.`,
      childPointer(WS, 'connections', 'attributes', name),
      'Store the value under another name.',
    );
    return [];
  });
}

/**
 * The routes as written, and with `connections` the `$connect`/`$disconnect` routes it integrates, when
 * not written. Logical-ID names are unique: predefined keys keep theirs, custom keys that would repeat one
 * (`send-message` after `sendMessage`, `default` beside `$default`) get a number, in document order.
 */
function buildRoutes(
  ctx: ModelContext,
  written: Block,
  authorizers: readonly Authorizer[],
  connections: boolean,
  version: '3.0' | '3.1',
  checkedSchemas: Set<string>,
): WebSocketRoute[] {
  const implicit = connections ? ['$connect', '$disconnect'].filter((key) => !(key in written)) : [];
  const taken = new Set(SPECIAL.values());
  return [...implicit, ...Object.keys(written)].map((key) => {
    const id = SPECIAL.get(key) ?? uniqueId(pascalCase(key) || 'Route', taken);
    if (!(key in written)) return { key, id, reply: false, origin: ctx.origin(childPointer(WS, 'connections')) };
    return buildRoute(ctx, key, id, asBlock(written[key]), authorizers, version, checkedSchemas);
  });
}

function buildRoute(
  ctx: ModelContext,
  key: string,
  id: string,
  block: Block,
  authorizers: readonly Authorizer[],
  version: '3.0' | '3.1',
  seen: Set<string>,
): WebSocketRoute {
  const pointer = childPointer(WS, 'routes', key);
  // A message is the route's request body; WebSocket routes have no path or query parameters.
  const scope: RouteScope = {
    method: 'POST',
    path: key,
    pointer,
    operation: { requestBody: {} },
    parameters: [],
    chain: [],
  };
  const integrationBlock = withoutRestOptions(
    ctx,
    webSocketTimeout(ctx, asBlock(block['integration']), childPointer(pointer, 'integration')),
    childPointer(pointer, 'integration'),
  );
  const integration =
    'integration' in block
      ? capTimeout(ctx.integration(integrationBlock, childPointer(pointer, 'integration'), scope))
      : undefined;
  if (integration)
    checkServiceIntegration(ctx, integration.kind, integrationBlock, childPointer(pointer, 'integration'));
  const auth =
    'auth' in block
      ? routeAuth(ctx, key, String(block['auth']), childPointer(pointer, 'auth'), authorizers)
      : undefined;
  const model =
    'schema' in block && receivesMessages(ctx, key, childPointer(pointer, 'schema'))
      ? messageModel(ctx, asBlock(block['schema'])['$ref'] as string, childPointer(pointer, 'schema'), version, seen)
      : undefined;
  return {
    key,
    id,
    ...(integration && { integration }),
    ...(auth && { auth }),
    ...(model && { model }),
    reply: replyOf(ctx, key, block, integration, childPointer(pointer, 'reply')),
    origin: ctx.origin(pointer),
  };
}

/** `$connect` runs on the upgrade request and `$disconnect` after the close: neither has a message to validate. */
function receivesMessages(ctx: ModelContext, key: string, pointer: string): boolean {
  if (key !== '$connect' && key !== '$disconnect') return true;
  ctx.report(
    'websocket-schema-lifecycle',
    'warning',
    `\`${key}\` receives no message, so there is nothing for a schema to validate: no model is emitted.`,
    pointer,
    'Put `schema` on the routes that receive messages ($default or a custom key).',
  );
  return false;
}

/**
 * WebSocket integrations wait 29 s at most, a quota that cannot be raised: a longer timeout written on the
 * route is an error (read as 29000 from there on, so the REST quota warning does not follow). A longer
 * REST default is capped by `capTimeout` without a finding of its own.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html
 */
function webSocketTimeout(ctx: ModelContext, block: Block, pointer: string): Block {
  const timeout = block['timeout'];
  if (typeof timeout !== 'number' || timeout <= MAX_TIMEOUT) return block;
  ctx.report(
    'websocket-integration-timeout',
    'error',
    `Timeout ${timeout} ms is over the ${MAX_TIMEOUT} ms a WebSocket integration may wait (a quota AWS does not raise).`,
    childPointer(pointer, 'timeout'),
    `Use at most ${MAX_TIMEOUT}; a longer task can answer later through the @connections API.`,
  );
  return { ...block, timeout: MAX_TIMEOUT };
}

/** The route's effective timeout, at most MAX_TIMEOUT: a longer one inherited from the REST defaults waits 29 s. */
function capTimeout(integration: Integration | undefined): Integration | undefined {
  if (!integration || !('timeout' in integration) || integration.timeout <= MAX_TIMEOUT) return integration;
  return { ...integration, timeout: MAX_TIMEOUT };
}

/**
 * Whether the route answers the client: as written, else for a mock with a body (the body is its answer).
 * API Gateway takes a route response on `$connect` too (public templates set one), but it runs during the
 * upgrade request, before there is a connection to send a message on; `$disconnect` runs after it closed.
 */
function replyOf(
  ctx: ModelContext,
  key: string,
  block: Block,
  integration: WebSocketRoute['integration'],
  pointer: string,
): boolean {
  const lifecycle = key === '$connect' || key === '$disconnect';
  if (block['reply'] === true && lifecycle) {
    ctx.report(
      'websocket-reply-lifecycle',
      'warning',
      `\`${key}\` cannot answer with a message: ${key === '$connect' ? 'the connection is not open yet' : 'the connection is already closed'}.`,
      pointer,
      'Remove `reply`; post to the connection through the @connections API instead.',
    );
    return false;
  }
  if (typeof block['reply'] === 'boolean') return block['reply'];
  return !lifecycle && integration?.kind === 'mock' && integration.body !== undefined;
}

/**
 * Only the services of WEBSOCKET_SERVICES; and their mapping templates see the message, `$context` and
 * stage variables, not headers or query strings (those exist on $connect only, for the authorizer and
 * request parameters).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html
 */
/**
 * Parameter mapping, non-proxy and streamed Lambda integrations are settings of REST and HTTP API routes:
 * each is refused on a WebSocket route, and left out of the block the route is built from.
 */
function withoutRestOptions(ctx: ModelContext, block: Block, pointer: string): Block {
  const out: Record<string, unknown> = { ...block };
  for (const key of ['request', 'response'].filter((k) => k in block)) {
    ctx.report(
      'websocket-option-unsupported',
      'error',
      `\`${key}\` parameter mapping applies to REST and HTTP API operations, not to WebSocket routes.`,
      childPointer(pointer, key),
      'Read the value in the integration (a Lambda function receives the whole message and its context) or in a service mapping.',
    );
    delete out[key];
  }
  const lambda = asBlock(block['lambda']);
  if ('function' in lambda) {
    for (const key of ['proxy', 'stream'].filter((k) => k in lambda))
      ctx.report(
        'websocket-option-unsupported',
        'error',
        `\`${key}\` applies to Lambda integrations of REST APIs, not to WebSocket routes.`,
        childPointer(pointer, 'lambda', key),
        'Write `lambda: <function>`.',
      );
    out['lambda'] = lambda['function'];
  }
  return out;
}

function checkServiceIntegration(ctx: ModelContext, kind: string, block: Block, pointer: string): void {
  if (UNSUPPORTED_SERVICES.includes(kind)) {
    ctx.report(
      'websocket-integration-unsupported',
      'error',
      `WebSocket routes integrate directly with ${WEBSOCKET_SERVICES.join(', ')} only, not with ${kind}.`,
      childPointer(pointer, kind),
      `Use one of those, lambda, http or mock (a Lambda function can call ${kind}).`,
    );
    return;
  }
  const service = asBlock(block[kind]);
  for (const field of VALUE_FIELDS[kind] ?? []) {
    const raw = service[field];
    const values: [string, unknown][] =
      typeof raw === 'string'
        ? [[childPointer(pointer, kind, field), raw]]
        : Object.entries(asBlock(raw)).map(([name, value]) =>
            typeof value === 'string'
              ? [childPointer(pointer, kind, field, name), value]
              : [childPointer(pointer, kind, field, name, 'from'), asBlock(value)['from']],
          );
    for (const [at, value] of values) {
      if (typeof value === 'string' && /^(query|header)\./.test(value)) {
        ctx.report(
          'websocket-request-value',
          'error',
          `\`${value}\` cannot be read here: WebSocket mapping templates have no access to headers or query strings.`,
          at,
          'A $connect request authorizer sees them: return the value in its context and use `context.authorizer.<key>`.',
        );
      }
    }
  }
}

/**
 * API Gateway authorizes a WebSocket connection once, on `$connect`. Authorizers: the websocket's own,
 * or a request authorizer of x-gateway.authorizers (one lookup, so the two stay one model).
 */
function routeAuth(
  ctx: ModelContext,
  key: string,
  name: string,
  pointer: string,
  authorizers: readonly Authorizer[],
): WebSocketRoute['auth'] {
  if (name === 'none') return undefined;
  if (key !== '$connect') {
    ctx.report(
      'websocket-auth-not-connect',
      'error',
      `Route \`${key}\` sets auth, but API Gateway authorizes WebSocket clients only when they connect.`,
      pointer,
      'Move `auth` to the $connect route.',
    );
    return undefined;
  }
  if (name === 'iam') return { kind: 'iam' };
  const authorizer = webSocketAuthorizer(ctx, name, authorizers);
  if (!authorizer) {
    const known = [
      'iam',
      'none',
      ...Object.keys(asBlock(asBlock(ctx.root['websocket'])['authorizers'])),
      ...authorizers.filter((a) => a.kind === 'request').map((a) => a.name),
    ];
    ctx.report(
      'authorizer-unknown',
      'error',
      `\`${name}\` is not a request authorizer.`,
      pointer,
      `Known here: ${known.join(', ')}. WebSocket APIs take request (Lambda) authorizers or iam.`,
    );
    return undefined;
  }
  return { kind: 'authorizer', authorizer };
}

function webSocketAuthorizer(
  ctx: ModelContext,
  name: string,
  authorizers: readonly Authorizer[],
): RequestAuthorizer | undefined {
  const own = asBlock(asBlock(asBlock(ctx.root['websocket'])['authorizers'])[name]);
  if ('function' in own) {
    const pointer = childPointer(WS, 'authorizers', name);
    return {
      kind: 'request',
      name,
      function: lambdaFunction(
        ctx,
        own['function'],
        childPointer(pointer, 'function'),
        `Lambda function of the WebSocket authorizer ${name}`,
      ),
      identity: (own['identity'] as string[]).map((source) =>
        identitySource(source).replace(/^method\.request\./, 'route.request.'),
      ),
      ttl: 0,
      simpleResponses: false,
      origin: ctx.origin(pointer),
    };
  }
  const shared = authorizers.find((a) => a.name === name);
  if (shared?.kind !== 'request') return undefined;
  const ttl = childPointer('/x-gateway/authorizers', name, 'ttl');
  if ('ttl' in asBlock(asBlock(ctx.root['authorizers'])[name]) && shared.ttl > 0) {
    ctx.report(
      'websocket-authorizer-no-cache',
      'info',
      `API Gateway does not cache authorizer results for WebSocket APIs: \`${name}\` runs on every connection, whatever its ttl.`,
      ttl,
      'The ttl still applies to the REST API.',
    );
  }
  return { ...shared, identity: shared.identity.map((s) => s.replace(/^method\.request\./, 'route.request.')) };
}

/**
 * The component schema with its `$ref`s resolved in place (a WebSocket model is one standalone schema),
 * with the findings of REST models.
 */
function messageModel(
  ctx: ModelContext,
  ref: string,
  pointer: string,
  version: '3.0' | '3.1',
  seen: Set<string>,
): { name: string; schema: Json } | undefined {
  const target = ctx.deref({ $ref: ref });
  if (!isSchemaObject(target)) {
    ctx.report(
      'unresolved-ref',
      'error',
      `${ref} names no schema.`,
      pointer,
      'Point at a schema under components.schemas.',
    );
    return undefined;
  }
  checkModelSchema(ctx, target, decodeURIComponent(ref.slice(1)), version, seen);
  const componentName = decodeURIComponent(ref.split('/').pop()!);
  const name = modelNames([componentName]).get(componentName) ?? componentName;
  const inline = (node: unknown, refs: readonly string[]): Json => {
    if (Array.isArray(node)) return node.map((n) => inline(n, refs));
    if (node === null || typeof node !== 'object') return node as Json;
    const record = node as Record<string, unknown>;
    const inner = record['$ref'];
    if (typeof inner === 'string' && inner.startsWith('#/')) {
      if (refs.includes(inner)) {
        ctx.report(
          'websocket-model-recursive',
          'error',
          `${inner} refers to itself; a WebSocket model must be one standalone schema.`,
          pointer,
          'Use a schema without recursion for WebSocket messages.',
        );
        return {};
      }
      return inline(ctx.deref(record), [...refs, inner]);
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, inline(v, refs)]));
  };
  return { name, schema: inline(target, [ref]) };
}

/**
 * The access log: the stage's own (the format may name `$context.extendedRequestId` instead of the request
 * id), else the REST stage's destination and retention, in the WebSocket form of its format.
 */
function webSocketAccessLog(ctx: ModelContext, stage: Block, restStage: Stage): Stage['accessLog'] {
  if ('accessLog' in stage) {
    const ids = ['$context.requestId', '$context.extendedRequestId'];
    return accessLogOf(
      ctx,
      asBlock(stage['accessLog']),
      childPointer(WS, 'stage', 'accessLog'),
      WEBSOCKET_LOG_FORMATS,
      ids,
      'Access log destination ARN of the WebSocket stage',
    );
  }
  const mirrored = restStage.accessLog;
  if (!mirrored) return undefined;
  const format = WEBSOCKET_LOG_FORMATS[mirrored.format === ACCESS_LOG_FORMATS['clf'] ? 'clf' : 'json']!;
  return {
    format,
    ...(mirrored.retentionDays !== undefined && { retentionDays: mirrored.retentionDays }),
    ...(mirrored.destination && { destination: mirrored.destination }),
  };
}

function checkRoutes(ctx: ModelContext, routes: readonly WebSocketRoute[], connections: boolean): void {
  for (const route of routes) {
    const pointer = childPointer(WS, 'routes', route.key);
    if (route.key.startsWith('$') && !SPECIAL.has(route.key)) {
      ctx.report(
        'websocket-route-unknown-special',
        'error',
        `\`${route.key}\` is not a route key API Gateway knows: only $connect, $disconnect and $default start with $.`,
        pointer,
        'Use a plain value the route selection expression can yield, e.g. sendMessage.',
      );
    } else if (!SPECIAL.has(route.key) && !/^[A-Za-z0-9_.:-]+$/.test(route.key)) {
      ctx.report(
        'websocket-route-unreachable',
        'warning',
        `Route key \`${route.key}\` is not a plain value, so the route selection expression will hardly ever select it.`,
        pointer,
        'Use a plain word such as sendMessage, matching the value of the selected message field.',
      );
    }
    if (!route.integration && !(connections && (route.key === '$connect' || route.key === '$disconnect'))) {
      ctx.report(
        'integration-missing',
        'error',
        `WebSocket route \`${route.key}\` has no integration.`,
        pointer,
        'Add `integration:` (lambda, http, mock or an AWS service).',
      );
    }
    if (connections && route.integration && (route.key === '$connect' || route.key === '$disconnect')) {
      ctx.report(
        'websocket-connection-integration',
        'error',
        `\`${route.key}\` has an integration, but \`connections\` already integrates it with the connection table.`,
        childPointer(pointer, 'integration'),
        'Remove one of them: keep `connections` for storing ids without code, or your own integration.',
      );
    }
  }
  if (!routes.some((r) => r.key === '$default')) {
    ctx.report(
      'websocket-no-default-route',
      'info',
      'No $default route: a message whose selected value matches no route key is answered with an error and reaches no backend.',
      childPointer(WS, 'routes'),
      'Add a $default route (a mock integration is enough) to handle or log unmatched messages.',
    );
  }
}
