import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkXGateway } from '../../src/model/x-gateway-schema.js';
import { ambiguousParams, shortRequestValue } from '../../src/model/spellings.js';
import { fixtureCases } from '../support/fixtures.js';

const locate = (pointer: string) => ({ file: 'f.yaml', pointer });

describe('shortRequestValue', () => {
  it.each([
    ['method.request.path.id', 'path.id'],
    ['$method.request.path.id', 'path.id'],
    ['method.request.querystring.size', 'query.size'],
    ['method.request.header.X-Id', 'header.X-Id'],
    ['$request.header.X-Id', 'header.X-Id'],
    ['route.request.querystring.token', 'query.token'],
    ['method.request.body', 'body'],
    ['method.request.body.order.id', 'body.order.id'],
    ['$request.body.text', 'body.text'],
    ['$input.body', 'body'],
    ["$input.json('$.a.b')", 'body.a.b'],
    ["$input.path('$')", 'body'],
    ['$context.requestId', 'context.requestId'],
    ['$stageVariables.label', 'stageVariables.label'],
    ['querystring.size', 'query.size'],
  ])('%s is %s', (written, short) => {
    expect(shortRequestValue(written)).toBe(short);
  });

  it.each([['path.id'], ['context.requestId'], ['method.request.multivaluequerystring.q'], ["$input.params('id')"]])(
    '%s has no other short form',
    (written) => {
      expect(shortRequestValue(written)).toBeUndefined();
    },
  );

  it('names what $input.params searches for', () => {
    expect(ambiguousParams("$input.params('id')")).toBe('id');
    expect(ambiguousParams('path.id')).toBeUndefined();
  });
});

describe('AWS spellings in a block', () => {
  it('reads each where the schema takes its short form, and says so', () => {
    const block = {
      api: { endpoint: 'REGIONAL' },
      authorizers: { users: { type: 'COGNITO_USER_POOLS', userPools: ['x'] } },
      usagePlans: { free: { quota: { limit: 1, period: 'DAY' } } },
      defaults: {
        auth: 'AWS_IAM',
        integration: { dynamodb: { table: 't', action: 'GetItem', key: { id: '$method.request.path.id' } } },
      },
    };
    const checked = checkXGateway(block, 'root', '/x-gateway', locate);
    expect(checked.diagnostics).toEqual([]);
    expect(block).toEqual({
      api: { endpoint: 'regional' },
      authorizers: { users: { type: 'cognito', userPools: ['x'] } },
      usagePlans: { free: { quota: { limit: 1, period: 'day' } } },
      defaults: { auth: 'iam', integration: { dynamodb: { table: 't', action: 'GetItem', key: { id: 'path.id' } } } },
    });
    expect(checked.spellings.map((d) => [d.code, d.severity, d.location?.pointer])).toEqual([
      ['aws-spelling', 'info', '/x-gateway/api/endpoint'],
      ['aws-spelling', 'info', '/x-gateway/authorizers/users/type'],
      ['aws-spelling', 'info', '/x-gateway/defaults/auth'],
      ['aws-spelling', 'info', '/x-gateway/defaults/integration/dynamodb/key/id'],
      ['aws-spelling', 'info', '/x-gateway/usagePlans/free/quota/period'],
    ]);
  });

  it('leaves a value that is no request value as written, even when its short form would be taken', () => {
    // A stage variable's value is text: `$context.x` there is not read as `context.x`.
    const block = { stage: { variables: { v: '$context.requestId' } } };
    const checked = checkXGateway(block, 'root', '/x-gateway', locate);
    expect(checked.spellings).toEqual([]);
    expect(block.stage.variables.v).toBe('$context.requestId');
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['invalid-x-gateway-value']);
  });

  it('compiles a fixture in AWS spellings to the same template as its short forms', () => {
    const template = (name: string) => readFileSync(join('fixtures', name, 'template.yaml'), 'utf8');
    expect(template('aws-spellings')).toBe(template('aws-spellings-short'));
  });
});

/** Each diagnostic a stylish golden file prints: its code and its hint. */
function printed(text: string): { code: string; severity: string; hint: string | undefined; head: string }[] {
  return text.split(/\n(?=\S+:\d+:\d+: )/).flatMap((block) => {
    const head = /^\S+:\d+:\d+: (error|warning|info) .*\[([a-z0-9-]+)\]$/m.exec(block);
    if (!head) return [];
    return [{ severity: head[1]!, code: head[2]!, hint: /^ {2}hint: (.*)$/m.exec(block)?.[1], head: head[0] }];
  });
}

