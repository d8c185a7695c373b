/**
 * The WebSocket API in the model: routes with their integrations (the REST integration kinds, read by
 * the same code), `$connect` authorization, message models, and the connection table.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import type { Json } from './aws-value.js';
import { asBlock, type ModelContext, type RouteScope } from './context.js';
import { identitySource } from './access.js';
import type { Authorizer, RequestAuthorizer, Stage, WebSocketApi, WebSocketRoute } from './ir.js';
import { modelNames, pascalCase } from './names.js';
import { isSchemaObject } from './schema-walk.js';

const WS = '/x-gateway/websocket';
const SPECIAL = ['$connect', '$disconnect', '$default'];

/** The WebSocket stage takes the REST stage's logging, metrics and throttling unless it sets its own. */
export function buildWebSocket(ctx: ModelContext, restName: string, restStage: Stage, authorizers: readonly Authorizer[]): WebSocketApi | undefined {
  if (!('websocket' in ctx.root)) return undefined;
  const block = asBlock(ctx.root['websocket']);
  const stage = asBlock(block['stage']);
  const connections = asBlock(block['connections']);
  const name = typeof block['name'] === 'string' ? block['name'] : `${restName}-ws`;
  const routes = Object.entries(asBlock(block['routes'])).map(([key, raw]) => buildRoute(ctx, key, asBlock(raw), authorizers));
  checkRoutes(ctx, routes, 'connections' in block);
  const written = typeof stage['logging'] === 'string' ? stage['logging'].toUpperCase() : restStage.logging?.level;
  const level = written === 'ERROR' || written === 'INFO' ? written : undefined;
  const throttle = 'throttle' in stage ? { rate: asBlock(stage['throttle'])['rate'] as number, burst: asBlock(stage['throttle'])['burst'] as number } : restStage.throttle;
  return {
    name,
    logicalId: `${pascalCase(name).replace(/Api$/, '')}WebSocketApi`,
    routeSelection: typeof block['routeSelection'] === 'string' ? block['routeSelection'] : '$request.body.action',
    stage: {
      name: typeof stage['name'] === 'string' ? stage['name'] : restStage.name,
      ...(level && { logging: level }),
      dataTrace: typeof stage['dataTrace'] === 'boolean' ? stage['dataTrace'] : restStage.logging?.dataTrace === true,
      metrics: typeof stage['metrics'] === 'boolean' ? stage['metrics'] : restStage.metrics,
      ...(throttle && { throttle }),
    },
    ...('connections' in block && {
      connections: {
        table: ctx.value(connections['table'], childPointer(WS, 'connections', 'table'), 'DynamoDB table of WebSocket connection ids'),
        ...(typeof connections['ttl'] === 'number' && { ttl: connections['ttl'] }),
        attributes: Object.entries(asBlock(connections['attributes'])).map(([attribute, value]) => ({ name: attribute, value: String(value) })),
      },
    }),
    routes,
    origin: ctx.origin(WS),
  };
}

function buildRoute(ctx: ModelContext, key: string, block: Record<string, unknown>, authorizers: readonly Authorizer[]): WebSocketRoute {
  const pointer = childPointer(WS, 'routes', key);
  // A message is the route's request body; WebSocket routes have no path or query parameters.
  const scope: RouteScope = { method: 'POST', path: key, pointer, operation: { requestBody: {} }, parameters: [], chain: [] };
  const integration = 'integration' in block ? ctx.integration(asBlock(block['integration']), childPointer(pointer, 'integration'), scope) : undefined;
  const auth = 'auth' in block ? routeAuth(ctx, key, String(block['auth']), childPointer(pointer, 'auth'), authorizers) : undefined;
  const model = 'schema' in block ? messageModel(ctx, asBlock(block['schema'])['$ref'] as string, childPointer(pointer, 'schema')) : undefined;
  return { key, id: routeId(key), ...(integration && { integration }), ...(auth && { auth }), ...(model && { model }), origin: ctx.origin(pointer) };
}

/** `$connect` → `Connect`, `sendMessage` → `SendMessage`. */
function routeId(key: string): string {
  return pascalCase(key.replace(/^\$/, '')) || 'Route';
}

/**
 * API Gateway authorizes a WebSocket connection once, on `$connect`. Authorizers: the websocket's own,
 * or a request authorizer of x-gateway.authorizers (one lookup, so the two stay one model).
 */
