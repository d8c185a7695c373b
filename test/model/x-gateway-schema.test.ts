import { describe, expect, it } from 'vitest';
import { checkXGateway, closest } from '../../src/model/x-gateway-schema.js';

const locate = (pointer: string) => ({ file: 'f.yaml', pointer });

describe('checkXGateway', () => {
  it('accepts a valid root block', () => {
    expect(
      checkXGateway(
        {
          api: { name: 'x', endpoint: 'edge' },
          stage: { name: 'v1' },
          defaults: { integration: { lambda: { Ref: 'F' } }, timeout: 100 },
        },
        'root',
        '/x-gateway',
        locate,
      ),
    ).toEqual({ diagnostics: [], spellings: [], readable: true, broken: [], renamed: [] });
  });

  it.each([
    ['a misspelt key', { stag: {} }, 'root', 'unknown-x-gateway-key', '/x-gateway/stag', 'Did you mean `stage`?'],
    [
      'a nested misspelt key',
      { integration: { lamda: 'x' } },
      'operation',
      'unknown-x-gateway-key',
      '/x-gateway/integration/lamda',
      'Did you mean `lambda`?',
    ],
    [
      'a far-off key',
      { zzzzzz: 1 },
      'operation',
      'unknown-x-gateway-key',
      '/x-gateway/zzzzzz',
      'Unknown key `zzzzzz` in x-gateway.',
    ],
    [
      'an enum value',
      { api: { endpoint: 'global' } },
      'root',
      'invalid-x-gateway-value',
      '/x-gateway/api/endpoint',
      'must be one of: edge, regional, private',
    ],
    [
      'a stage name pattern',
      { stage: { name: 'my stage' } },
      'root',
      'invalid-x-gateway-value',
      '/x-gateway/stage/name',
      'has the value `my stage`',
    ],
    [
      'an auth of no allowed form, once',
      { auth: 42 },
      'operation',
      'invalid-x-gateway-value',
      '/x-gateway/auth',
      '`auth` has none of the allowed forms',
    ],
    [
      'the branch of an anyOf that got furthest',
      { auth: ['users', { scopes: 'read' }] },
      'operation',
      'invalid-x-gateway-value',
      '/x-gateway/auth/1/scopes',
      '`scopes` must be a list',
    ],
    [
      'a request value behind a $ref',
      { integration: { dynamodb: { table: 't', action: 'PutItem', item: { a: { from: 'x' } } } } },
      'operation',
      'invalid-x-gateway-value',
      '/x-gateway/integration/dynamodb/item/a/from',
      'has the value `x`',
    ],
    [
      'a non-intrinsic object for an AWS value',
      { integration: { lambda: { Foo: 1 } } },
      'operation',
      'invalid-x-gateway-value',
      '/x-gateway/integration/lambda',
      'CloudFormation intrinsic',
    ],
    [
      'a parameter name CloudFormation refuses, once',
      { parameters: { 'Bad-Name': {} } },
      'root',
      'invalid-x-gateway-value',
      '/x-gateway/parameters/Bad-Name',
      'The name `Bad-Name` in `parameters` does not match `^[A-Za-z0-9]+$`',
    ],
    [
      'a stage variable name too long',
      { stage: { variables: { ['v'.repeat(65)]: 'x' } } },
      'root',
      'invalid-x-gateway-value',
      `/x-gateway/stage/variables/${'v'.repeat(65)}`,
      'in `variables` must be at most 64 characters long',
    ],
  ] as const)('reports %s at the key', (_name, block, kind, code, pointer, message) => {
    const [diagnostic, ...rest] = checkXGateway(block, kind, '/x-gateway', locate).diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code, severity: 'error', location: { file: 'f.yaml', pointer } });
    expect(diagnostic!.message).toContain(message);
  });
});

describe('closest', () => {
  it.each([
    ['integraton', ['integration', 'auth'], 'integration'],
    ['Integration', ['integration'], 'integration'],
    ['tmeout', ['timeout', 'lambda'], 'timeout'],
    ['banana', ['integration', 'auth'], undefined],
  ] as const)('%s → %s', (word, known, expected) => {
    expect(closest(word, known)).toBe(expected);
  });
});

describe('schemas/x-gateway.schema.json', () => {
  it('describes every property (for editors and hints)', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync('schemas/x-gateway.schema.json', 'utf8')) as Record<string, unknown>;
    const resolve = (node: Record<string, unknown>): Record<string, unknown> =>
      typeof node['$ref'] === 'string'
        ? ((node['$ref'] as string)
            .slice(2)
            .split('/')
            .reduce<unknown>((n, t) => (n as Record<string, unknown>)[t], schema) as Record<string, unknown>)
        : node;
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      for (const [name, property] of Object.entries((record['properties'] ?? {}) as Record<string, unknown>)) {
        if (property === true || path.endsWith('/if')) continue;
        const value = property as Record<string, unknown>;
        if (typeof value['description'] !== 'string' && typeof resolve(value)['description'] !== 'string')
          missing.push(`${path}/properties/${name}`);
      }
      for (const [key, child] of Object.entries(record)) walk(child, `${path}/${key}`);
    };
    walk(schema, '#');
    expect(missing).toEqual([]);
  });
});
