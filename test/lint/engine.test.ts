/** The lint engine: what it checks after a failure, on which documents, and which rules run where. */
import { writeFileSync } from 'node:fs';
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
