/**
 * What a browser sees of a CORS-enabled API, checked with the CORS protocol
 * (https://fetch.spec.whatwg.org/#cors-preflight-fetch, #cors-check): for every path of a fixture, the
 * methods and request headers its operations use are read from the spec itself, the preflight answer is
 * computed as the gateway would send it (static header mappings plus the response template's overrides)
 * for an allowed and a refused origin, in both spellings of the Origin header; then the same for the
 * actual responses of the integrations the gateway maps (mock and AWS service ones), and the gateway
 * responses (DEFAULT_4XX, DEFAULT_5XX and those the spec sets).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { originTemplate } from '../../src/emit/rest/cors.js';
import { compile } from '../../src/index.js';
import { renderTemplate } from '../support/apigateway-vtl.js';

type Block = Record<string, unknown>;

interface Preflight {
  readonly origin: string;
  readonly method: string;
  readonly headers: readonly string[];
  readonly credentials: boolean;
}

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];
const SAFELISTED_HEADERS = ['accept', 'accept-language', 'content-language'];
const VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const REFUSED = 'https://evil.example.net';

const header = (response: Readonly<Record<string, string>>, name: string): string | undefined =>
  Object.entries(response).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

/** The browser's CORS check of a response (preflight or actual): undefined when it passes, else why not. */
function corsRefusal(
  response: Readonly<Record<string, string>>,
  origin: string,
  credentials: boolean,
): string | undefined {
  const allowOrigin = header(response, 'Access-Control-Allow-Origin');
  if (allowOrigin === undefined) return 'no Access-Control-Allow-Origin';
  if (allowOrigin === '*' ? credentials : allowOrigin !== origin) return `origin ${allowOrigin} does not match`;
  if (credentials && header(response, 'Access-Control-Allow-Credentials') !== 'true') return 'credentials not allowed';
  return undefined;
}

/** The browser's verdict on a preflight response. */
function preflightRefusal(response: Readonly<Record<string, string>>, request: Preflight): string | undefined {
  const list = (name: string): string[] =>
    (header(response, name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const refusal = corsRefusal(response, request.origin, request.credentials);
  if (refusal) return refusal;
  const methods = list('Access-Control-Allow-Methods');
  const anyMethod = methods.includes('*') && !request.credentials;
  if (!SAFELISTED_METHODS.includes(request.method) && !anyMethod && !methods.includes(request.method))
    return `method ${request.method} not allowed`;
  const headers = list('Access-Control-Allow-Headers').map((h) => h.toLowerCase());
  const anyHeader = headers.includes('*') && !request.credentials;
  for (const name of request.headers) {
    if (SAFELISTED_HEADERS.includes(name.toLowerCase()) || anyHeader) continue;
    if (!headers.includes(name.toLowerCase())) return `header ${name} not allowed`;
  }
  return undefined;
}

/** The operations of a path as the spec writes them: method, the operation, and its x-gateway chain. */
function operationsOf(item: Block): [string, Block][] {
  return [
    ...VERBS.filter((v) => v in item).map((v): [string, Block] => [v.toUpperCase(), item[v] as Block]),
    ...('x-amazon-apigateway-any-method' in item
      ? [['ANY', item['x-amazon-apigateway-any-method'] as Block] as [string, Block]]
      : []),
  ];
}

/** The request headers an operation makes the browser send, read from the spec: auth, API key, header parameters. */
function requestHeaders(spec: Block, item: Block, operation: Block): string[] {
  const gateway = (spec['x-gateway'] ?? {}) as Block;
  const chain = [operation['x-gateway'], item['x-gateway'], gateway['defaults']].map((b) => (b ?? {}) as Block);
  const nearest = (key: string): unknown => chain.find((b) => key in b)?.[key];
  const auth = nearest('auth');
  const name = Array.isArray(auth) ? auth[0] : auth;
  const authorizer = ((gateway['authorizers'] ?? {}) as Record<string, Block>)[String(name)];
  const fromAuth =
    name === 'iam'
      ? ['Authorization', 'X-Amz-Date', 'X-Amz-Security-Token']
      : authorizer?.['type'] === 'request'
        ? ((authorizer['identity'] ?? []) as string[])
            .filter((s) => s.startsWith('header.'))
            .map((s) => s.slice('header.'.length))
        : authorizer
          ? [String(authorizer['header'] ?? 'Authorization')]
          : [];
  const parameters = [...((item['parameters'] ?? []) as Block[]), ...((operation['parameters'] ?? []) as Block[])];
  return [
    ...fromAuth,
    ...(nearest('apiKey') === true ? ['X-Api-Key'] : []),
    ...parameters.filter((p) => p['in'] === 'header').map((p) => String(p['name'])),
  ];
}

interface GatewayResponseSpec {
  readonly responseParameters?: Record<string, string>;
  readonly responseTemplates?: Record<string, string>;
  readonly statusCode?: string;
}
interface OperationBody {
  readonly responses: Record<string, { headers?: Record<string, unknown> }>;
  readonly security?: readonly unknown[];
  readonly 'x-amazon-apigateway-integration': {
    type: string;
    requestTemplates?: Record<string, string>;
    responses: Record<string, GatewayResponseSpec>;
  };
}

/** A response as the gateway sends it: the static header mappings, then the template's overrides. */
function answer(
  operation: OperationBody,
  response: GatewayResponseSpec,
  originHeader: Record<string, string>,
  payload: string,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(response.responseParameters ?? {})) {
    const name = key.replace('method.response.header.', '');
    // API Gateway refuses to map a header the method response does not declare.
    expect(operation.responses[String(response.statusCode)]?.headers, `${name} is declared`).toHaveProperty(name);
    headers[name] = value.replace(/^'|'$/g, '');
  }
  const template = response.responseTemplates?.['application/json'];
  if (template !== undefined)
    Object.assign(headers, renderTemplate(template, payload, { headers: originHeader }).headers);
  return headers;
}

/**
 * A gateway response as the gateway sends it: literals, and request headers looked up by the name as
 * written (API Gateway does not document a case-insensitive lookup, and HTTP/2 clients send `origin`).
 */
function gatewayAnswer(
  response: GatewayResponseSpec,
  request: Readonly<Record<string, string>>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(response.responseParameters ?? {})) {
    const name = key.replace('gatewayresponse.header.', '');
    const fromRequest = /^method\.request\.header\.(.+)$/.exec(value)?.[1];
    const sent = fromRequest === undefined ? value.replace(/^'|'$/g, '') : request[fromRequest];
    if (sent !== undefined) headers[name] = sent;
  }
  return headers;
}

