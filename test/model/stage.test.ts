/** Stage and custom domain checks that golden fixtures do not show well: quotas and multi-line formats. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { tempDir } from '../support/temp.js';

async function compileWith(gateway: Record<string, unknown>) {
  const path = join(tempDir('gateform-stage-'), 'openapi.yaml');
  const paths = { '/x': { get: { responses: { '200': { description: 'ok' } } } } };
  writeFileSync(
    path,
    stringify({
      openapi: '3.0.3',
      info: { title: 'Stage', version: '1' },
      'x-gateway': { defaults: { integration: { mock: {} } }, ...gateway },
      paths,
    }),
  );
  return compile(path);
}

async function compileGateway(gateway: Record<string, unknown>) {
  return (await compileWith(gateway)).diagnostics.map((d) => `${d.severity} ${d.code} ${d.location?.pointer}`);
}

const rules = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ priority: i + 1, when: { basePaths: [`v${i}`] }, to: { api: 'self' } }));

describe('stage and domain checks', () => {
  it.each([
    [50, []],
    [51, ['warning routing-rules-over-quota /x-gateway/domain/routing']],
  ])('%i routing rules on a domain', async (count, want) => {
    expect(
      await compileGateway({
        domain: { name: 'api.example.com', certificate: '${CertificateArn}', routing: rules(count) },
      }),
    ).toEqual(want);
  });

  const domain = (settings: Record<string, unknown>) => ({
    domain: { name: 'api.example.com', certificate: '${CertificateArn}', ...settings },
  });
  it.each([
    [{ securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'STRICT' }, []],
    [{ endpoint: 'edge', securityPolicy: 'SecurityPolicy_TLS13_2025_EDGE', endpointAccessMode: 'BASIC' }, []],
    [
      { securityPolicy: 'SecurityPolicy_TLS12_2018_EDGE', endpointAccessMode: 'STRICT' },
      ['error domain-security-policy-endpoint /x-gateway/domain/securityPolicy'],
    ],
    [
      { endpoint: 'edge', securityPolicy: 'SecurityPolicy_TLS13_1_2_2021_06', endpointAccessMode: 'STRICT' },
      ['error domain-security-policy-endpoint /x-gateway/domain/securityPolicy'],
    ],
    [
      { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' },
      ['error domain-endpoint-access-mode-missing /x-gateway/domain/securityPolicy'],
    ],
    [
      { endpointAccessMode: 'STRICT' },
      ['error domain-endpoint-access-mode-legacy /x-gateway/domain/endpointAccessMode'],
    ],
    [
      { securityPolicy: 'SecurityPolicy_TLS13_1_2_2021_06', endpointAccessMode: 'STRICT', basePath: 'v1/orders' },
      ['error domain-multi-level-base-path /x-gateway/domain/basePath'],
    ],
  ])('domain security policy %j', async (settings, want) => {
    expect(await compileGateway(domain(settings))).toEqual(want);
  });

  const trusted = { truststore: 's3://ca-bucket/truststore.pem' };
  it.each([
    [{ api: { disableDefaultEndpoint: true }, ...domain({ mtls: trusted }) }, []],
    [domain({ mtls: trusted }), ['warning domain-mtls-default-endpoint /x-gateway/domain/mtls']],
    [
      { api: { endpoint: 'edge', disableDefaultEndpoint: true }, ...domain({ endpoint: 'edge', mtls: trusted }) },
      ['error domain-mtls-edge /x-gateway/domain/mtls'],
    ],
    [
      { api: { disableDefaultEndpoint: true }, ...domain({ securityPolicy: 'TLS_1_0', mtls: trusted }) },
      ['error domain-mtls-security-policy /x-gateway/domain/mtls'],
    ],
    [
      {
        api: { disableDefaultEndpoint: true },
        ...domain({ securityPolicy: 'SecurityPolicy_TLS13_1_2_2021_06', endpointAccessMode: 'STRICT', mtls: trusted }),
      },
      ['error domain-mtls-security-policy /x-gateway/domain/mtls'],
    ],
  ])('domain mutual TLS %j', async (gateway, want) => {
    expect(await compileGateway(gateway)).toEqual(want);
  });

  it.each([
    [
      { endpoint: 'private', vpcEndpoints: ['${VpceId}'], ipAddressType: 'ipv4' },
      ['error ip-address-type-private /x-gateway/api/ipAddressType'],
    ],
    [{ endpoint: 'private', vpcEndpoints: ['${VpceId}'], ipAddressType: 'dualstack' }, []],
  ])('api.ipAddressType %j', async (api, want) => {
    expect((await compileGateway({ api })).filter((d) => d.startsWith('error'))).toEqual(want);
  });

  it('refuses a truststore that is not an S3 URI', async () => {
    const found = await compileGateway({
      api: { disableDefaultEndpoint: true },
      ...domain({ mtls: { truststore: 'https://ca-bucket.s3.amazonaws.com/truststore.pem' } }),
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^error \S+ \/x-gateway\/domain\/mtls\/truststore$/);
  });

  it.each([
    [
      { securityPolicy: 'SecurityPolicy_TLS13_1_2_2021_06' },
      'error rest-only-setting /x-gateway/domain/securityPolicy',
    ],
    [{ endpointAccessMode: 'STRICT' }, 'error rest-only-setting /x-gateway/domain/endpointAccessMode'],
  ])('HTTP API domain refuses %j', async (settings, want) => {
    expect(await compileGateway({ api: { type: 'http' }, ...domain(settings) })).toContain(want);
  });

  it.each([
    [
      'arn:aws:firehose:eu-west-1:123456789012:deliverystream/api-logs',
      ['error access-log-firehose-name /x-gateway/stage/accessLog/destination'],
    ],
    ['arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/amazon-apigateway-logs', []],
    ['arn:aws:firehose:eu-west-1:123456789012:deliverystream/${StreamName}', []],
  ])('access logs to Firehose stream %s', async (destination, want) => {
    expect(await compileGateway({ stage: { accessLog: { format: 'clf', destination } } })).toEqual(want);
  });

  it('refuses an access log format on several lines', async () => {
    expect(
      await compileGateway({
        stage: {
          accessLog: { format: '$context.requestId\n$context.status' },
          logging: { level: 'off', accountRole: true },
        },
      }),
    ).toEqual(['error access-log-format-multiline /x-gateway/stage/accessLog/format']);
  });
});

describe('static header values', () => {
  it('a gateway response header is a mapping expression only when it is wholly one', async () => {
    const result = await compileWith({
      gatewayResponses: {
        DEFAULT_4XX: {
          headers: {
            'X-Text': 'context.requestId is here',
            'X-Id': 'context.requestId',
            'X-Auth': 'method.request.header.Authorization',
            'X-Quoted': "'as is'",
            'X-Plain': 'max-age=60',
          },
        },
      },
    });
    const api = Object.values(result.template!.Resources).find((r) => r.Type === 'AWS::ApiGateway::RestApi')!;
    const responses = (
      api.Properties!['Body'] as Record<string, Record<string, { responseParameters: Record<string, string> }>>
    )['x-amazon-apigateway-gateway-responses']!;
    expect(responses['DEFAULT_4XX']!.responseParameters).toMatchObject({
      'gatewayresponse.header.X-Text': "'context.requestId is here'",
      'gatewayresponse.header.X-Id': 'context.requestId',
      'gatewayresponse.header.X-Auth': 'method.request.header.Authorization',
      'gatewayresponse.header.X-Quoted': "'as is'",
      'gatewayresponse.header.X-Plain': "'max-age=60'",
    });
  });

  it.each([
    [
      'a quote in a gateway response header',
      { gatewayResponses: { DEFAULT_4XX: { headers: { 'X-A': "'Content-Type,X-Foo','X-Evil'" } } } },
      'error header-value-invalid /x-gateway/gatewayResponses/DEFAULT_4XX/headers/X-A',
    ],
    [
      'a line break in a gateway response header',
      { gatewayResponses: { DEFAULT_5XX: { headers: { 'X-A': 'a\r\nSet-Cookie: x=1' } } } },
      'error header-value-invalid /x-gateway/gatewayResponses/DEFAULT_5XX/headers/X-A',
    ],
    [
      'a comma and quotes in a CORS header name',
      { cors: { origins: ['https://app.example.com'], headers: ['Content-Type', "Content-Type,X-Foo','X-Evil"] } },
      'error cors-header-name /x-gateway/cors/headers/1',
    ],
    [
      'a space in an exposed header name',
      { cors: { origins: ['https://app.example.com'], exposeHeaders: ['X-Request-Id X'] } },
      'error cors-header-name /x-gateway/cors/exposeHeaders/0',
    ],
  ])('refuses %s', async (_name, gateway, want) => {
    expect((await compileGateway(gateway)).filter((d) => d.startsWith('error'))).toEqual([want]);
  });

  it.each([
    [{ stages: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, {}])) }, []],
    [
      { stages: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`s${i}`, {}])) },
      ['warning stages-over-quota /x-gateway/stages'],
    ],
    // A shared setting is checked for each stage, and reported once, where it is written.
    [
      { stage: { accessLog: { format: '$context.status' } }, stages: { a: {}, b: {} } },
      [
        'error access-log-format-without-request-id /x-gateway/stage/accessLog/format',
        'warning cloudwatch-role-required /x-gateway/stage/accessLog',
      ],
    ],
    [
      { stage: { accessLog: {} }, stages: { a: { accessLog: { format: '$context.status' } }, b: {} } },
      [
        'error access-log-format-without-request-id /x-gateway/stages/a/accessLog/format',
        'warning cloudwatch-role-required /x-gateway/stages/a/accessLog',
        'warning cloudwatch-role-required /x-gateway/stage/accessLog',
      ],
    ],
  ])('stages: %j', async (gateway, want) => {
    expect(await compileGateway(gateway)).toEqual(want);
  });

  it('gives each stage its own settings over the shared ones, variables merged by name', async () => {
    const result = await compileWith({
      stage: { variables: { a: 'shared', b: 'shared' }, throttle: { rate: 1, burst: 2 }, tracing: true },
      stages: { beta: { variables: { b: 'beta' } }, prod: { name: '${Env}', throttle: { rate: 9, burst: 9 } } },
    });
    const resources = result.template!.Resources;
    expect(resources['StageApiStageBeta']!.Properties).toMatchObject({
      StageName: 'beta',
      Variables: { a: 'shared', b: 'beta' },
      TracingEnabled: true,
      MethodSettings: [{ ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 }],
    });
    expect(resources['StageApiStageProd']!.Properties).toMatchObject({
      StageName: { Ref: 'Env' },
      Variables: { a: 'shared', b: 'shared' },
      MethodSettings: [{ ThrottlingRateLimit: 9, ThrottlingBurstLimit: 9 }],
    });
    expect(Object.keys(result.template!.Outputs!)).toEqual(
      expect.arrayContaining(['StageApiStageBetaUrl', 'StageApiStageProdUrl', 'StageApiStageBetaName']),
    );
  });

  it('keeps serving the base deployment and gives the canary the new one, only when a base is given', async () => {
    const result = await compileWith({ stage: { canary: { percent: 10 } } });
    const template = result.template!;
    const deployment = Object.keys(template.Resources).find((id) => id.startsWith('StageApiDeployment'))!;
    expect(template.Resources[deployment]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(template.Parameters!['StageApiStageBaseDeploymentId']).toMatchObject({ Type: 'String', Default: '' });
    expect(template['Conditions']).toEqual({
      StageApiStageCanaryOn: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'StageApiStageBaseDeploymentId' }, ''] }] },
    });
    expect(template.Resources['StageApiStage']!.Properties).toMatchObject({
      DeploymentId: {
        'Fn::If': ['StageApiStageCanaryOn', { Ref: 'StageApiStageBaseDeploymentId' }, { Ref: deployment }],
      },
      CanarySetting: {
        'Fn::If': [
          'StageApiStageCanaryOn',
          { DeploymentId: { Ref: deployment }, PercentTraffic: 10, UseStageCache: false },
          { Ref: 'AWS::NoValue' },
        ],
      },
    });
    // Without a canary: the stage serves the deployment, which CloudFormation may delete once replaced.
    const plain = (await compileWith({})).template!;
    // The same deployment: a canary is no part of the API's hash, so removing it moves the whole stage to it.
    expect(plain.Resources[deployment]).toBeDefined();
    expect(Object.values(plain.Resources).some((r) => 'DeletionPolicy' in r)).toBe(false);
    expect(plain['Conditions']).toBeUndefined();
  });
});
