/**
 * Parameter mapping, non-proxy and streamed Lambda integrations: what each renders to, the non-proxy
 * templates run in the Velocity stand-in with quotes, unicode, missing and hostile values, and the REST
 * Bodies of their fixtures checked as OpenAPI 3.0 independently of gateform.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpMapping, reservedHttpHeader, restMapping } from '../../src/integrations/mapping.js';
import { compile } from '../../src/index.js';
import type { Json } from '../../src/model/aws-value.js';
import type { MappedValue, ParameterMapping } from '../../src/model/ir.js';
import { renderTemplate } from '../support/apigateway-vtl.js';
import { openApi30Errors } from '../support/openapi30-check.js';

const origin = { file: 'openapi.yaml', pointer: '' };
const mapped = (entries: Record<string, string>): MappedValue[] =>
  Object.entries(entries).map(([name, value]) => ({ name, value, origin }));

const MAPPING: ParameterMapping = {
  headers: mapped({
    'X-Tenant': 'context.authorizer.tenant',
    'X-Caller': 'header.x-caller',
    'X-Static': '\'it is "static"\'',
  }),
  query: mapped({ view: 'query.format', region: 'stageVariables.region' }),
  path: mapped({ id: 'path.orderId' }),
  responseHeaders: mapped({
    'X-Version': 'header.x-version',
    'X-Source': 'body.meta.source',
    'X-Id': 'context.requestId',
  }),
};

describe('parameter mapping', () => {
  it('writes REST sources as API Gateway reads them, with the declared spelling of a header', () => {
    const rest = restMapping({ parameters: [{ name: 'X-Caller', in: 'header', required: false, origin }] }, MAPPING);
    expect(rest.requestParameters).toEqual({
      'integration.request.header.X-Tenant': 'context.authorizer.tenant',
      'integration.request.header.X-Caller': 'method.request.header.X-Caller',
      'integration.request.header.X-Static': '\'it is "static"\'',
      'integration.request.querystring.view': 'method.request.querystring.format',
      'integration.request.querystring.region': 'stageVariables.region',
      'integration.request.path.id': 'method.request.path.orderId',
    });
    expect(rest.requestHeaders).toEqual(['X-Caller']);
    expect(rest.requestQuery).toEqual(['format']);
    expect(rest.responseParameters).toEqual({
      'method.response.header.X-Version': 'integration.response.header.x-version',
      'method.response.header.X-Source': 'integration.response.body.meta.source',
      'method.response.header.X-Id': 'context.requestId',
    });
    expect(rest.responseHeaders).toEqual(['X-Version', 'X-Source', 'X-Id']);
  });

  it('writes HTTP API sources unquoted, response headers for each declared status', () => {
    const http = httpMapping({ responses: ['200', '404', 'default'] }, { ...MAPPING, path: [] });
    expect(http.requestParameters).toEqual({
      'overwrite:header.X-Tenant': '$context.authorizer.tenant',
      'overwrite:header.X-Caller': '$request.header.x-caller',
      'overwrite:header.X-Static': 'it is "static"',
      'overwrite:querystring.view': '$request.querystring.format',
      'overwrite:querystring.region': '$stageVariables.region',
    });
    const headers = {
      'overwrite:header.X-Version': '$response.header.x-version',
      'overwrite:header.X-Source': '$response.body.meta.source',
      'overwrite:header.X-Id': '$context.requestId',
    };
    expect(http.responseParameters).toEqual({ '200': headers, '404': headers });
    expect(httpMapping({ responses: ['default'] }, { ...MAPPING, headers: [], query: [], path: [] })).toEqual({
      responseParameters: { '200': headers },
    });
  });

  it('knows the headers HTTP APIs reserve, by name and by prefix, without case', () => {
    for (const name of [
      'Authorization',
      'content-length',
      'X-Amz-Date',
      'x-amzn-trace-id',
      'Access-Control-Allow-Origin',
      'Via',
    ])
      expect(reservedHttpHeader(name), name).toBe(true);
    for (const name of ['X-Tenant-Id', 'X-Amazing', 'Vias', 'Authorization-Hint'])
      expect(reservedHttpHeader(name), name).toBe(false);
  });
});

/** The REST integrations of a fixture, by `METHOD /path`. */
async function restIntegrations(
  fixture: string,
): Promise<{ body: Record<string, unknown>; of: (route: string) => Record<string, Json> }> {
  const result = await compile(join('fixtures', fixture, 'openapi.yaml'));
  const api = Object.values(result.template!.Resources).find((r) => r.Type === 'AWS::ApiGateway::RestApi')!;
  const body = api.Properties!['Body'] as Record<string, unknown>;
  return {
    body,
    of: (route) => {
      const [method, path] = route.split(' ') as [string, string];
      const paths = body['paths'] as Record<string, Record<string, Record<string, Json>>>;
      return paths[path]![method.toLowerCase()]!['x-amazon-apigateway-integration'] as Record<string, Json>;
    },
  };
}

