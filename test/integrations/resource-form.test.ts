import { describe, expect, it } from 'vitest';
import { wholeReference } from '../../src/integrations/resource-form.js';
import type { AwsValue } from '../../src/model/aws-value.js';

describe('wholeReference', () => {
  it.each<[string, AwsValue, ReturnType<typeof wholeReference>]>([
    ['!Ref X', { kind: 'intrinsic', value: { Ref: 'Queue' } }, { name: 'Queue' }],
    ['!GetAtt X.Arn as a list', { kind: 'intrinsic', value: { 'Fn::GetAtt': ['Queue', 'Arn'] } }, { name: 'Queue', attribute: 'Arn' }],
    ['Fn::GetAtt "X.Arn" as a string (JSON)', { kind: 'intrinsic', value: { 'Fn::GetAtt': 'HttpApi.ApiId' } }, { name: 'HttpApi', attribute: 'ApiId' }],
    ['Fn::GetAtt without an attribute', { kind: 'intrinsic', value: { 'Fn::GetAtt': 'HttpApi' } }, undefined],
    ['${X}', { kind: 'sub', template: '${Queue}' }, { name: 'Queue' }],
    ['${X.Arn}', { kind: 'sub', template: '${Queue.Arn}' }, { name: 'Queue', attribute: 'Arn' }],
    ['text around a placeholder', { kind: 'sub', template: 'arn:${Queue}' }, undefined],
    ['a literal', { kind: 'literal', value: 'orders' }, undefined],
  ])('%s', (_, value, want) => {
    expect(wholeReference(value)).toEqual(want);
  });
});
