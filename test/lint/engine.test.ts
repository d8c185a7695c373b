/** The lint engine: what it checks after a failure, on which documents, and which rules run where. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { DEFAULT_CONFIG, type LintConfig } from '../../src/lint/config.js';
import { tempDir } from '../support/temp.js';

const HEAD = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\n';
const STRICT: LintConfig = { ...DEFAULT_CONFIG, preset: 'strict' };

async function codes(text: string, config: LintConfig = DEFAULT_CONFIG, name = 'spec.yaml'): Promise<string[]> {
  const path = join(tempDir('gateform-engine-'), name);
  writeFileSync(path, text);
  return (await lint(path, config)).diagnostics.map((d) => `${d.code} ${d.location?.pointer ?? ''}`);
}

describe('lint engine', () => {
  it('reports a $ref that names nothing and checks the rest of the document', async () => {
    const text = `${HEAD}paths:\n  /a/{id}:\n    get:\n      x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200" } } }\n      responses: { "200": { $ref: "#/components/responses/Nope" } }\n`;
    expect(await codes(text)).toEqual([
      'unresolved-ref /paths/~1a~1{id}/get/responses/200/$ref',
      'path-param-undeclared /paths/~1a~1{id}/get',
    ]);
  });

  it('says a finding at a place several operations share once, where it is written', async () => {
    const text = `${HEAD}x-gateway:\n  api: { name: t }\n  defaults:\n    integration: { http: "http://b.example.com/{proxy}" }\npaths:\n  /a:\n    get: { responses: { "200": { description: ok } } }\n  /b:\n    get: { responses: { "200": { description: ok } } }\n`;
    expect((await codes(text)).filter((c) => c.startsWith('http-backend-insecure'))).toEqual([
      'http-backend-insecure /x-gateway/defaults/integration/http',
    ]);
  });

  it('reports a malformed $ref and checks the rest of the document', async () => {
    const text = `${HEAD}paths:\n  /a:\n    post:\n      parameters: [{ $ref: "#/%zz" }]\n      responses: { "200": { $ref: "#/%zz" } }\n`;
    expect(await codes(text)).toEqual([
      'unresolved-ref /paths/~1a/post/parameters/0/$ref',
      'unresolved-ref /paths/~1a/post/responses/200/$ref',
      'integration-missing /paths/~1a/post',
    ]);
  });

  it('reports each external $ref that is not read, and checks the rest of the document', async () => {
    const dir = tempDir('gateform-engine-');
    mkdirSync(join(dir, 'project'));
    writeFileSync(join(dir, 'project', 'package.json'), '{}');
    writeFileSync(join(dir, 'outside.yaml'), 'Bad: { description: bad }\n');
    writeFileSync(join(dir, 'project', 'shared.yaml'), 'Ok: { description: ok }\n');
    writeFileSync(join(dir, 'project', 'broken.yaml'), 'Bad: { description: [\n');
    const path = join(dir, 'project', 'spec.yaml');
    writeFileSync(
      path,
      `${HEAD}paths:\n  /a:\n    post:\n` +
        '      requestBody: { $ref: "https://example.com/body.yaml" }\n' +
        '      responses:\n' +
        '        "200": { $ref: "./shared.yaml#/Ok" }\n' +
        '        "400": { $ref: "../outside.yaml#/Bad" }\n' +
        '        "404": { $ref: "./missing.yaml#/Nope" }\n' +
        '        "500": { $ref: "./broken.yaml#/Bad" }\n' +
        '      x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: GET, uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations" }\n',
    );
    const { diagnostics } = await lint(path, DEFAULT_CONFIG);
    expect(diagnostics.map((d) => `${d.code} ${d.location?.pointer ?? ''}`)).toEqual([
      'ref-refused /paths/~1a/post/requestBody/$ref',
      'ref-refused /paths/~1a/post/responses/400/$ref',
      'unresolved-ref /paths/~1a/post/responses/404/$ref',
      'syntax-error ',
      'integration-http-method /paths/~1a/post/x-amazon-apigateway-integration/httpMethod',
    ]);
  });

  it('checks a Swagger 2.0 document as a REST API, at the places it was written', async () => {
    const text =
      'swagger: "2.0"\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    post:\n' +
      '      parameters: [{ in: body, name: b, schema: { type: object } }]\n' +
      '      responses: { "200": { description: ok } }\n' +
      '      x-amazon-apigateway-request-validator: all\n' +
      '      x-amazon-apigateway-integration:\n' +
      '        type: http\n        httpMethod: POST\n        uri: https://example.com\n' +
      '        requestParameters: { integration.request.header.x-id: method.request.header.x-id }\n' +
      '        responses: { default: { statusCode: "200" } }\n' +
      'x-amazon-apigateway-request-validators: { all: { validateRequestBody: true, validateRequestParameters: true } }\n' +
      'x-gateway: { api: { name: t } }\n';
    expect(await codes(text)).toEqual([
      'unsupported-openapi-version /x-gateway',
      'mapping-undeclared /paths/~1a/post/x-amazon-apigateway-integration/requestParameters/integration.request.header.x-id',
    ]);
  });

  it('runs the stage rules only where stage settings can be written (x-gateway)', async () => {
    const raw = `${HEAD}paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: { type: mock }\n      security: [{ iam: [] }]\n      responses: { "200": { description: ok } }\ncomponents:\n  securitySchemes:\n    iam: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }\n`;
    expect((await codes(raw, STRICT)).filter((c) => c.startsWith('stage-'))).toEqual([]);
    const gateway = `${HEAD}x-gateway:\n  stage: { name: prod }\n  defaults: { auth: iam }\npaths:\n  /a:\n    get:\n      x-gateway: { integration: { mock: {} } }\n      responses: { "200": { description: ok } }\n`;
    expect((await codes(gateway, STRICT)).filter((c) => /^stage-(access-logs|throttling) /.test(c))).toEqual([
      'stage-access-logs /x-gateway/stage',
      'stage-throttling /x-gateway/stage',
    ]);
  });

  it('prints the any-method as ANY', async () => {
    const path = join(tempDir('gateform-engine-'), 'spec.yaml');
    writeFileSync(
      path,
      `${HEAD}paths:\n  /:\n    x-amazon-apigateway-any-method:\n      responses: { "200": { description: ok } }\n`,
    );
    const messages = (await lint(path, DEFAULT_CONFIG)).diagnostics.map((d) => d.message);
    expect(messages).toEqual([expect.stringContaining('ANY / has no integration')]);
  });

  it('reports a function ARN as a Lambda URI once, with the invocation URI to write', async () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:pets';
    const text = `${HEAD}paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: "${arn}" }\n      responses: { "200": { description: ok } }\n`;
    const path = join(tempDir('gateform-engine-'), 'spec.yaml');
    writeFileSync(path, text);
    const found = (await lint(path, DEFAULT_CONFIG)).diagnostics.filter((d) => d.location?.pointer.endsWith('/uri'));
    expect(found.map((d) => d.code)).toEqual(['lambda-invocation-uri']);
    expect(found[0]?.message).toContain(
      `\`arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${arn}/invocations\``,
    );
  });
});