async function checkFixture(fixture: string, allowed: string): Promise<void> {
  const input = `fixtures/${fixture}/openapi.yaml`;
  const spec = parse(readFileSync(input, 'utf8')) as Block;
  const cors = (spec['x-gateway'] as Block)['cors'] as {
    origins: string[];
    headers?: string[];
    credentials?: boolean;
    exposeHeaders?: string[];
  };
  const credentials = cors.credentials === true;
  const result = await compile(input);
  expect(result.template).toBeDefined();
  // An explicit header list is kept as written: the headers it leaves out are refused, with a warning.
  const allUsed = Object.values(spec['paths'] as Record<string, Block>).flatMap((item) =>
    operationsOf(item).flatMap(([, operation]) => requestHeaders(spec, item, operation)),
  );
  const unlisted = cors.headers
    ? allUsed.filter((h) => !cors.headers!.some((l) => l.toLowerCase() === h.toLowerCase()))
    : [];
  expect(result.diagnostics.some((d) => d.code === 'cors-header-not-allowed')).toBe(unlisted.length > 0);
  const api = Object.values(result.template!.Resources).find((r) => r.Type === 'AWS::ApiGateway::RestApi')!;
  const body = api.Properties!['Body'] as unknown as {
    paths: Record<string, Record<string, OperationBody>>;
    'x-amazon-apigateway-gateway-responses': Record<string, GatewayResponseSpec>;
  };
  const paths = body.paths;
  // The gateway's own errors (an authorizer's 401/403, 429, 5XX) are readable by the page, except with
  // several origins and credentials, where no gateway response can choose the origin.
  const gatewayResponses = body['x-amazon-apigateway-gateway-responses'];
  for (const type of new Set(['DEFAULT_4XX', 'DEFAULT_5XX', ...Object.keys(gatewayResponses)])) {
    expect(gatewayResponses[type], type).toBeDefined();
    for (const originName of ['Origin', 'origin']) {
      const sent = gatewayAnswer(gatewayResponses[type]!, { [originName]: allowed });
      if (cors.origins.length > 1 && credentials)
        expect(header(sent, 'Access-Control-Allow-Origin'), type).toBeUndefined();
      else expect(corsRefusal(sent, allowed, credentials), `${type} from ${allowed} (${originName})`).toBeUndefined();
      expect(header(sent, 'Access-Control-Expose-Headers'), type).toBe(cors.exposeHeaders?.join(','));
    }
  }
  for (const [path, item] of Object.entries(spec['paths'] as Record<string, Block>)) {
    const preflight = paths[path]!['options']!;
    // A preflight carries no credentials, API key or signature, so it must need none.
    expect(preflight.security, path).toEqual([]);
    const integration = preflight['x-amazon-apigateway-integration'];
    expect(integration.type, path).toBe('mock');
    expect(JSON.parse(integration.requestTemplates!['application/json']!).statusCode, path).toBe(200);
    expect(integration.responses['default']!.statusCode, path).toBe('200');
    for (const originName of ['Origin', 'origin']) {
      const ok = answer(preflight, integration.responses['default']!, { [originName]: allowed }, '');
      for (const [method, operation] of operationsOf(item)) {
        const headers = requestHeaders(spec, item, operation);
        const methods = method === 'ANY' ? ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'] : [method];
        for (const m of methods) {
          const used = headers.filter((h) => !unlisted.includes(h));
          expect(
            preflightRefusal(ok, { origin: allowed, method: m, headers: ['Content-Type', ...used], credentials }),
            `${path} ${m} from ${allowed} (${originName})`,
          ).toBeUndefined();
          for (const h of headers.filter((h) => unlisted.includes(h))) {
            expect(preflightRefusal(ok, { origin: allowed, method: m, headers: [h], credentials })).toBe(
              `header ${h} not allowed`,
            );
          }
        }
      }
      if (!operationsOf(item).some(([m]) => m === 'ANY' || m === 'DELETE')) {
        expect(preflightRefusal(ok, { origin: allowed, method: 'DELETE', headers: [], credentials }), path).toBe(
          'method DELETE not allowed',
        );
      }
      const refused = answer(preflight, integration.responses['default']!, { [originName]: REFUSED }, '');
      if (cors.origins[0] !== '*')
        expect(corsRefusal(refused, REFUSED, credentials), `${path} from ${REFUSED}`).toBeDefined();
      if (cors.origins.length > 1) expect(ok['Vary']).toBe('Origin');

      for (const [method] of operationsOf(item)) {
        const operation = paths[path]![method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase()]!;
        const { type, responses } = operation['x-amazon-apigateway-integration'];
        // Proxy integrations answer with the backend's headers.
        if (type !== 'mock' && type !== 'aws') continue;
        for (const response of Object.values(responses)) {
          const actual = answer(operation, response, { [originName]: allowed }, '{}');
          expect(
            corsRefusal(actual, allowed, credentials),
            `${method} ${path} ${response.statusCode} from ${allowed}`,
          ).toBeUndefined();
          expect(header(actual, 'Access-Control-Expose-Headers'), `${method} ${path} ${response.statusCode}`).toBe(
            cors.exposeHeaders?.join(','),
          );
          if (cors.origins[0] !== '*')
            expect(
              corsRefusal(answer(operation, response, { [originName]: REFUSED }, '{}'), REFUSED, credentials),
            ).toBeDefined();
        }
      }
    }
  }
}