function routeAuth(ctx: ModelContext, key: string, name: string, pointer: string, authorizers: readonly Authorizer[]): WebSocketRoute['auth'] {
  if (name === 'none') return undefined;
  if (key !== '$connect') {
    ctx.report('websocket-auth-not-connect', 'error', `Route \`${key}\` sets auth, but API Gateway authorizes WebSocket clients only when they connect.`, pointer, 'Move `auth` to the $connect route.');
    return undefined;
  }
  if (name === 'iam') return { kind: 'iam' };
  const authorizer = webSocketAuthorizer(ctx, name, authorizers);
  if (!authorizer) {
    const known = ['iam', 'none', ...Object.keys(asBlock(asBlock(ctx.root['websocket'])['authorizers'])), ...authorizers.filter((a) => a.kind === 'request').map((a) => a.name)];
    ctx.report('unknown-authorizer', 'error', `\`${name}\` is not a request authorizer.`, pointer, `Known here: ${known.join(', ')}. WebSocket APIs take request (Lambda) authorizers or iam.`);
    return undefined;
  }
  return { kind: 'authorizer', authorizer };
}

function webSocketAuthorizer(ctx: ModelContext, name: string, authorizers: readonly Authorizer[]): RequestAuthorizer | undefined {
  const own = asBlock(asBlock(asBlock(ctx.root['websocket'])['authorizers'])[name]);
  if ('function' in own) {
    const pointer = childPointer(WS, 'authorizers', name);
    return {
      kind: 'request',
      name,
      function: ctx.value(own['function'], childPointer(pointer, 'function'), `Lambda function ARN of the WebSocket authorizer ${name}`),
      identity: (own['identity'] as string[]).map((source) => identitySource(source).replace(/^method\.request\./, 'route.request.')),
      ttl: 0,
      origin: ctx.origin(pointer),
    };
  }
  const shared = authorizers.find((a) => a.name === name);
  return shared?.kind === 'request' ? { ...shared, identity: shared.identity.map((s) => s.replace(/^method\.request\./, 'route.request.')) } : undefined;
}

/** The component schema with its `$ref`s resolved in place (a WebSocket model is one standalone schema). */
function messageModel(ctx: ModelContext, ref: string, pointer: string): { name: string; schema: Json } | undefined {
  const target = ctx.deref({ $ref: ref });
  if (!isSchemaObject(target)) {
    ctx.report('unresolved-ref', 'error', `${ref} names no schema.`, pointer, 'Point at a schema under components.schemas.');
    return undefined;
  }
  const componentName = decodeURIComponent(ref.split('/').pop()!);
  const name = modelNames([componentName]).get(componentName) ?? componentName;
  const inline = (node: unknown, seen: readonly string[]): Json => {
    if (Array.isArray(node)) return node.map((n) => inline(n, seen));
    if (node === null || typeof node !== 'object') return node as Json;
    const record = node as Record<string, unknown>;
    const inner = record['$ref'];
    if (typeof inner === 'string' && inner.startsWith('#/')) {
      if (seen.includes(inner)) {
        ctx.report('websocket-model-recursive', 'error', `${inner} refers to itself; a WebSocket model must be one standalone schema.`, pointer, 'Use a schema without recursion for WebSocket messages.');
        return {};
      }
      return inline(ctx.deref(record), [...seen, inner]);
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, inline(v, seen)]));
  };
  return { name, schema: { $schema: 'http://json-schema.org/draft-04/schema#', ...(inline(target, [ref]) as Record<string, Json>) } };
}

function checkRoutes(ctx: ModelContext, routes: readonly WebSocketRoute[], connections: boolean): void {
  for (const route of routes) {
    const pointer = childPointer(WS, 'routes', route.key);
    if (route.key.startsWith('$') && !SPECIAL.includes(route.key)) {
      ctx.report('websocket-route-unknown-special', 'error', `\`${route.key}\` is not a route key API Gateway knows: only $connect, $disconnect and $default start with $.`, pointer, 'Use a plain value the route selection expression can yield, e.g. sendMessage.');
    } else if (!SPECIAL.includes(route.key) && !/^[A-Za-z0-9_.:-]+$/.test(route.key)) {
      ctx.report('websocket-route-unreachable', 'warning', `Route key \`${route.key}\` is not a plain value, so the route selection expression will hardly ever select it.`, pointer, 'Use a plain word such as sendMessage, matching the value of the selected message field.');
    }
    if (!route.integration && !(connections && (route.key === '$connect' || route.key === '$disconnect'))) {
      ctx.report('missing-integration', 'error', `WebSocket route \`${route.key}\` has no integration.`, pointer, 'Add `integration:` (lambda, http, mock or an AWS service).');
    }
    if (connections && route.integration && (route.key === '$connect' || route.key === '$disconnect')) {
      ctx.report('websocket-connection-integration', 'error', `\`${route.key}\` has an integration, but \`connections\` already integrates it with the connection table.`, childPointer(pointer, 'integration'), 'Remove one of them: keep `connections` for storing ids without code, or your own integration.');
    }
  }
  if (!routes.some((r) => r.key === '$default')) {
    ctx.report('websocket-no-default-route', 'info', 'No $default route: a message whose selected value matches no route key is answered with an error and reaches no backend.', childPointer(WS, 'routes'), 'Add a $default route (a mock integration is enough) to handle or log unmatched messages.');
  }
}
