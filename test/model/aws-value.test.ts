import { describe, expect, it } from 'vitest';
import {
  cfnValue,
  joinSub,
  placeholderNames,
  referencedNames,
  subText,
  toAwsValue,
} from '../../src/model/aws-value.js';
import { executeApiMethodArn } from '../../src/model/arns.js';

describe('toAwsValue', () => {
  it.each([
    [
      'a literal',
      'arn:aws:lambda:eu-west-1:123456789012:function:f',
      { kind: 'literal', value: 'arn:aws:lambda:eu-west-1:123456789012:function:f' },
    ],
    ['a placeholder', '${FnArn}', { kind: 'sub', template: '${FnArn}' }],
    [
      'an API Gateway stage variable only',
      'arn:fn:${stageVariables.fn}',
      { kind: 'literal', value: 'arn:fn:${stageVariables.fn}' },
    ],
    [
      'a placeholder beside a stage variable',
      '${Base}:${stageVariables.fn}',
      { kind: 'sub', template: '${Base}:${!stageVariables.fn}' },
    ],
    ['an escaped literal, as Fn::Sub reads it', 'a${!b}', { kind: 'literal', value: 'a${b}' }],
    ['an escaped literal beside a placeholder', '${A}${!b}', { kind: 'sub', template: '${A}${!b}' }],
    ['an intrinsic', { 'Fn::ImportValue': 'x' }, { kind: 'intrinsic', value: { 'Fn::ImportValue': 'x' } }],
    ['a number', 42, undefined],
    ['an object that is no intrinsic', { a: 1, b: 2 }, undefined],
  ])('classifies %s', (_name, raw, expected) => {
    expect(toAwsValue(raw)).toEqual(expected);
  });
});

describe('cfnValue', () => {
  it.each([
    ['${Fn}', { Ref: 'Fn' }],
    ['${Fn.Arn}', { 'Fn::GetAtt': ['Fn', 'Arn'] }],
    ['${AWS::Region}', { Ref: 'AWS::Region' }],
    ['arn:${AWS::Partition}:x', { 'Fn::Sub': 'arn:${AWS::Partition}:x' }],
  ])('writes %s as the simplest intrinsic', (template, expected) => {
    expect(cfnValue({ kind: 'sub', template })).toEqual(expected);
  });
});

describe('joinSub', () => {
  it.each([
    ['literals only, with ${ kept literal', ['a', { kind: 'literal', value: 'b${x}' }], 'ab${x}'],
    ['a placeholder', ['pre/', { kind: 'sub', template: '${Fn}' }, '/post'], { 'Fn::Sub': 'pre/${Fn}/post' }],
    [
      'a literal with ${ inside a Sub',
      [subText('${AWS::Region}:'), { kind: 'literal', value: '${stageVariables.a}' }],
      { 'Fn::Sub': '${AWS::Region}:${!stageVariables.a}' },
    ],
    [
      'a GetAtt inline',
      ['x:', { kind: 'intrinsic', value: { 'Fn::GetAtt': ['Fn', 'Arn'] } }],
      { 'Fn::Sub': 'x:${Fn.Arn}' },
    ],
    ['a Ref inline', ['x:', { kind: 'intrinsic', value: { Ref: 'P' } }], { 'Fn::Sub': 'x:${P}' }],
    [
      'other intrinsics as variables',
      [
        'x:',
        { kind: 'intrinsic', value: { 'Fn::ImportValue': 'e' } },
        ':',
        { kind: 'intrinsic', value: { 'Fn::ImportValue': 'f' } },
      ],
      {
        'Fn::Sub': [
          'x:${Value1}:${Value2}',
          { Value1: { 'Fn::ImportValue': 'e' }, Value2: { 'Fn::ImportValue': 'f' } },
        ],
      },
    ],
  ] as const)('joins %s', (_name, parts, expected) => {
    expect(joinSub(parts as never)).toEqual(expected);
  });
});

describe('references', () => {
  it('lists placeholder names once each', () => {
    expect(placeholderNames('${A}-${B.Arn}-${A}-${!C}-${stageVariables.d}')).toEqual(['A', 'B.Arn']);
  });

  it('lists logical IDs referenced by intrinsics, leaving out pseudo parameters and Sub variables', () => {
    expect(referencedNames({ 'Fn::Sub': ['${V}-${X}-${Y.Arn}-${AWS::Region}', { V: { Ref: 'Z' } }] })).toEqual([
      'X',
      'Y',
      'Z',
    ]);
    expect(referencedNames({ 'Fn::If': ['C', { 'Fn::GetAtt': ['A', 'Arn'] }, { Ref: 'AWS::NoValue' }] })).toEqual([
      'A',
    ]);
  });
});

describe('executeApiMethodArn', () => {
  it.each([
    ['GET', '/pets', 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/pets'],
    [
      'DELETE',
      '/pets/{id}',
      'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/DELETE/pets/*',
    ],
    ['ANY', '/{proxy+}', 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/*/*'],
    ['GET', '/', 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/'],
  ] as const)('%s %s', (method, path, expected) => {
    expect(executeApiMethodArn('Api', method, path)).toBe(expected);
  });
});
