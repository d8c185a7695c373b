import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { type ResourceKind, wholeReference, wildcardScope } from '../../src/integrations/resource-form.js';
import type { AwsValue } from '../../src/model/aws-value.js';
import { tempDir } from '../support/temp.js';

describe('wholeReference', () => {
  it.each<[string, AwsValue, ReturnType<typeof wholeReference>]>([
    ['!Ref X', { kind: 'intrinsic', value: { Ref: 'Queue' } }, { name: 'Queue' }],
    [
      '!GetAtt X.Arn as a list',
      { kind: 'intrinsic', value: { 'Fn::GetAtt': ['Queue', 'Arn'] } },
      { name: 'Queue', attribute: 'Arn' },
    ],
    [
      'Fn::GetAtt "X.Arn" as a string (JSON)',
      { kind: 'intrinsic', value: { 'Fn::GetAtt': 'HttpApi.ApiId' } },
      { name: 'HttpApi', attribute: 'ApiId' },
    ],
    ['Fn::GetAtt without an attribute', { kind: 'intrinsic', value: { 'Fn::GetAtt': 'HttpApi' } }, undefined],
    ['${X}', { kind: 'sub', template: '${Queue}' }, { name: 'Queue' }],
    ['${X.Arn}', { kind: 'sub', template: '${Queue.Arn}' }, { name: 'Queue', attribute: 'Arn' }],
    ['text around a placeholder', { kind: 'sub', template: 'arn:${Queue}' }, undefined],
    ['a literal', { kind: 'literal', value: 'orders' }, undefined],
  ])('%s', (_, value, want) => {
    expect(wholeReference(value)).toEqual(want);
  });
});

describe('wildcardScope', () => {
  const topic: ResourceKind = { noun: 'topic', types: {}, forms: ['arn', 'name'], example: '' };
  const lit = (value: string): AwsValue => ({ kind: 'literal', value });
  it.each<[string, AwsValue, string | undefined]>([
    ['a bare *', lit('*'), 'every topic'],
    ['every part a wildcard', lit('arn:aws:sns:*:*:*'), 'every topic in every region of every account'],
    ['a partial name', lit('arn:aws:sns:us-east-1:123456789012:orders-?'), 'every topic matching `orders-?`'],
    [
      'a region pattern',
      lit('arn:aws:sns:us-*:123456789012:orders'),
      'the topic `orders` in every region matching `us-*`',
    ],
    [
      'a resource path',
      { kind: 'sub', template: 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*' },
      'every topic',
    ],
    ['an S3 ARN', lit('arn:aws:s3:::*'), 'every topic'],
    ['a name pattern', lit('orders-*'), 'every topic matching `orders-*`'],
    [
      'a wildcard in a Join',
      { kind: 'intrinsic', value: { 'Fn::Join': ['', ['arn:aws:sns:us-east-1:123456789012:', '*']] } },
      'every topic the pattern matches',
    ],
    [
      'placeholders only',
      { kind: 'sub', template: 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${Name}' },
      undefined,
    ],
    ['a reference', { kind: 'intrinsic', value: { Ref: 'Topic' } }, undefined],
    ['a plain ARN', lit('arn:aws:sns:us-east-1:123456789012:orders'), undefined],
  ])('%s', (_, value, want) => {
    expect(wildcardScope(value, topic)).toBe(want);
  });

  it('refuses a wildcard target of every service, saying what the role would match', async () => {
    const dir = tempDir('gateform-wildcard-');
    const targets = [
      ['sns: { topic: "arn:aws:sns:*:*:*" }', 'every topic in every region of every account'],
      ['sqs: { queue: "arn:aws:sqs:us-east-1:123456789012:*" }', 'every queue'],
      [
        'dynamodb: { table: "arn:aws:dynamodb:us-east-1:123456789012:table/*", action: PutItem, item: { id: body.id } }',
        'every table',
      ],
      ['s3: { bucket: "arn:aws:s3:::*", action: PutObject, key: "in/x" }', 'every bucket'],
      ['kinesis: { stream: "clicks-*", partitionKey: context.requestId }', 'every stream matching `clicks-*`'],
      [
        'stepfunctions: { stateMachine: "arn:aws:states:us-east-1:*:stateMachine:flow", action: StartExecution }',
        'the state machine `flow` of every account',
      ],
      ['eventbridge: { bus: "*", source: shop, detailType: placed }', 'every event bus'],
    ];
    const paths = targets.map(
      ([integration], i) =>
        `  /t${i}:\n    post:\n      x-gateway: { auth: iam, integration: { ${integration} } }\n      requestBody: { content: { application/json: { schema: { type: object } } } }\n      responses: { '200': { description: ok } }\n`,
    );
    writeFileSync(
      join(dir, 'openapi.yaml'),
      `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n${paths.join('')}`,
    );
    const result = await compile(join(dir, 'openapi.yaml'));
    const found = result.diagnostics.filter((d) => d.code === 'service-target-wildcard');
    expect(found.map((d) => [d.severity, d.location?.pointer.split('/').slice(0, 3).join('/')])).toEqual(
      targets.map((_t, i) => ['error', `/paths/~1t${i}`]),
    );
    found.forEach((d, i) => {
      expect(d.message).toContain(`it matches ${targets[i]![1]},`);
    });
    expect(result.template).toBeUndefined();
  });
});
