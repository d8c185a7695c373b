/**
 * schemas/openapi-x-gateway.schema.json, the editors' schema for whole documents, agrees with the compiler:
 * every fixture and example spec whose x-gateway the compiler accepts is valid against it, and every one
 * the compiler refuses for an unknown key or a wrong value is not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { parseSource } from '../../src/load/parse.js';

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
ajv.addSchema(JSON.parse(readFileSync('schemas/x-gateway.editor.schema.json', 'utf8')));
const validate = ajv.compile(JSON.parse(readFileSync('schemas/openapi-x-gateway.schema.json', 'utf8')));

/** The codes of the x-gateway schema check (src/model/x-gateway-schema.ts), and of a document that is no OpenAPI 3. */
const SCHEMA_CODES = /\[(unknown-x-gateway-key|invalid-x-gateway-value|unsupported-openapi-version|not-openapi)\]/;

const specs = ['fixtures', 'examples'].flatMap((root) =>
  readdirSync(root)
    .map((name) => join(root, name, 'openapi.yaml'))
    .filter((path) => existsSync(path)),
);

function errorsOf(path: string, text: string): string[] {
  const parsed = parseSource(path, text);
  if (!parsed.ok) return ['(does not parse)'];
  return validate(parsed.file.value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

it.each(specs)('%s: valid exactly when the compiler finds no x-gateway schema error', (spec) => {
  const diagnostics = join(spec, '..', 'diagnostics.txt');
  const refused = existsSync(diagnostics) && SCHEMA_CODES.test(readFileSync(diagnostics, 'utf8'));
  // AWS's spellings of values (`REGIONAL`, `method.request.path.id`), which the compiler reads as the short
  // forms, are valid too (fixtures/aws-spellings).
  const text = readFileSync(spec, 'utf8');
  if (!parseSource(spec, text).ok) return;
  const errors = errorsOf(spec, text);
  if (refused) expect(errors, 'the schema refuses what the compiler refuses').not.toEqual([]);
  else expect(errors).toEqual([]);
});

it.each([
  ['a misspelled root key', 'x-gateway:\n  stage: { nmae: dev }\n', '/x-gateway/stage'],
  [
    'a misspelled operation key',
    'paths:\n  /p:\n    get:\n      x-gateway: { integraton: {} }\n',
    '/paths/~1p/get/x-gateway',
  ],
  ['a misspelled path item key', 'paths:\n  /p:\n    x-gateway: { auht: none }\n', '/paths/~1p/x-gateway'],
  [
    'a misspelled WebSocket route key',
    'x-gateway:\n  websocket:\n    routes:\n      $default: { integration: { mock: {} }, replay: true }\n',
    '/x-gateway/websocket/routes/$default',
  ],
  ['a misspelled OpenAPI key', 'pahts: {}\n', ''],
])('refuses %s', (_, yaml, at) => {
  const errors = errorsOf('spec.yaml', `openapi: 3.1.0\ninfo: { title: T, version: "1" }\n${yaml}`);
  expect(errors.some((e) => e.startsWith(`${at} must NOT have additional properties`))).toBe(true);
});

it('takes OpenAPI 3.0 and 3.1, not Swagger 2.0', () => {
  const doc = (version: string) => `openapi: ${version}\ninfo: { title: T, version: "1" }\npaths: {}\n`;
  expect(errorsOf('a.yaml', doc('3.0.3'))).toEqual([]);
  expect(errorsOf('a.yaml', doc('3.1.0'))).toEqual([]);
  expect(errorsOf('a.yaml', doc('"2.0"'))).not.toEqual([]);
});

it('is bound in editors as the README says', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(readme).toContain(
    '# yaml-language-server: $schema=../node_modules/gateform/schemas/openapi-x-gateway.schema.json',
  );
  expect(readme).toContain('"yaml.schemas": { "./node_modules/gateform/schemas/openapi-x-gateway.schema.json"');
  expect(JSON.parse(readFileSync('package.json', 'utf8')).files).toContain('schemas');
});
