/**
 * Parameter mapping (`integration.request` / `integration.response`): request headers, query string
 * parameters and URL path variables sent to the backend, and headers of the answer, each from a request
 * value (`path.x`, `query.x`, `header.X`, `context.x`, `stageVariables.x`) or a `'static'` text.
 *
 * REST APIs write them as `integration.request.*` ← `method.request.*` / `context.*` / `'static'`, and
 * response headers as `method.response.header.X` ← `integration.response.*`; every method request
 * parameter a mapping reads is declared on the operation (not required), and every mapped response header
 * on the success response, because API Gateway refuses a mapping of an undeclared one.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html
 *
 * HTTP APIs write `overwrite:header.X` / `overwrite:querystring.x` ← `$request.*` / `$context.*` /
 * static text, and response headers by backend status code; some headers are reserved and cannot be mapped.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import type { Json } from '../model/aws-value.js';
import { asBlock, type Block, type ModelContext, type RouteScope } from '../model/context.js';
import type { ApiType, MappedValue, ParameterMapping, Parameter, RequestValue, Route } from '../model/ir.js';
import { readsBody } from './request-values.js';
import { requestValue } from './service-values.js';

/** Where a mapping sets a value: the `integration.request` sections and the response headers. */
type Section = 'headers' | 'query' | 'path' | 'responseHeaders';

/**
 * Headers HTTP APIs reserve: no mapping may set them, in the request or the response (names compared
 * without case; `*` ends a prefix).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html#http-api-mapping-reserved-headers
 */
const HTTP_RESERVED_HEADERS = [
  'access-control-*',
  'apigw-*',
  'authorization',
  'connection',
  'content-encoding',
  'content-length',
  'content-location',
  'forwarded',
  'keep-alive',
  'origin',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailers',
  'transfer-encoding',
  'upgrade',
  'x-amz-*',
  'x-amzn-*',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'via',
];

export function reservedHttpHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return HTTP_RESERVED_HEADERS.some((r) => (r.endsWith('*') ? lower.startsWith(r.slice(0, -1)) : lower === r));
}

/** What an integration kind lets a mapping set, by API kind. */
export interface MappingTarget {
  readonly apiType: ApiType;
  /** Kind as the user wrote it, for messages: `http`, `lambda`, `mock`, `sqs`… */
  readonly kind: string;
  /** Whether it sends a request of its own that parameters can be mapped into. */
  readonly request: boolean;
  /** Whether its answer passes through an integration response whose headers can be mapped. */
  readonly response: boolean;
  /** Why not, when one of the two is false: the hint. */
  readonly requestHint: string;
  readonly responseHint: string;
}

const SEND_IT =
  "Send the value in the function's event instead: a Lambda function receives the whole request (headers, query string, path, `requestContext.authorizer`).";

/**
 * What a mapping can set on each kind of integration. REST APIs: request parameters reach an HTTP backend
 * (a Lambda function or an AWS service takes its input from the event or the mapping template); response
 * headers are mapped on the integrations whose answer passes through an integration response (non-proxy
 * ones: mock, AWS services, non-proxy Lambda). HTTP APIs: both, for Lambda and HTTP integrations; the
 * AWS service subtypes take their request parameters as the service's.
 */
export function mappingTarget(apiType: ApiType, kind: string, proxy: boolean): MappingTarget {
  const base = { apiType, kind };
  if (apiType === 'http') {
    const either = kind === 'lambda' || kind === 'http';
    return {
      ...base,
      request: either,
      response: either,
      requestHint: "Set the service's parameters in its own block (they are its request parameters).",
      responseHint: 'Return the headers from a Lambda function or an HTTP backend, which can be mapped.',
    };
  }
  return {
    ...base,
    request: kind === 'http',
    response: kind !== 'http' && !(kind === 'lambda' && proxy),
    requestHint:
      kind === 'lambda'
        ? SEND_IT
        : kind === 'mock'
          ? 'A mock integration sends no request: remove `request`.'
          : "Put the value where the service takes it: in the integration's own block (e.g. `attributes`, `key`), or in `requestTemplate`.",
    responseHint:
      kind === 'lambda'
        ? 'A Lambda proxy integration answers with its own headers: return them from the function, or write `lambda: { function: …, proxy: false }`.'
        : "An HTTP proxy integration passes the backend's headers through as they are: set them in the backend.",
  };
}

