import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { identitySource } from '../../src/model/access.js';
import { methodKey, renderPolicy } from '../../src/emit/rest/access.js';
import type { ResourcePolicy, Route } from '../../src/model/ir.js';
import { tempDir } from '../support/temp.js';

describe('identitySource', () => {
  it.each([
    ['header.X-Partner', 'method.request.header.X-Partner'],
    ['query.tenant', 'method.request.querystring.tenant'],
    ['stageVariables.realm', 'stageVariables.realm'],
    ['context.identity.sourceIp', 'context.identity.sourceIp'],
  ])('%s → %s', (source, expected) => {
    expect(identitySource(source)).toBe(expected);
  });
});

describe('methodKey', () => {
  it.each([
    ['POST', '/pets', '/pets/POST'],
    ['GET', '/pets/{petId}', '/pets/{petId}/GET'],
    ['GET', '/', '//GET'],
    ['ANY', '/{proxy+}', '/{proxy+}/ANY'],
  ] as const)('%s %s → %s', (method, path, expected) => {
    expect(methodKey({ method, path } as Route)).toBe(expected);
  });
});

describe('renderPolicy', () => {
  const origin = { file: 'f', pointer: '' };
  const none = { accounts: [], vpcEndpoints: [], vpcs: [], sourceIps: [] };
  const lit = (value: string) => ({ kind: 'literal' as const, value });
  const ALLOW_ANYONE = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
  const DENY_ANYONE = { ...ALLOW_ANYONE, Effect: 'Deny' };
  const statements = (policy: ResourcePolicy) => (renderPolicy(policy) as { Statement: unknown[] }).Statement;

  it('allows the VPC endpoints of a private API and denies every other caller, whatever authorizes it', () => {
    expect(renderPolicy({ kind: 'vpc-endpoints', vpcEndpoints: [lit('vpce-1')], origin })).toEqual({
      Version: '2012-10-17',
      Statement: [
        { ...ALLOW_ANYONE, Condition: { StringEquals: { 'aws:SourceVpce': ['vpce-1'] } } },
        { ...DENY_ANYONE, Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-1'] } } },
      ],
    });
  });

  it.each([
    [
      'allow lists: an Allow per place, one Deny of callers from none of them',
      {
        allow: { ...none, vpcs: [lit('vpc-1')], sourceIps: ['10.0.0.0/8'] },
        deny: { ...none, sourceIps: ['10.1.0.0/16'] },
        anonymousCallers: true,
      },
      [
        { ...ALLOW_ANYONE, Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-1'] } } },
        { ...ALLOW_ANYONE, Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } } },
        {
          ...DENY_ANYONE,
          Condition: {
            StringNotEquals: { 'aws:SourceVpc': ['vpc-1'] },
            NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] },
          },
        },
        { ...DENY_ANYONE, Condition: { IpAddress: { 'aws:SourceIp': ['10.1.0.0/16'] } } },
      ],
    ],
    [
      'deny only, with unauthenticated operations: everyone else is allowed explicitly',
      { allow: none, deny: { ...none, sourceIps: ['203.0.113.0/24'] }, anonymousCallers: true },
      [ALLOW_ANYONE, { ...DENY_ANYONE, Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }],
    ],
    [
      'deny only, every operation authorized: no Allow that would open the API to other accounts',
      { allow: none, deny: { ...none, vpcEndpoints: [lit('vpce-9')] }, anonymousCallers: false },
      [{ ...DENY_ANYONE, Condition: { StringEquals: { 'aws:SourceVpce': ['vpce-9'] } } }],
    ],
    [
      'accounts: account ids become root principals of this partition, ARNs are kept',
      {
        allow: { ...none, accounts: [lit('111122223333'), lit('arn:aws:iam::444455556666:role/r')] },
        deny: none,
        anonymousCallers: false,
      },
      [
        {
          ...ALLOW_ANYONE,
          Principal: {
            AWS: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::111122223333:root' }, 'arn:aws:iam::444455556666:role/r'],
          },
        },
      ],
    ],
    [
      'accounts and a place: the accounts are allowed from that place only',
      {
        allow: { ...none, accounts: [lit('arn:aws:iam::444455556666:root')], vpcEndpoints: [lit('vpce-1')] },
        deny: none,
        anonymousCallers: false,
      },
      [
        {
          ...ALLOW_ANYONE,
          Principal: { AWS: ['arn:aws:iam::444455556666:root'] },
          Condition: { StringEquals: { 'aws:SourceVpce': ['vpce-1'] } },
        },
        { ...DENY_ANYONE, Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-1'] } } },
      ],
    ],
  ] as const)('%s', (_, rules, expected) => {
    expect(statements({ kind: 'rules', ...rules, origin })).toEqual(expected);
  });
});

