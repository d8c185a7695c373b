/** What keeps a large API deployable: shared invoke permissions, and CloudFormation's template quotas. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { MAX_ROUTE_PERMISSIONS } from '../../src/integrations/lambda.js';
import { tempDir } from '../support/temp.js';

/** A spec with `count` GET routes, the i-th served by `fn(i)`. */
async function compileRoutes(count: number, fn: (i: number) => string, extra = '') {
  const paths = Array.from(
    { length: count },
    (_, i) =>
      `  /r${i}:\n    get:\n      x-gateway: { integration: { lambda: "${fn(i)}" } }\n      responses: { '200': { description: ok } }\n`,
  ).join('');
  const dir = tempDir('gateform-');
  const path = join(dir, 'openapi.yaml');
  writeFileSync(path, `openapi: 3.0.3\ninfo: { title: Big, version: "1"${extra} }\npaths:\n${paths}`);
  return compile(path);
}

function permissions(resources: Record<string, { Type: string; Properties?: unknown }> | undefined) {
  return Object.values(resources ?? {}).filter((r) => r.Type === 'AWS::Lambda::Permission');
}

describe('Lambda permissions', () => {
  it(`gives each route its own permission up to ${MAX_ROUTE_PERMISSIONS} routes per function`, async () => {
    const result = await compileRoutes(MAX_ROUTE_PERMISSIONS, () => '${ApiFunctionArn}');
    expect(permissions(result.template?.Resources)).toHaveLength(MAX_ROUTE_PERMISSIONS);
    expect(result.diagnostics).toEqual([]);
  });

  it('gives a function that serves more routes one permission for the whole API, and says why', async () => {
    const result = await compileRoutes(MAX_ROUTE_PERMISSIONS + 1, () => '${ApiFunctionArn}');
    expect(result.template?.Resources['BigApiApiFunctionArnInvokePermission']).toEqual({
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: { Ref: 'ApiFunctionArn' },
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${BigApi}/*/*/*' },
      },
    });
    expect(permissions(result.template?.Resources)).toHaveLength(1);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.location?.pointer])).toEqual([
      ['lambda-permission-api-wide', 'info', '/paths/~1r0/get/x-gateway/integration/lambda'],
    ]);
  });
});

describe('template quotas', () => {
  it('refuses more than 500 resources', async () => {
    const result = await compileRoutes(520, (i) => `arn:aws:lambda:eu-west-1:123456789012:function:f${i}`);
    expect(result.template).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.code === 'template-quota-exceeded').map((d) => d.message)).toEqual([
      'The template has 523 Resources; CloudFormation allows at most 500.',
    ]);
  });

  it('refuses more than 200 parameters', async () => {
    const result = await compileRoutes(201, (i) => `\${Fn${i}}`);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'The template has 201 Parameters; CloudFormation allows at most 200.',
    ]);
  });

  it('refuses a template over 1 MB', async () => {
    const result = await compileRoutes(1, () => '${ApiFunctionArn}', `, description: "${'x'.repeat(1_000_000)}"`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['template-quota-exceeded']);
    expect(result.diagnostics[0]?.message).toMatch(/^The template is \d+ bytes even as minified JSON/);
  });
});
