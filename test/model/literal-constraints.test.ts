/**
 * A value that takes a `${Name}` placeholder is held to one form whatever it is written as: the template
 * parameter of a whole-value placeholder gets it as AllowedPattern, and a literal is checked against it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { tempDir } from '../support/temp.js';

async function compileGateway(gateway: Record<string, unknown>) {
  const path = join(tempDir('gateform-literal-'), 'openapi.yaml');
  const get = { responses: { '200': { description: 'ok' } } };
  writeFileSync(
    path,
    stringify({
      openapi: '3.0.3',
      info: { title: 'Literal', version: '1' },
      'x-gateway': { defaults: { integration: { mock: {} } }, ...gateway },
      paths: { '/x': { get } },
    }),
  );
  return compile(path);
}

const errorsOf = async (gateway: Record<string, unknown>) =>
  (await compileGateway(gateway)).diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.location?.pointer}`);

const WEB_ACL = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/0f4c1e2a-1111-2222-3333-444455556666';
const domain = (truststore: string) => ({
  name: 'api.example.com',
  certificate: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
  mtls: { truststore },
});

describe('literals are held to the form a placeholder is', () => {
  it.each([
    ['a stage name with a space', { stage: { name: 'dev stage' } }, ['invalid-x-gateway-value /x-gateway/stage/name']],
    ['$default as a REST stage name', { stage: { name: '$default' } }, ['http-only-setting /x-gateway/stage/name']],
    [
      'a stage variable value with a space',
      { stage: { variables: { backend: 'a b' } } },
      ['invalid-x-gateway-value /x-gateway/stage/variables/backend'],
    ],
    [
      'a web ACL ARN with a short account',
      { stage: { webAcl: WEB_ACL.replace('123456789012', '12345') } },
      ['invalid-x-gateway-value /x-gateway/stage/webAcl'],
    ],
    [
      'a global web ACL: told its scope, once',
      { stage: { webAcl: WEB_ACL.replace('regional', 'global') } },
      ['web-acl-scope /x-gateway/stage/webAcl'],
    ],
    [
      'a truststore bucket name with capitals',
      { domain: domain('s3://My_Bucket/ca.pem') },
      ['invalid-x-gateway-value /x-gateway/domain/mtls/truststore'],
    ],
    [
      'a truststore given as an object URL: told so, once',
      { domain: domain('https://bucket.s3.amazonaws.com/ca.pem') },
      ['domain-mtls-truststore /x-gateway/domain/mtls/truststore'],
    ],
    [
      'a CORS origin with a path: told so, once',
      { cors: { origins: ['https://app.example.com/'] } },
      ['cors-origin-form /x-gateway/cors/origins/0'],
    ],
    ['a good web ACL ARN', { stage: { webAcl: WEB_ACL } }, []],
    ['a CORS wildcard', { cors: { origins: ['*'] } }, []],
  ])('%s', async (_, gateway, want) => {
    expect(await errorsOf(gateway)).toEqual(want);
  });

  it('a whole-value placeholder becomes a parameter held to the form, not a value refused', async () => {
    const result = await compileGateway({
      stage: { webAcl: '${WebAclArn}' },
      domain: domain('${TruststoreUri}'),
      api: { disableDefaultEndpoint: true },
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const parameters = result.template?.Parameters as Record<string, { AllowedPattern?: string }>;
    expect(parameters['WebAclArn']?.AllowedPattern).toMatch(/^\^arn:aws/);
    expect(parameters['TruststoreUri']?.AllowedPattern).toMatch(/^\^s3:/);
  });
});
