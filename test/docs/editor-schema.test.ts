/**
 * schemas/x-gateway.editor.schema.json, the x-gateway schema editors bind, takes every AWS spelling of a
 * value that compile reads as its short form (src/model/spellings.ts), and still refuses a misspelling.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { shortRequestValue } from '../../src/model/spellings.js';
import { checkXGateway } from '../../src/model/x-gateway-schema.js';

type Node = { readonly [key: string]: unknown };

const strict = JSON.parse(readFileSync('schemas/x-gateway.schema.json', 'utf8')) as Node;
const editor = JSON.parse(readFileSync('schemas/x-gateway.editor.schema.json', 'utf8')) as Node & { $id: string };
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
ajv.addSchema(editor);
/** Whether `value` is valid at `pointer` of the editor schema. */
const editorTakes = (pointer: string, value: unknown): boolean =>
  ajv.getSchema(`${editor.$id}#${pointer}`)!(value) === true;

/** The nodes of the strict schema where a value is written (not in `not`, `if`, `propertyNames`), by pointer. */
function valueNodes(node: unknown, pointer = ''): [string, Node][] {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((n, i) => valueNodes(n, `${pointer}/${i}`));
  return [
    [pointer, node as Node],
    ...Object.entries(node)
      .filter(([key]) => !['not', 'if', 'propertyNames', 'enum', 'const'].includes(key) && !key.startsWith('x-'))
      .flatMap(([key, sub]) => valueNodes(sub, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)),
  ];
}
const nodes = valueNodes(strict);

const locate = (pointer: string) => ({ file: 'f.yaml', pointer });

it('is what scripts/editor-schema.js writes (else: npm run docs)', () => {
  const result = spawnSync(process.execPath, ['scripts/editor-schema.js', '--check'], { encoding: 'utf8' });
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
});

describe('request values', () => {
  /** API Gateway's forms, the short forms, and near misses. */
  const written = [
    'method.request.path.id',
    '$method.request.path.id',
    'method.request.querystring.size',
    'method.request.header.X-Id',
    '$request.header.Authorization',
    '$request.querystring.token',
    'route.request.header.Auth',
    'method.request.body',
    'method.request.body.order.id',
    '$request.body.text',
    '$input.body',
    'input.body',
    "$input.json('$.a.b')",
    "$input.path('$')",
    '$context.requestId',
    '$context.authorizer.claims.sub',
    '$stageVariables.label',
    'querystring.size',
    '$querystring.size',
    'path.id',
    'query.q',
    'context.requestId',
    'method.request.paht.id',
    'method.request.multivaluequerystring.q',
    "$input.params('id')",
    'method.request.path.',
    '$method.request.header.X Y',
    'context.requestId,',
  ];
  const places = nodes.filter(([, node]) => node['x-requestValue'] === true);

  it('has places to check', () => {
    expect(places.length).toBeGreaterThan(10);
  });

  it.each(places)('%s takes a value exactly when compile reads it as one its pattern takes', (pointer, node) => {
    const pattern = new RegExp(String(node['pattern']), 'u');
    for (const value of written) {
      const short = shortRequestValue(value);
      const compiled = pattern.test(value) || (short !== undefined && pattern.test(short));
      expect(editorTakes(pointer, value), value).toBe(compiled);
    }
  });
});

describe('enum values and aliases', () => {
  const enums = nodes.filter(([, node]) => Array.isArray(node['enum']));
  const aliased = nodes.filter(([, node]) => node['x-aliases'] !== undefined);

  it('has places to check', () => {
    expect(enums.length).toBeGreaterThan(15);
    expect(aliased.length).toBe(3);
  });

  it.each(enums)('%s takes its values in AWS case and in any other, and not a misspelling', (pointer, node) => {
    for (const value of (node['enum'] as unknown[]).filter((v): v is string => typeof v === 'string')) {
      for (const spelled of [value, value.toUpperCase(), value.charAt(0).toUpperCase() + value.slice(1)])
        expect(editorTakes(pointer, spelled), spelled).toBe(true);
      expect(editorTakes(pointer, `${value}x`), `${value}x`).toBe(false);
    }
  });

  it.each(aliased)('%s takes its aliases', (pointer, node) => {
    for (const alias of Object.keys(node['x-aliases'] as object)) expect(editorTakes(pointer, alias), alias).toBe(true);
  });
});

describe('whole blocks: what compile reads as AWS spellings is valid in the editor, a misspelling is not', () => {
  const root = (block: Node) => ({ block, kind: 'root' as const, pointer: '' });
  const operation = (block: Node) => ({ block, kind: 'operation' as const, pointer: '/$defs/operation' });
  const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:f';
  it.each([
    ['endpoint REGIONAL', root({ api: { endpoint: 'REGIONAL' } }), true],
    ['quota period DAY', root({ usagePlans: { free: { quota: { limit: 1, period: 'DAY' } } } }), true],
    [
      'a TOKEN authorizer, its branch told apart',
      root({ authorizers: { a: { type: 'TOKEN', function: lambda, header: 'Authorization' } } }),
      true,
    ],
    ['COGNITO_USER_POOLS', root({ authorizers: { u: { type: 'COGNITO_USER_POOLS', userPools: ['p'] } } }), true],
    ['auth AWS_IAM', operation({ auth: 'AWS_IAM', integration: { lambda } }), true],
    [
      'cache keys in AWS form',
      operation({ cache: { keys: ['method.request.path.id', 'method.request.querystring.size'] } }),
      true,
    ],
    [
      'a DynamoDB key from the path',
      operation({
        integration: { dynamodb: { table: 't', action: 'GetItem', key: { id: 'method.request.path.id' } } },
      }),
      true,
    ],
    ['endpoint REGINAL', root({ api: { endpoint: 'REGINAL' } }), false],
    ['quota period DAYS', root({ usagePlans: { free: { quota: { limit: 1, period: 'DAYS' } } } }), false],
    ['authorizer type TOKENS', root({ authorizers: { a: { type: 'TOKENS', function: lambda } } }), false],
    ['cache key method.request.paht.id', operation({ cache: { keys: ['method.request.paht.id'] } }), false],
  ])('%s', (_, { block, kind, pointer }, valid) => {
    expect(editorTakes(pointer, structuredClone(block)), 'editor').toBe(valid);
    const checked = checkXGateway(structuredClone(block), kind, '/x-gateway', locate);
    expect(checked.diagnostics.length === 0, 'compile').toBe(valid);
  });
});
