/** Stage and custom domain checks that golden fixtures do not show well: quotas and multi-line formats. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { tempDir } from '../support/temp.js';

async function compileGateway(gateway: Record<string, unknown>) {
  const path = join(tempDir('gateform-stage-'), 'openapi.yaml');
  const paths = { '/x': { get: { responses: { '200': { description: 'ok' } } } } };
  writeFileSync(path, stringify({ openapi: '3.0.3', info: { title: 'Stage', version: '1' }, 'x-gateway': { defaults: { integration: { mock: {} } }, ...gateway }, paths }));
  const result = await compile(path);
  return result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location?.pointer}`);
}

const rules = (count: number) => Array.from({ length: count }, (_, i) => ({ priority: i + 1, when: { basePaths: [`v${i}`] }, to: { api: 'self' } }));

describe('stage and domain checks', () => {
  it.each([
    [50, []],
    [51, ['warning routing-rules-over-quota /x-gateway/domain/routing']],
  ])('%i routing rules on a domain', async (count, want) => {
    expect(await compileGateway({ domain: { name: 'api.example.com', certificate: '${CertificateArn}', routing: rules(count) } })).toEqual(want);
  });

  it.each([
    ['arn:aws:firehose:eu-west-1:123456789012:deliverystream/api-logs', ['error access-log-firehose-name /x-gateway/stage/accessLog/destination']],
    ['arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/amazon-apigateway-logs', []],
    ['arn:aws:firehose:eu-west-1:123456789012:deliverystream/${StreamName}', []],
  ])('access logs to Firehose stream %s', async (destination, want) => {
    expect(await compileGateway({ stage: { accessLog: { format: 'clf', destination } } })).toEqual(want);
  });

  it('refuses an access log format on several lines', async () => {
    expect(await compileGateway({ stage: { accessLog: { format: '$context.requestId\n$context.status' }, logging: { level: 'off', accountRole: true } } })).toEqual(['error access-log-format-multiline /x-gateway/stage/accessLog/format']);
  });
});
