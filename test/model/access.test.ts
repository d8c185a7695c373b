import { describe, expect, it } from 'vitest';
import { identitySource } from '../../src/model/access.js';
import { methodKey, renderPolicy } from '../../src/emit/access.js';
import type { Route } from '../../src/model/ir.js';

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
    ['ANY', '/{proxy+}', '/{proxy+}/*'],
  ] as const)('%s %s → %s', (method, path, expected) => {
    expect(methodKey({ method, path } as Route)).toBe(expected);
  });
});

describe('renderPolicy', () => {
  const origin = { file: 'f', pointer: '' };
  const none = { accounts: [], vpcEndpoints: [], vpcs: [], sourceIps: [] };
  it('allows exactly the VPC endpoints of a private API', () => {
    expect(renderPolicy({ kind: 'vpc-endpoints', vpcEndpoints: [{ kind: 'literal', value: 'vpce-1' }], origin })).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { StringEquals: { 'aws:SourceVpce': ['vpce-1'] } } }],
    });
  });

  it('turns account ids into root principals of this partition and keeps ARNs', () => {
    const policy = renderPolicy({ kind: 'rules', allow: { ...none, accounts: [{ kind: 'literal', value: '111122223333' }, { kind: 'literal', value: 'arn:aws:iam::444455556666:role/r' }] }, deny: none, origin }) as { Statement: { Principal: unknown }[] };
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]!.Principal).toEqual({ AWS: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::111122223333:root' }, 'arn:aws:iam::444455556666:role/r'] });
  });

  it('writes one statement per kind of caller, allows before denies', () => {
    const policy = renderPolicy({ kind: 'rules', allow: { ...none, vpcs: [{ kind: 'literal', value: 'vpc-1' }], sourceIps: ['10.0.0.0/8'] }, deny: { ...none, sourceIps: ['10.1.0.0/16'] }, origin }) as { Statement: { Effect: string; Condition: unknown }[] };
    expect(policy.Statement.map((s) => [s.Effect, s.Condition])).toEqual([
      ['Allow', { StringEquals: { 'aws:SourceVpc': ['vpc-1'] } }],
      ['Allow', { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }],
      ['Deny', { IpAddress: { 'aws:SourceIp': ['10.1.0.0/16'] } }],
    ]);
  });
});
