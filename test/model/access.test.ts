import { describe, expect, it } from 'vitest';
import { identitySource } from '../../src/model/access.js';
import { methodKey, renderPolicy } from '../../src/emit/access.js';
import type { ResourcePolicy, Route } from '../../src/model/ir.js';

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
      { allow: { ...none, vpcs: [lit('vpc-1')], sourceIps: ['10.0.0.0/8'] }, deny: { ...none, sourceIps: ['10.1.0.0/16'] }, anonymousCallers: true },
      [
        { ...ALLOW_ANYONE, Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-1'] } } },
        { ...ALLOW_ANYONE, Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } } },
        { ...DENY_ANYONE, Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-1'] }, NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } } },
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
      { allow: { ...none, accounts: [lit('111122223333'), lit('arn:aws:iam::444455556666:role/r')] }, deny: none, anonymousCallers: false },
      [{ ...ALLOW_ANYONE, Principal: { AWS: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::111122223333:root' }, 'arn:aws:iam::444455556666:role/r'] } }],
    ],
    [
      'accounts and a place: the accounts are allowed from that place only',
      { allow: { ...none, accounts: [lit('arn:aws:iam::444455556666:root')], vpcEndpoints: [lit('vpce-1')] }, deny: none, anonymousCallers: false },
      [
        { ...ALLOW_ANYONE, Principal: { AWS: ['arn:aws:iam::444455556666:root'] }, Condition: { StringEquals: { 'aws:SourceVpce': ['vpce-1'] } } },
        { ...DENY_ANYONE, Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-1'] } } },
      ],
    ],
  ] as const)('%s', (_, rules, expected) => {
    expect(statements({ kind: 'rules', ...rules, origin })).toEqual(expected);
  });
});