describe('access diagnostics', () => {
  const dir = tempDir('gateform-access-');
  let count = 0;
  /** Compiles `x-gateway` (indented two spaces) over one operation, GET /pets, whose x-gateway is `operation`. */
  async function diagnose(xGateway: string, operation = '{}') {
    count += 1;
    const spec = join(dir, `spec${count}.yaml`);
    writeFileSync(
      spec,
      `openapi: 3.0.3\ninfo: { title: T, version: "1" }\nx-gateway:\n  defaults: { integration: { mock: {} } }\n${xGateway}\npaths:\n  /pets:\n    get:\n      x-gateway: ${operation}\n      responses: { '200': { description: ok } }\n`,
    );
    const result = await compile(spec);
    return result.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      pointer: d.location?.pointer,
      hint: d.hint,
    }));
  }
  const TOKEN = '  authorizers:\n    tokens: { type: token, function: "${F}" }';
  const PLAN = '  usagePlans:\n    gold: { throttle: { rate: 10, burst: 20 } }';

  it.each([
    [
      'unknown authorizer, listing the known ones',
      TOKEN,
      '{ auth: users }',
      'authorizer-unknown',
      'error',
      '/paths/~1pets/get/x-gateway/auth',
    ],
    [
      'TTL above 3600',
      '  authorizers:\n    tokens: { type: token, function: "${F}", ttl: 3601 }',
      '{ auth: tokens }',
      'authorizer-ttl',
      'error',
      '/x-gateway/authorizers/tokens/ttl',
    ],
    [
      'TTL below 0',
      '  authorizers:\n    tokens: { type: request, function: "${F}", identity: [header.A], ttl: -1 }',
      '{ auth: tokens }',
      'authorizer-ttl',
      'error',
      '/x-gateway/authorizers/tokens/ttl',
    ],
    [
      'a cached request authorizer without identity sources',
      '  authorizers:\n    tokens: { type: request, function: "${F}", ttl: 60 }',
      '{ auth: tokens }',
      'authorizer-identity-required',
      'error',
      '/x-gateway/authorizers/tokens',
    ],
    [
      'burst below rate',
      '  usagePlans:\n    gold: { throttle: { rate: 10, burst: 5 } }',
      '{ auth: iam, apiKey: true }',
      'usage-plan-burst-below-rate',
      'warning',
      '/x-gateway/usagePlans/gold/throttle/burst',
    ],
    [
      'a throttle rate of 0',
      '  usagePlans:\n    gold: { throttle: { rate: 0, burst: 5 } }',
      '{ auth: iam, apiKey: true }',
      'usage-plan-limit-not-positive',
      'error',
      '/x-gateway/usagePlans/gold/throttle/rate',
    ],
    [
      'a quota limit of 0',
      '  usagePlans:\n    gold: { quota: { limit: 0, period: day } }',
      '{ auth: iam, apiKey: true }',
      'usage-plan-limit-not-positive',
      'error',
      '/x-gateway/usagePlans/gold/quota/limit',
    ],
    [
      'a per-method burst of 0',
      '  usagePlans:\n    gold: { methods: { "GET /pets": { rate: 1, burst: 0 } } }',
      '{ auth: iam, apiKey: true }',
      'usage-plan-limit-not-positive',
      'error',
      '/x-gateway/usagePlans/gold/methods/GET ~1pets/burst',
    ],
    [
      'a quota period AWS does not accept',
      '  usagePlans:\n    gold: { quota: { limit: 10, period: hour } }',
      '{ auth: iam, apiKey: true }',
      'invalid-x-gateway-value',
      'error',
      '/x-gateway/usagePlans/gold/quota/period',
    ],
    [
      'a negative quota offset',
      '  usagePlans:\n    gold: { quota: { limit: 10, period: week, offset: -1 } }',
      '{ auth: iam, apiKey: true }',
      'invalid-x-gateway-value',
      'error',
      '/x-gateway/usagePlans/gold/quota/offset',
    ],
    [
      'a quota offset that is no start day',
      '  usagePlans:\n    gold: { quota: { limit: 10, period: week, offset: 7 } }',
      '{ auth: iam, apiKey: true }',
      'usage-plan-quota-offset',
      'warning',
      '/x-gateway/usagePlans/gold/quota/offset',
    ],
    [
      'a per-method throttle for an operation without a key',
      '  usagePlans:\n    gold: { methods: { "GET /pets": { rate: 1, burst: 2 } } }',
      '{ auth: iam, apiKey: false }',
      'usage-plan-method-without-api-key',
      'warning',
      '/x-gateway/usagePlans/gold/methods/GET ~1pets',
    ],
    [
      'usage plans while no operation requires a key',
      PLAN,
      '{ auth: iam }',
      'usage-plan-without-api-key',
      'warning',
      '/x-gateway/usagePlans',
    ],
    [
      'an API key as the only protection',
      PLAN,
      '{ apiKey: true }',
      'api-key-only-protection',
      'warning',
      '/paths/~1pets/get',
    ],
    [
      'a key naming an unknown plan',
      `${PLAN}\n  apiKeys:\n    keys:\n      acme: { plan: platinum }`,
      '{ auth: iam, apiKey: true }',
      'unknown-usage-plan',
      'error',
      '/x-gateway/apiKeys/keys/acme/plan',
    ],
    [
      'a key value that is also a Lambda ARN',
      `${PLAN}\n  apiKeys:\n    keys:\n      acme: { plan: gold, value: "\${Shared}" }`,
      '{ auth: iam, apiKey: true, integration: { lambda: "${Shared}" } }',
      'api-key-value-reused',
      'error',
      '/paths/~1pets/get/x-gateway/integration/lambda',
    ],
    [
      'scopes on a Lambda authorizer',
      TOKEN,
      '{ auth: [tokens, { scopes: [pets/read] }] }',
      'scopes-on-non-cognito',
      'error',
      '/paths/~1pets/get/x-gateway/auth/1/scopes',
    ],
    [
      'scopes on iam',
      '',
      '{ auth: [iam, { scopes: [pets/read] }] }',
      'scopes-on-non-cognito',
      'error',
      '/paths/~1pets/get/x-gateway/auth/1/scopes',
    ],
  ])('%s', async (_, xGateway, operation, code, severity, pointer) => {
    const found = (await diagnose(xGateway, operation)).filter((d) => d.code === code);
    expect(found.map((d) => [d.severity, d.pointer])).toEqual([[severity, pointer]]);
  });

  it('lists the known authorizers, built-in ones first, in the hint of an unknown one', async () => {
    const [unknown] = (await diagnose(TOKEN, '{ auth: users }')).filter((d) => d.code === 'authorizer-unknown');
    expect(unknown?.hint).toContain('Known: iam, none, tokens.');
  });

  it('reports nothing for a quota offset that fits both readings', async () => {
    expect(
      await diagnose(
        '  usagePlans:\n    gold: { quota: { limit: 10, period: month, offset: 27 } }',
        '{ auth: iam, apiKey: true }',
      ),
    ).toEqual([]);
  });
});