const HOSTILE = [
  'it\'s "quoted"\\ and \u0000',
  'Grüße ✓ 日本 🚀',
  '$context.requestId #set($x = 1) ${stageVariables.secret}',
  '</script><b>&amp;</b>',
];

describe('non-proxy Lambda integrations', () => {
  it('answers a function error with its own message: never the error message or the stack trace', async () => {
    const { of } = await restIntegrations('lambda-non-proxy');
    const responses = of('GET /quotes/{symbol}')['responses'] as Record<string, Record<string, Record<string, string>>>;
    const template = responses['.+']!['responseTemplates']!['application/json']!;
    for (const message of [...HOSTILE, '']) {
      const error = JSON.stringify({
        errorMessage: message,
        errorType: 'Error',
        stackTrace: ['at secret (/var/task/index.js:1)'],
      });
      const answer = JSON.parse(renderTemplate(template, error).text) as Record<string, string>;
      expect(answer).toEqual({
        message: 'The function could not handle the request.',
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      });
    }
  });

  it("passes the user's templates through as written: they map quotes, unicode and missing values as Velocity does", async () => {
    const { of } = await restIntegrations('lambda-non-proxy');
    const integration = of('GET /quotes/{symbol}');
    expect(integration['type']).toBe('aws');
    expect(integration['passthroughBehavior']).toBe('never');
    const request = (integration['requestTemplates'] as Record<string, string>)['application/json']!;
    for (const symbol of HOSTILE) {
      const event = JSON.parse(renderTemplate(request, '', { path: { symbol } }).text) as Record<string, string>;
      expect(event['symbol']).toBe(symbol);
    }
    expect(JSON.parse(renderTemplate(request, '', {}).text)).toEqual({
      symbol: '',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });
    const responses = integration['responses'] as Record<string, Record<string, Record<string, string>>>;
    const response = responses['default']!['responseTemplates']!['application/json']!;
    const quote = JSON.parse(renderTemplate(response, JSON.stringify({ symbol: HOSTILE[0], price: 1.5 })).text);
    expect(quote).toEqual({ symbol: HOSTILE[0], price: 1.5 });
  });

  it('without a request template passes the body on, and declares the statuses it answers', async () => {
    const { body, of } = await restIntegrations('lambda-non-proxy');
    const integration = of('POST /quotes');
    expect(integration['passthroughBehavior']).toBe('when_no_templates');
    expect(integration['requestTemplates']).toBeUndefined();
    type Responses = Record<string, Record<string, unknown>>;
    const paths = body['paths'] as Record<string, Record<string, { responses: Responses }>>;
    expect(Object.keys(paths['/quotes']!['post']!.responses)).toEqual(['201', '500']);
    expect(paths['/quotes/{symbol}']!['get']!.responses['200']!['headers']).toEqual({
      'Cache-Control': { schema: { type: 'string' } },
      'X-Quote-Source': { schema: { type: 'string' } },
    });
  });
});

describe('streamed Lambda integrations', () => {
  it('invoke the function by the streaming URI, STREAM, with the timeout a stream allows', async () => {
    const { of } = await restIntegrations('lambda-stream');
    const integration = of('POST /completions');
    expect(integration).toMatchObject({ type: 'aws_proxy', responseTransferMode: 'STREAM', timeoutInMillis: 900000 });
    expect(JSON.stringify(integration['uri'])).toContain(
      'lambda:path/2021-11-15/functions/${CompletionFunctionArn}/response-streaming-invocations',
    );
    expect(of('GET /exports/{exportId}')['timeoutInMillis']).toBe(600000);
  });
});

describe('REST Bodies of the fixtures are OpenAPI 3.0', () => {
  for (const fixture of ['mapping-rest', 'lambda-non-proxy', 'lambda-stream']) {
    it(fixture, async () => {
      expect(existsSync(join('fixtures', fixture, 'openapi.yaml'))).toBe(true);
      const { body } = await restIntegrations(fixture);
      expect(openApi30Errors(body)).toEqual([]);
    });
  }
});