describe('CORS as the browser sees it', () => {
  it('one origin with credentials, an explicit header list, mock, SQS and Lambda routes', () =>
    checkFixture('cors-single-origin', 'https://app.example.com'));
  it('several origins, each echoed, on the preflight and on mock and SQS responses', async () => {
    await checkFixture('cors-many-origins', 'https://app.example.com');
    await checkFixture('cors-many-origins', 'https://admin.example.com');
  });
  it('several origins with credentials, a token authorizer header and an API key', () =>
    checkFixture('cors-many-origins-credentials', 'http://localhost:3000'));
  it('origin * without credentials, IAM auth', () => checkFixture('gateway-responses', 'https://any.example.org'));

  it('echoes the Origin header only, never a query string of its name', () => {
    const template = originTemplate({
      origins: ['https://app.example.com', 'https://admin.example.com'],
      headers: [],
      exposeHeaders: [],
      credentials: true,
      origin: { file: 'f', pointer: '' },
    }) as string;
    const echoed = (request: Parameters<typeof renderTemplate>[2]): string | undefined =>
      renderTemplate(template, '', request).headers['Access-Control-Allow-Origin'];
    expect(echoed({ headers: { ORIGIN: 'https://app.example.com' } })).toBe('https://app.example.com');
    expect(echoed({ headers: { Origin: REFUSED }, query: { Origin: 'https://app.example.com' } })).toBeUndefined();
    expect(echoed({ query: { origin: 'https://app.example.com' } })).toBeUndefined();
  });
});