/** `integration.request` and `integration.response` of an integration block, checked; undefined when it has neither. */
export function parseMapping(
  ctx: ModelContext,
  block: Block,
  at: string,
  scope: RouteScope,
  target: MappingTarget,
): ParameterMapping | undefined {
  if (!('request' in block) && !('response' in block)) return undefined;
  const request = asBlock(block['request']);
  const response = asBlock(block['response']);
  const mapping: Record<Section, MappedValue[]> = { headers: [], query: [], path: [], responseHeaders: [] };
  /** Whether `key` is absent or applies to the target; when not, says so. */
  const applies = (key: 'request' | 'response', applicable: boolean, what: string, hint: string): boolean => {
    if (!(key in block) || applicable) return true;
    ctx.report(
      'mapping-not-applicable',
      'error',
      `\`${target.kind}\` integrations of ${target.apiType === 'http' ? 'HTTP' : 'REST'} APIs take no ${what}.`,
      childPointer(at, key),
      hint,
    );
    return false;
  };
  if (applies('request', target.request, 'request parameter mapping', target.requestHint)) {
    for (const section of ['headers', 'query', 'path'] as const) {
      const pointer = childPointer(at, 'request', section);
      if (section === 'path' && section in request && target.apiType === 'http') {
        ctx.report(
          'mapping-not-applicable',
          'error',
          'HTTP APIs cannot set one path variable of the backend URL: their mapping replaces the whole path.',
          pointer,
          'Write `{name}` in the `http` URL for each path parameter of the route, or use `api.type: rest`.',
        );
        continue;
      }
      for (const [name, raw] of Object.entries(asBlock(request[section])))
        mapping[section].push(requestMapped(ctx, scope, target, section, name, raw, childPointer(pointer, name)));
    }
  }
  if (applies('response', target.response, 'response header mapping', target.responseHint)) {
    const pointer = childPointer(at, 'response', 'headers');
    for (const [name, raw] of Object.entries(asBlock(response['headers'])))
      mapping.responseHeaders.push(responseMapped(ctx, target, name, raw, childPointer(pointer, name)));
  }
  return mapping;
}

function requestMapped(
  ctx: ModelContext,
  scope: RouteScope,
  target: MappingTarget,
  section: Section,
  name: string,
  raw: unknown,
  pointer: string,
): MappedValue {
  const value = requestValue(ctx, scope, raw, pointer);
  if (readsBody(value) && target.apiType === 'rest') {
    ctx.report(
      'mapping-source-unmappable',
      'error',
      `\`${value}\` is the request body: a REST API maps it into a ${section === 'headers' ? 'header' : 'parameter'} only through a mapping template.`,
      ctx.origin(pointer, 'value'),
      'Take the value from the path, the query string, a header, the context or a stage variable, or use an AWS service integration with a template.',
    );
  }
  checkMapped(ctx, target, section, name, value, pointer);
  return { name, value, origin: ctx.origin(pointer) };
}

function responseMapped(
  ctx: ModelContext,
  target: MappingTarget,
  name: string,
  raw: unknown,
  pointer: string,
): MappedValue {
  const value = String(raw);
  if (value.startsWith('path.') || value.startsWith('query.')) {
    ctx.report(
      'mapping-source-unmappable',
      'error',
      `\`${value}\` is part of the request: response headers are mapped from the backend's answer ` +
        `(\`header.X\`, \`body\`, \`body.field\`), the context, stage variables or static text.`,
      ctx.origin(pointer, 'value'),
      'Map it from `context.…` (e.g. `context.requestId`), or let the backend return it as a header (`header.X`).',
    );
  }
  checkMapped(ctx, target, 'responseHeaders', name, value, pointer);
  return { name, value, origin: ctx.origin(pointer) };
}

/** Checks both directions share: reserved headers and static text of HTTP APIs. */
function checkMapped(
  ctx: ModelContext,
  target: MappingTarget,
  section: Section,
  name: string,
  value: RequestValue,
  pointer: string,
): void {
  if (target.apiType !== 'http') return;
  if ((section === 'headers' || section === 'responseHeaders') && reservedHttpHeader(name)) {
    ctx.report(
      'mapping-reserved-header',
      'error',
      `\`${name}\` is a header HTTP APIs reserve: no mapping can set it.`,
      pointer,
      'Use another header name (e.g. `X-…`); the reserved ones are access-control-*, apigw-*, ' +
        'Authorization, Connection, Content-Encoding, Content-Length, Content-Location, Forwarded, ' +
        'Keep-Alive, Origin, Proxy-Authenticate, Proxy-Authorization, TE, Trailers, Transfer-Encoding, ' +
        'Upgrade, x-amz-*, x-amzn-*, X-Forwarded-For/-Host/-Proto and Via.',
    );
  }
  if (value.startsWith("'") && value.includes('$')) {
    ctx.report(
      'mapping-static-dollar',
      'error',
      'Static text of an HTTP API mapping cannot hold `$`: HTTP APIs read it as the start of a variable.',
      ctx.origin(pointer, 'value'),
      'Remove the `$`, or send the value from a stage variable (`stageVariables.x`).',
    );
  }
}

