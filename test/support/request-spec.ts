/** A one-operation spec whose body is validated against `request`, beside `schemas`; returns its path. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { tempDir } from './temp.js';

export function writeRequestSpec(
  version: '3.0.3' | '3.1.0',
  schemas: Record<string, unknown>,
  request: Record<string, unknown> | boolean,
): string {
  const path = join(tempDir('gateform-request-'), 'openapi.yaml');
  writeFileSync(
    path,
    stringify({
      openapi: version,
      info: { title: 'Models', version: '1' },
      'x-gateway': { defaults: { validate: 'body', integration: { mock: {} } } },
      paths: {
        '/x': {
          post: {
            requestBody: { required: true, content: { 'application/json': { schema: request } } },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
      components: { schemas },
    }),
  );
  return path;
}
