/** HTTP API quotas that golden fixtures do not show well: 300 routes and 300 integrations (warnings). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { tempDir } from '../support/temp.js';

async function quotaFindings(routes: number): Promise<string[]> {
  const path = join(tempDir('gateform-http-quotas-'), 'openapi.yaml');
  const paths = Object.fromEntries(
    Array.from({ length: routes }, (_, i) => [
      `/items${i}`,
      {
        get: {
          'x-gateway': { integration: { lambda: 'items' } },
          responses: { '200': { description: 'ok' } },
        },
      },
    ]),
  );
  writeFileSync(
    path,
    stringify({
      openapi: '3.0.3',
      info: { title: 'Quota', version: '1' },
      'x-gateway': { api: { type: 'http' } },
      paths,
    }),
  );
  const { diagnostics } = await compile(path);
  return diagnostics
    .filter((d) => d.code.endsWith('over-quota'))
    .map((d) => `${d.severity} ${d.code} ${d.location?.pointer}`);
}

describe('HTTP API quotas', () => {
  it.each([
    [300, []],
    [301, ['warning http-api-integrations-over-quota /paths', 'warning http-api-routes-over-quota /paths']],
  ])('%i routes', async (routes, want) => {
    expect(await quotaFindings(routes)).toEqual(want);
  });
});
