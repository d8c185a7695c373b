/**
 * A mistake in one part of the root x-gateway block leaves that part out, not the rest: the other parts
 * are still checked in the same run, and only the findings that need the broken part are skipped.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { tempDir } from '../support/temp.js';

async function codesOf(gateway: Record<string, unknown>, operation: Record<string, unknown> = {}): Promise<string[]> {
  const path = join(tempDir('gateform-independent-'), 'openapi.yaml');
  const get = { 'x-gateway': operation, responses: { '200': { description: 'ok' } } };
  writeFileSync(
    path,
    stringify({
      openapi: '3.0.3',
      info: { title: 'Parts', version: '1' },
      'x-gateway': gateway,
      paths: { '/x': { get } },
    }),
  );
  const { diagnostics, template } = await compile(path);
  expect(template).toBeUndefined();
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.location?.pointer}`);
}

const wildcardCors = { origins: ['*'], credentials: true };
const mock = { integration: { mock: {} } };

describe('independent problems of the root block', () => {
  it.each([
    [
      'a broken stage hides neither the CORS mistake nor the cache key of an operation',
      { stage: { name: 'a b' }, cors: wildcardCors, defaults: mock },
      { cache: { keys: ['query.q'] } },
      [
        'invalid-x-gateway-value /x-gateway/stage/name',
        'cache-key-undeclared /paths/~1x/get/x-gateway/cache/keys/0',
        'cors-wildcard-credentials /x-gateway/cors/origins',
      ],
    ],
    [
      'broken authorizers: the operation naming one is not told it is unknown',
      { authorizers: { partners: { type: 'token', function: 'arn:aws:lambda:us-east-1:1:function:a', ttl: 'x' } } },
      { ...mock, auth: 'partners' },
      ['invalid-x-gateway-value /x-gateway/authorizers/partners/ttl'],
    ],
    [
      'broken defaults: the operation inheriting its integration is not told it has none',
      { defaults: { integration: { mock: {}, timeout: 1 } }, cors: wildcardCors },
      {},
      [
        'invalid-x-gateway-value /x-gateway/defaults/integration/timeout',
        'cors-wildcard-credentials /x-gateway/cors/origins',
      ],
    ],
    [
      'a setting of the other kind of API is left out like a broken part',
      {
        api: { type: 'http', vpcEndpoints: ['vpce-1'] },
        cors: wildcardCors,
        defaults: { integration: { http: 'https://example.com' } },
      },
      {},
      ['rest-only-setting /x-gateway/api/vpcEndpoints', 'cors-wildcard-credentials /x-gateway/cors/origins'],
    ],
    [
      'a broken api.type says what nothing else means: only its own error',
      { api: { type: 'soap' }, cors: wildcardCors, defaults: mock },
      {},
      ['invalid-x-gateway-value /x-gateway/api/type'],
    ],
  ])('%s', async (_, gateway, operation, want) => {
    expect(await codesOf(gateway, operation)).toEqual(want);
  });
});
