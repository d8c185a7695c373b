/** Messages give the fix when it can be derived from what was written: the nearest allowed value, or where a setting belongs. */
import { describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/lint/engine.js';
import { nearestFix } from '../../src/lint/rules/nearest-value.js';
import { loadText } from '../../src/load/load-document.js';

describe('nearestFix', () => {
  it.each([
    ['when_no_template', ['when_no_match', 'when_no_templates', 'never'], ' Write `when_no_templates`.'],
    ['VPCLINK', ['INTERNET', 'VPC_LINK'], ' Write `VPC_LINK`.'],
    ['convert_to_text', ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'], ' Write `CONVERT_TO_TEXT`.'],
    ['http-proxy', ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'], ' Write `http_proxy`.'],
    ['TOKN', ['token', 'request', 'TOKEN', 'REQUEST'], ' Write `TOKEN`.'],
    ['tokn', ['token', 'request', 'TOKEN', 'REQUEST'], ' Write `token`.'],
    ['sometimes', ['when_no_match', 'when_no_templates', 'never'], ''],
    [undefined, ['a'], ''],
  ])('%s → %j', (value, allowed, fix) => {
    expect(nearestFix(value, allowed)).toBe(fix);
  });

  it('takes aliases first', () => {
    expect(nearestFix('lambda', ['aws', 'aws_proxy'], { lambda: 'aws_proxy' })).toBe(' Write `aws_proxy`.');
  });
});

const HEAD = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\n';

async function messages(text: string): Promise<string[]> {
  const { loaded } = await loadText('t.yaml', text);
  return lintDocument(loaded!, undefined, { preset: 'recommended', rules: {}, ignores: [], root: '.' }).map(
    (d) => `${d.code}: ${d.message}`,
  );
}

/** Each rule's message ends with its fix, once. */
async function expectFixes(text: string, fixes: readonly (readonly [string, string])[]): Promise<void> {
  const found = await messages(text);
  for (const [code, fix] of fixes)
    expect(
      found.filter((m) => m.startsWith(`${code}: `) && m.endsWith(fix)),
      `${code} ${fix}`,
    ).toHaveLength(1);
}

describe('derived fixes in messages', () => {
  it('names the nearest value of raw integration and authorizer settings', async () => {
    const text = `${HEAD}paths:\n  /a:\n    get:\n      security: [{ a: [] }]\n      responses: { "200": { description: ok } }\n      x-amazon-apigateway-integration: { type: lambda, httpMethod: POST, uri: "https://x", passthroughBehavior: WHEN_NO_TEMPLATE, contentHandling: convert_to_binary, connectionType: VPCLINK, connectionId: v }\ncomponents:\n  securitySchemes:\n    a: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: { type: requests, authorizerUri: "\${uri}" } }\n`;
    await expectFixes(text, [
      ['integration-type', 'Write `aws_proxy`.'],
      ['integration-passthrough', 'Write `when_no_templates`.'],
      ['integration-content-handling', 'Write `CONVERT_TO_BINARY`.'],
      ['extension-schema', 'Write `VPC_LINK`.'],
      ['extension-schema', 'Write `request`.'],
    ]);
  });

  it('names the HTTP verb and the auth type meant', async () => {
    const text = `${HEAD}paths:\n  /a:\n    get:\n      x-amazon-apigateway-auth: { type: IAM }\n      responses: { "200": { description: ok } }\n      x-amazon-apigateway-integration: { type: http, httpMethod: GETT, uri: "https://x", responses: { default: { statusCode: "200" } } }\n`;
    await expectFixes(text, [
      ['integration-http-method', 'Write `GET`.'],
      ['extension-schema', 'must be NONE or AWS_IAM (in any case). Write `AWS_IAM`.'],
    ]);
  });

  it('says where an endpoint type written in the endpoint configuration belongs, with its value', async () => {
    const servers =
      'servers: [ { url: "https://x", x-amazon-apigateway-endpoint-configuration: { types: [PRIVATE] } } ]\n';
    expect((await messages(`${HEAD}${servers}paths: {}\n`)).filter((m) => m.startsWith('extension-schema'))).toEqual([
      'extension-schema: x-amazon-apigateway-endpoint-configuration has no endpoint type (`types`): a REST API gets its type where it is created, EDGE by default. Write `EndpointConfiguration: { Types: [PRIVATE] }` on the CloudFormation `AWS::ApiGateway::RestApi`.',
    ]);
  });
});
