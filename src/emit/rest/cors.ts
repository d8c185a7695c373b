/**
 * CORS for browsers: an OPTIONS method on every path answered by a mock integration with the
 * Access-Control-* headers (methods from the path's operations), the allowed origin on the responses of
 * integrations the gateway maps (mock and AWS service ones; proxies answer for themselves), and on the
 * DEFAULT_4XX / DEFAULT_5XX gateway responses so that an authorizer's 401/403 is readable by the page.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
 */
import { mockIntegrationFields } from '../../integrations/mock.js';
import { headerLookup } from '../../integrations/request-values.js';
import type { JsonObject } from '../../load/load-document.js';
import { type AwsValue, type CfnString, joinSub, type Json, toAwsValue } from '../../model/aws-value.js';
import type { Cors, GatewayModel, HttpMethod } from '../../model/ir.js';
import { OPERATION_KEY } from '../shared/body.js';
import type { Contribution, OperationPatch } from '../shared/contribution.js';

const ALL_METHODS: readonly HttpMethod[] = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/** The preflight answer's headers, as method response header → mapping expression. */
export function preflightHeaders(cors: Cors, methods: readonly HttpMethod[]): Record<string, Json> {
  const allowed = methods.includes('ANY') ? ALL_METHODS : [...new Set([...methods, 'OPTIONS' as const])].sort();
  return {
    ...(cors.origins.length === 1 && { 'Access-Control-Allow-Origin': quoted(cors.origins[0]!) }),
    'Access-Control-Allow-Methods': `'${allowed.join(',')}'`,
    'Access-Control-Allow-Headers': `'${cors.headers.join(',')}'`,
    ...(cors.credentials && { 'Access-Control-Allow-Credentials': "'true'" }),
    ...(cors.maxAge !== undefined && { 'Access-Control-Max-Age': `'${cors.maxAge}'` }),
    ...(cors.origins.length > 1 && { Vary: "'Origin'" }),
  };
}

/**
 * With several origins no static header can answer: a response template echoes the request's Origin when
 * it is one of them (and sends no Access-Control-Allow-Origin otherwise). The Origin header is read in
 * whatever case the client spelled it (HTTP/2 clients send `origin`), and never from the query string.
 */
export function originTemplate(cors: Cors): CfnString | undefined {
  const parts = originChoice(cors);
  return parts && joinSub(parts);
}

function originChoice(cors: Cors): OriginTemplate | undefined {
  if (cors.origins.length < 2) return undefined;
  const test = cors.origins.flatMap((o, i) => [`${i > 0 ? ' || ' : ''}$origin == "`, toAwsValue(o)!, '"']);
  return [
    `${headerLookup('Origin', '$origin')}#if(`,
    ...test,
    ')#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end',
  ];
}

/** The origin choice as parts of a template: text, and the origins (`${Name}` placeholders among them). */
type OriginTemplate = readonly (string | AwsValue)[];

/** A header value mapping expression: the origin in single quotes (`Fn::Sub` for a placeholder). */
function quoted(origin: string): CfnString {
  return joinSub(["'", toAwsValue(origin)!, "'"]);
}

export function emitCors(model: GatewayModel): Contribution {
  const cors = model.cors;
  if (!cors) return {};
  const byPath = new Map<string, HttpMethod[]>();
  for (const route of model.routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route.method]);
  const operations: OperationPatch[] = [];
  for (const [path, methods] of byPath) {
    // A path whose spec answers OPTIONS itself keeps its own answer.
    if (methods.includes('OPTIONS')) continue;
    const headers = preflightHeaders(cors, methods);
    const template = originTemplate(cors);
    operations.push({
      route: { path, method: 'OPTIONS' },
      fields: {
        summary: 'CORS preflight',
        // Its own declaration of the path's variables, whichever level the other operations declare them at.
        ...(pathVariables(path).length > 0 && {
          parameters: pathVariables(path).map((name) => ({
            name,
            in: 'path',
            required: true,
            schema: { type: 'string' },
          })),
        }),
        security: [],
        responses: {
          '200': {
            description: 'CORS preflight answer',
            headers: headerDeclarations([...Object.keys(headers), 'Access-Control-Allow-Origin']),
          },
        },
        'x-amazon-apigateway-integration': {
          // A mock like the others (binary media types convert the preflight to text there).
          ...mockIntegrationFields(200, model.api.binaryMediaTypes),
          responses: {
            default: {
              statusCode: '200',
              responseParameters: Object.fromEntries(
                Object.entries(headers).map(([name, value]) => [`method.response.header.${name}`, value]),
              ),
              ...(template !== undefined && { responseTemplates: { 'application/json': template } }),
            },
          },
        },
      },
    });
  }
  return { operations };
}