/** A mapping source as REST APIs write it, for a request parameter or a response header. */
function restSource(value: RequestValue, direction: 'request' | 'response'): string {
  if (value.startsWith("'")) return value;
  const dot = value.indexOf('.');
  const [kind, rest] = dot < 0 ? [value, ''] : [value.slice(0, dot), value.slice(dot + 1)];
  switch (kind) {
    case 'path':
      return `method.request.path.${rest}`;
    case 'query':
      return `method.request.querystring.${rest}`;
    case 'header':
      return direction === 'request' ? `method.request.header.${rest}` : `integration.response.header.${rest}`;
    case 'body':
      return rest === '' ? 'integration.response.body' : `integration.response.body.${rest}`;
    default:
      // context.x, stageVariables.x
      return value;
  }
}

/** A mapping source as HTTP APIs write it: `$request.…`, `$response.…`, `$context.…`, or the static text. */
function httpSource(value: RequestValue, direction: 'request' | 'response'): string {
  if (value.startsWith("'")) return value.slice(1, -1);
  const dot = value.indexOf('.');
  const [kind, rest] = dot < 0 ? [value, ''] : [value.slice(0, dot), value.slice(dot + 1)];
  const tail = rest === '' ? '' : `.${rest}`;
  switch (kind) {
    case 'path':
      return `$request.path${tail}`;
    case 'query':
      return `$request.querystring${tail}`;
    case 'header':
    case 'body':
      return `$${direction}.${kind}${tail}`;
    default:
      // $context.x, $stageVariables.x
      return `$${value}`;
  }
}

/** A name of the route's declared parameters spelled as declared (headers match without case), else as given. */
function declaredName(parameters: readonly Parameter[], where: 'header' | 'query', name: string): string {
  const found = parameters.find(
    (p) => p.in === where && (where === 'header' ? p.name.toLowerCase() === name.toLowerCase() : p.name === name),
  );
  return found?.name ?? name;
}

/** The REST rendering of a mapping: its request parameters, its response parameters, and what the operation must declare. */
export interface RestMapping {
  readonly requestParameters: Readonly<Record<string, string>>;
  readonly responseParameters: Readonly<Record<string, string>>;
  readonly requestHeaders: readonly string[];
  readonly requestQuery: readonly string[];
  readonly responseHeaders: readonly string[];
}

export function restMapping(route: Pick<Route, 'parameters'>, mapping: ParameterMapping | undefined): RestMapping {
  const requestParameters: Record<string, string> = {};
  const requestHeaders = new Set<string>();
  const requestQuery = new Set<string>();
  const source = (value: RequestValue): string => {
    if (value.startsWith('header.')) {
      const name = declaredName(route.parameters, 'header', value.slice(7));
      requestHeaders.add(name);
      return `method.request.header.${name}`;
    }
    if (value.startsWith('query.')) {
      requestQuery.add(value.slice(6));
      return restSource(value, 'request');
    }
    return restSource(value, 'request');
  };
  for (const { name, value } of mapping?.headers ?? [])
    requestParameters[`integration.request.header.${name}`] = source(value);
  for (const { name, value } of mapping?.query ?? [])
    requestParameters[`integration.request.querystring.${name}`] = source(value);
  for (const { name, value } of mapping?.path ?? [])
    requestParameters[`integration.request.path.${name}`] = source(value);
  const responseParameters = Object.fromEntries(
    (mapping?.responseHeaders ?? []).map(({ name, value }) => [
      `method.response.header.${name}`,
      restSource(value, 'response'),
    ]),
  );
  return {
    requestParameters,
    responseParameters,
    requestHeaders: [...requestHeaders],
    requestQuery: [...requestQuery],
    responseHeaders: (mapping?.responseHeaders ?? []).map((m) => m.name),
  };
}

/**
 * The HTTP API rendering of a mapping: `requestParameters`, and `responseParameters` for each status code
 * the operation declares (200 when it declares none), since HTTP APIs map the answer by the backend's status.
 */
export function httpMapping(
  route: Pick<Route, 'responses'>,
  mapping: ParameterMapping | undefined,
): { requestParameters?: Record<string, Json>; responseParameters?: Record<string, Json> } {
  if (!mapping) return {};
  const requestParameters: Record<string, Json> = {};
  for (const { name, value } of mapping.headers)
    requestParameters[`overwrite:header.${name}`] = httpSource(value, 'request');
  for (const { name, value } of mapping.query)
    requestParameters[`overwrite:querystring.${name}`] = httpSource(value, 'request');
  const headers: Record<string, Json> = Object.fromEntries(
    mapping.responseHeaders.map(({ name, value }) => [`overwrite:header.${name}`, httpSource(value, 'response')]),
  );
  const declared = route.responses.filter((code) => /^[2-5]\d\d$/.test(code));
  const statuses = declared.length > 0 ? declared : ['200'];
  return {
    ...(Object.keys(requestParameters).length > 0 && { requestParameters }),
    ...(Object.keys(headers).length > 0 && {
      responseParameters: Object.fromEntries(statuses.map((code) => [code, { ...headers }])),
    }),
  };
}
