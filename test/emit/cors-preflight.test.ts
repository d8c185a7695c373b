/**
 * The CORS preflight answer matches what a browser requires (the CORS protocol's preflight check,
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch) for the methods and headers the API uses.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { renderTemplate } from '../support/apigateway-vtl.js';

interface Preflight {
  readonly origin: string;
  readonly method: string;
  readonly headers: readonly string[];
  readonly credentials: boolean;
}

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];
const SAFELISTED_HEADERS = ['accept', 'accept-language', 'content-language'];

/** The browser's verdict on a preflight response: undefined when allowed, else why not. */
function browserRefusal(response: Readonly<Record<string, string>>, request: Preflight): string | undefined {
  const header = (name: string): string | undefined => Object.entries(response).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const list = (name: string): string[] => (header(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const allowOrigin = header('Access-Control-Allow-Origin');
  if (allowOrigin === undefined) return 'no Access-Control-Allow-Origin';
  if (allowOrigin === '*' ? request.credentials : allowOrigin !== request.origin) return `origin ${allowOrigin} does not match`;
  if (request.credentials && header('Access-Control-Allow-Credentials') !== 'true') return 'credentials not allowed';
  const methods = list('Access-Control-Allow-Methods');
  const anyMethod = methods.includes('*') && !request.credentials;
  if (!SAFELISTED_METHODS.includes(request.method) && !anyMethod && !methods.includes(request.method)) return `method ${request.method} not allowed`;
  const headers = list('Access-Control-Allow-Headers').map((h) => h.toLowerCase());
  const anyHeader = headers.includes('*') && !request.credentials;
  for (const name of request.headers) {
    if (SAFELISTED_HEADERS.includes(name.toLowerCase()) || anyHeader) continue;
    if (!headers.includes(name.toLowerCase())) return `header ${name} not allowed`;
  }
  return undefined;
}

/** The OPTIONS method's answer as the gateway sends it: static header mappings plus the template's overrides. */
async function preflightAnswer(fixture: string, path: string, origin: string): Promise<Record<string, string>> {
  const result = await compile(`fixtures/${fixture}/openapi.yaml`);
  expect(result.template).toBeDefined();
  const api = Object.values(result.template!.Resources).find((r) => r.Type === 'AWS::ApiGateway::RestApi')!;
  const body = api.Properties!['Body'] as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }>; 'x-amazon-apigateway-integration': { type: string; responses: { default: { responseParameters: Record<string, string>; responseTemplates?: Record<string, string> } } } }>> };
  const options = body.paths[path]!['options']!;
  const integration = options['x-amazon-apigateway-integration'];
  expect(integration.type).toBe('mock');
  const answer: Record<string, string> = {};
  for (const [key, value] of Object.entries(integration.responses.default.responseParameters)) {
    const name = key.replace('method.response.header.', '');
    // API Gateway refuses to map a header the method response does not declare.
    expect(options.responses['200']!.headers, `${name} is declared`).toHaveProperty(name);
    answer[name] = value.replace(/^'|'$/g, '');
  }
  const template = integration.responses.default.responseTemplates?.['application/json'];
  if (template !== undefined) {
    const context = renderTemplate(template, '', { headers: { Origin: origin } });
    Object.assign(answer, context.headers);
  }
  return answer;
}

describe('CORS preflight', () => {
  it('one origin with credentials: the methods and headers the API uses pass, others do not', async () => {
    const origin = 'https://app.example.com';
    const answer = await preflightAnswer('cors-single-origin', '/pets', origin);
    for (const method of ['GET', 'POST', 'OPTIONS']) {
      expect(browserRefusal(answer, { origin, method, headers: ['Content-Type', 'authorization'], credentials: true }), method).toBeUndefined();
    }
    expect(browserRefusal(answer, { origin, method: 'DELETE', headers: [], credentials: true })).toBe('method DELETE not allowed');
    expect(browserRefusal(answer, { origin, method: 'GET', headers: ['X-Custom'], credentials: true })).toBe('header X-Custom not allowed');
    expect(browserRefusal(answer, { origin: 'https://evil.example.com', method: 'GET', headers: [], credentials: true })).toMatch(/does not match/);
    expect(answer['Access-Control-Max-Age']).toBe('600');
  });

  it('several origins: each is echoed, any other gets no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://app.example.com', 'https://admin.example.com']) {
      const answer = await preflightAnswer('cors-many-origins', '/{proxy+}', origin);
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
        expect(browserRefusal(answer, { origin, method, headers: ['Content-Type', 'X-Api-Key'], credentials: false }), `${origin} ${method}`).toBeUndefined();
      }
      expect(answer['Vary']).toBe('Origin');
    }
    const other = await preflightAnswer('cors-many-origins', '/{proxy+}', 'https://evil.example.com');
    expect(browserRefusal(other, { origin: 'https://evil.example.com', method: 'GET', headers: [], credentials: false })).toBe('no Access-Control-Allow-Origin');
  });

  it('origin * without credentials', async () => {
    const answer = await preflightAnswer('gateway-responses', '/things', 'https://any.example.org');
    expect(browserRefusal(answer, { origin: 'https://any.example.org', method: 'GET', headers: ['Authorization'], credentials: false })).toBeUndefined();
    expect(browserRefusal(answer, { origin: 'https://any.example.org', method: 'GET', headers: [], credentials: true })).toMatch(/does not match/);
  });
});