describe('a private API keeps its VPC endpoints, whatever policy it has', () => {
  const dir = tempDir('gateform-private-');
  let count = 0;
  const RAW_ALLOW = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
  const CONFINED = {
    ...RAW_ALLOW,
    Effect: 'Deny',
    Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-0a1b2c3d4e5f60718'] } },
  };
  /** Compiles a private API with `api` settings and root-level `extra` (each indented two spaces under x-gateway, or at the root). */
  async function privateApi(api: string, xGateway: string, root = '') {
    count += 1;
    const spec = join(dir, `spec${count}.yaml`);
    writeFileSync(
      spec,
      `openapi: 3.0.3\ninfo: { title: T, version: "1" }\n${root}x-gateway:\n  api: { endpoint: private${api} }\n  defaults: { integration: { mock: {} }, auth: iam }\n${xGateway}\npaths:\n  /pets:\n    get:\n      responses: { '200': { description: ok } }\n`,
    );
    const result = await compile(spec);
    const body = (
      result.template?.Resources['TApi']?.Properties as { Body?: Record<string, { Statement: unknown }> } | undefined
    )?.Body;
    return {
      statements: body?.['x-amazon-apigateway-policy']?.Statement,
      diagnostics: result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location?.pointer}`),
    };
  }
  const ENDPOINTS = ', vpcEndpoints: [vpce-0a1b2c3d4e5f60718]';
  const RAW =
    '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*" }] }';

  it.each([
    ['a policy with only `deny`', '  policy:\n    deny: { sourceIps: ["203.0.113.0/24"] }', ''],
    ['a policy with only `allow.sourceIps`', '  policy:\n    allow: { sourceIps: ["10.0.0.0/8"] }', ''],
    ['a policy with only `allow.accounts`', '  policy:\n    allow: { accounts: ["111122223333"] }', ''],
    ['`policy.raw`', `  policy:\n    raw: ${RAW}`, ''],
    ["the document's x-amazon-apigateway-policy", '', `x-amazon-apigateway-policy: ${RAW}\n`],
  ])('%s denies calls through any other VPC endpoint', async (_, xGateway, root) => {
    const { statements, diagnostics } = await privateApi(ENDPOINTS, xGateway, root);
    expect(diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(statements).toContainEqual(CONFINED);
    // A raw document keeps its own statements, first.
    if (xGateway.includes('raw') || root !== '') expect(statements).toEqual([RAW_ALLOW, CONFINED]);
  });

  it('writes the Deny of the allow list once when it names the same endpoints', async () => {
    const { statements } = await privateApi(
      ENDPOINTS,
      '  policy:\n    allow: { vpcEndpoints: [vpce-0a1b2c3d4e5f60718] }',
    );
    expect(statements).toEqual([
      { ...RAW_ALLOW, Condition: { StringEquals: CONFINED.Condition.StringNotEquals } },
      CONFINED,
    ]);
  });

  it('keeps callers to the VPCs the allow list names', async () => {
    const { statements } = await privateApi(
      '',
      '  policy:\n    allow: { vpcs: [vpc-0abc], sourceIps: ["10.0.0.0/8"] }',
    );
    expect(statements).toContainEqual({
      ...CONFINED,
      Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-0abc'] } },
    });
  });

  it.each([
    ['a policy with only `deny`', '  policy:\n    deny: { sourceIps: ["203.0.113.0/24"] }', '', '/x-gateway/policy'],
    ['`policy.raw` without a VPC condition', `  policy:\n    raw: ${RAW}`, '', '/x-gateway/policy/raw'],
    [
      "the document's policy without a VPC condition",
      '',
      `x-amazon-apigateway-policy: ${RAW}\n`,
      '/x-amazon-apigateway-policy',
    ],
  ])('refuses %s that names no VPC endpoint, when the API lists none', async (_, xGateway, root, pointer) => {
    expect((await privateApi('', xGateway, root)).diagnostics).toContain(
      `error private-api-policy-unconfined ${pointer}`,
    );
  });

  it('takes a raw policy that conditions on the VPC endpoint itself as written', async () => {
    const raw =
      '{ Statement: [{ Effect: Deny, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*", Condition: { StringNotEquals: { "aws:sourceVpce": vpce-1 } } }] }';
    const { statements, diagnostics } = await privateApi('', `  policy:\n    raw: ${raw}`);
    expect(diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(statements).toHaveLength(1);
  });
});