function pathVariables(path: string): string[] {
  return [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
}

function headerDeclarations(names: readonly string[]): Json {
  return Object.fromEntries([...new Set(names)].map((name) => [name, { schema: { type: 'string' } }]));
}

/**
 * The origin headers of a gateway response. With several origins a gateway response cannot check the
 * request's Origin against them (no template runs): without credentials it allows every origin with `*`
 * (which is what echoing any Origin would do, without depending on how the client spells the header),
 * and with credentials it sends none (the model warns either way).
 */
function corsGatewayParameters(cors: Cors): Record<string, Json> {
  const origin = cors.origins.length === 1 ? quoted(cors.origins[0]!) : cors.credentials ? undefined : "'*'";
  return {
    ...(origin !== undefined && { 'gatewayresponse.header.Access-Control-Allow-Origin': origin }),
    ...(cors.credentials && { 'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'" }),
    ...(cors.exposeHeaders.length > 0 && {
      'gatewayresponse.header.Access-Control-Expose-Headers': `'${cors.exposeHeaders.join(',')}'`,
    }),
  };
}

/**
 * The CORS headers on every response the gateway makes itself, in the finished Body (so that raw
 * `x-amazon-apigateway-*` responses get them too; headers already set are kept):
 * - gateway responses: DEFAULT_4XX, DEFAULT_5XX and every specific type (which replaces the defaults, so
 *   without them the page could not read that error);
 * - mock and AWS service integrations. One origin is a static header; several are chosen by the
 *   response templates (`originTemplate`), so a response passed through without a template (an S3
 *   object) gets none. Proxy integrations pass the backend's response through, so the backend sets them.
 */
export function addCorsHeaders(body: JsonObject, cors: Cors): void {
  const gatewayResponses = (body['x-amazon-apigateway-gateway-responses'] ??= {}) as Record<
    string,
    Record<string, unknown>
  >;
  gatewayResponses['DEFAULT_4XX'] ??= {};
  gatewayResponses['DEFAULT_5XX'] ??= {};
  for (const response of Object.values(gatewayResponses)) {
    const parameters = (response['responseParameters'] ??= {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(corsGatewayParameters(cors))) parameters[name] ??= value;
  }
  addOriginHeaders(body, cors);
}

function addOriginHeaders(body: JsonObject, cors: Cors): void {
  const template = originChoice(cors);
  const headers: Record<string, Json> = {
    ...(template === undefined ? { 'Access-Control-Allow-Origin': quoted(cors.origins[0]!) } : { Vary: "'Origin'" }),
    ...(cors.credentials && { 'Access-Control-Allow-Credentials': "'true'" }),
    ...(cors.exposeHeaders.length > 0 && { 'Access-Control-Expose-Headers': `'${cors.exposeHeaders.join(',')}'` }),
  };
  for (const item of Object.values((body['paths'] ?? {}) as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const key of Object.values(OPERATION_KEY)) {
      const operation = item[key];
      const integration = operation?.['x-amazon-apigateway-integration'] as Record<string, unknown> | undefined;
      if (!operation || key === 'options' || !integration || !['mock', 'aws'].includes(String(integration['type'])))
        continue;
      const responses = (operation['responses'] ??= {}) as Record<string, Record<string, unknown>>;
      for (const response of Object.values(
        (integration['responses'] ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        const parameters = (response['responseParameters'] ??= {}) as Record<string, unknown>;
        for (const [name, value] of Object.entries(headers)) parameters[`method.response.header.${name}`] ??= value;
        if (template !== undefined) chooseOrigin(response, template, integration['type'] === 'mock');
        const declared = (responses[String(response['statusCode'])] ??= {
          description: `${String(response['statusCode'])} response`,
        });
        const declaredHeaders = (declared['headers'] ??= {}) as Record<string, unknown>;
        for (const name of ['Access-Control-Allow-Origin', ...Object.keys(headers)])
          declaredHeaders[name] ??= { schema: { type: 'string' } };
      }
    }
  }
}

/**
 * Prefixes the integration response's templates with the origin choice (it writes nothing to the body). A
 * mock response without a template has an empty body, so it gets one; an AWS response without one passes
 * the backend's payload through (perhaps binary) and is left so.
 */
function chooseOrigin(response: Record<string, unknown>, template: OriginTemplate, mock: boolean): void {
  const templates = response['responseTemplates'] as Record<string, Json> | undefined;
  if (templates)
    for (const [type, text] of Object.entries(templates))
      templates[type] = joinSub([...template, typeof text === 'string' ? text : toAwsValue(text)!]);
  else if (mock) response['responseTemplates'] = { 'application/json': joinSub(template) };
}