describe('diagnostics in the fixtures', () => {
  const all = fixtureCases().flatMap((fixture) =>
    ['diagnostics.txt', 'lint.txt'].flatMap((file) => {
      try {
        return printed(readFileSync(join(fixture.dir, file), 'utf8'));
      } catch {
        return [];
      }
    }),
  );

  it('every error carries a hint', () => {
    expect(all.filter((d) => d.severity === 'error' && d.hint === undefined).map((d) => d.head)).toEqual([]);
  });

  it('every error about an x-gateway value or key says what to write instead', () => {
    const about = all.filter((d) => d.code === 'invalid-x-gateway-value' || d.code === 'unknown-x-gateway-key');
    expect(about.length).toBeGreaterThan(20);
    expect(about.filter((d) => !/^(Write|Remove) /.test(d.hint ?? '')).map((d) => d.head)).toEqual([]);
  });
});

describe('rewrites of keys', () => {
  const one = (block: unknown, kind: 'root' | 'operation' = 'root') => {
    const { diagnostics } = checkXGateway(block, kind, '/x-gateway', locate);
    return diagnostics.map((d) => [d.location?.pointer, d.message, d.hint]);
  };

  it.each([
    [{ tracingEnabled: true }, '/x-gateway/tracingEnabled', 'Write `stage: { tracing: true }`.'],
    [{ tracing: true }, '/x-gateway/tracing', 'Write `stage: { tracing: … }` in the root x-gateway block.'],
    [
      { routeSelection: '$request.body.a' },
      '/x-gateway/routeSelection',
      'Write `websocket: { routeSelection: … }` in the root x-gateway block.',
    ],
    [
      { authorizers: { a: { type: 'request', function: 'f', identitySource: 'method.request.header.A, $context.b' } } },
      '/x-gateway/authorizers/a/identitySource',
      'Write `identity: [header.A, context.b]`.',
    ],
  ])('%o: one diagnostic with its rewrite', (block, pointer, hint) => {
    const [diagnostic, ...rest] = one(block);
    expect(rest).toEqual([]);
    expect(diagnostic![0]).toBe(pointer);
    expect(diagnostic![2]).toBe(hint);
  });

  it.each([
    ['method.request.pathx.id', 'Write `path.id`.'],
    ['$method.request.heder.X-Tenant', 'Write `header.X-Tenant`.'],
    ['pth.id', 'Write `path.id`.'],
  ])('%s in a request value: the rewrite names the place it was meant to read', (value, hint) => {
    const block = { integration: { dynamodb: { table: 'T', action: 'GetItem', key: { id: value } } } };
    expect(one(block, 'operation').map((d) => d[2])).toEqual([hint]);
  });

  it('reports AWS throttle names once, standing for the keys they leave missing', () => {
    expect(one({ throttle: { rateLimit: 1, burstLimit: 2 } }, 'operation')).toEqual([
      [
        '/x-gateway/throttle/rateLimit',
        "`rateLimit` and `burstLimit` are AWS's names for `rate` and `burst` in `throttle`.",
        'Write `rate` and `burst`.',
      ],
    ]);
  });

  it('gives the x-gateway form of a raw integration', () => {
    expect(
      one({ integration: { type: 'HTTP_PROXY', httpMethod: 'GET', uri: 'https://x.example' } }, 'operation'),
    ).toEqual([
      [
        '/x-gateway/integration',
        '`integration` holds the fields of a raw x-amazon-apigateway-integration (`type`, `httpMethod`, `uri`).',
        'Write `integration: { http: "https://x.example" }`. To keep the raw form, write it as the operation\'s `x-amazon-apigateway-integration` instead.',
      ],
    ]);
  });

  it('reads a misspelt key as meant, so the rest of the block is checked (and not reported again)', () => {
    const block = { integraton: { lambda: 'f' } };
    const checked = checkXGateway(block, 'operation', '/x-gateway', locate);
    expect(checked.diagnostics).toHaveLength(1);
    expect(checked.readable).toBe(true);
    expect(block).toEqual({ integration: { lambda: 'f' } });
  });
});
