/**
 * Every HTTP API a fixture compiles to carries a Body that API Gateway can import: a valid OpenAPI 3.0
 * document (support/openapi30-check.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { CASE_ROOTS } from '../support/fixtures.js';
import { openApi30Errors } from '../support/openapi30-check.js';

const HTTP_FIXTURES = CASE_ROOTS.flatMap((root) => readdirSync(root).map((name) => join(root, name))).filter(
  (dir) =>
    existsSync(join(dir, 'template.yaml')) &&
    /Type: AWS::ApiGatewayV2::Api\n\s+Properties:\n\s+Body:/.test(readFileSync(join(dir, 'template.yaml'), 'utf8')),
);

describe('HTTP API bodies are OpenAPI 3.0', () => {
  it('finds the HTTP API fixtures', () => {
    expect(HTTP_FIXTURES.length).toBeGreaterThan(0);
  });
  for (const dir of HTTP_FIXTURES) {
    it(dir, async () => {
      const base = join(dir, 'base.yaml');
      const result = await compile(join(dir, 'openapi.yaml'), existsSync(base) ? { into: base } : {});
      const apis = Object.values(result.template!.Resources).filter(
        (r) => r.Type === 'AWS::ApiGatewayV2::Api' && r.Properties?.['Body'] !== undefined,
      );
      expect(apis).toHaveLength(1);
      const body = apis[0]!.Properties!['Body'] as Record<string, unknown>;
      expect(body['openapi']).toMatch(/^3\.0\.\d+$/);
      expect(openApi30Errors(body)).toEqual([]);
    });
  }
});
