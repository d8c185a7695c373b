import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/parse.js';
import { scalar, serializeTemplate } from '../../src/emit/serialize.js';

/** Read YAML back as a YAML 1.1 reader would (js-yaml's default schema has 1.1-style timestamps) and as gateform does. */
function readBack(text: string): unknown {
  const parsed = parseSource('t.yaml', text);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.file.value;
}

const TRICKY_STRINGS: readonly string[] = [
  '',
  ' ',
  'yes',
  'No',
  'on',
  'OFF',
  'null',
  '~',
  'true',
  '1',
  '0x1F',
  '1.0.0',
  '2010-09-09',
  '12:30',
  '.5',
  '-1',
  '+1',
  '.inf',
  'a: b',
  'a #b',
  'ends:',
  '- item',
  '? key',
  '*alias',
  '&anchor',
  '!tag',
  '%directive',
  '@at',
  '`tick',
  '|pipe',
  '>fold',
  '#comment',
  "'quoted'",
  '"double"',
  '{braces}',
  '[brackets]',
  'a,b',
  '/pets/{petId}',
  'application/json',
  '$ref',
  'x-amazon-apigateway-integration',
  'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/pets/*',
  'tab\there',
  'unicode ü ✓ 日本',
  'line\nbreak',
  'two\nlines\n',
  'trailing\n\n',
  '\nleading newline',
  '  indented\nblock',
  'tail space \nnext',
  'cr\r\nlf',
  '\u2028sep',
  '#set($d = "$")${d}',
  '{"statusCode": 200}',
  'a\n\n\nb',
  'x\n  indented later\n',
];

describe('serializeTemplate', () => {
  it.each(TRICKY_STRINGS.map((s) => [JSON.stringify(s), s]))(
    'round-trips the string %s as a value and as a key',
    (_name, text) => {
      const value = { key: text, list: [text, { inner: text }], [text]: 1, tagged: { 'Fn::Sub': text } };
      expect(readBack(serializeTemplate(value, 'yaml'))).toEqual(value);
      expect(jsyaml.load(serializeTemplate({ k: text }, 'yaml'), { schema: jsyaml.DEFAULT_SCHEMA })).toEqual({
        k: text,
      });
    },
  );

  it('writes CloudFormation short-form tags', () => {
    const text = serializeTemplate(
      {
        A: { Ref: 'X' },
        B: { 'Fn::GetAtt': ['Fn', 'Arn'] },
        C: { 'Fn::Sub': ['${a}-${B}', { a: { Ref: 'Z' } }] },
        D: [{ 'Fn::ImportValue': 'shared' }],
        E: { 'Fn::If': ['Cond', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] },
      },
      'yaml',
    );
    expect(text).toBe(
      [
        'A: !Ref X',
        'B: !GetAtt Fn.Arn',
        'C: !Sub',
        '  - ${a}-${B}',
        '  - a: !Ref Z',
        'D:',
        '  - !ImportValue shared',
        'E: !If',
        '  - Cond',
        '  - !Ref A',
        '  - !Ref AWS::NoValue',
        '',
      ].join('\n'),
    );
    expect(readBack(text)).toEqual({
      A: { Ref: 'X' },
      B: { 'Fn::GetAtt': ['Fn', 'Arn'] },
      C: { 'Fn::Sub': ['${a}-${B}', { a: { Ref: 'Z' } }] },
      D: [{ 'Fn::ImportValue': 'shared' }],
      E: { 'Fn::If': ['Cond', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] },
    });
  });

  it('round-trips nested collections, empty ones and scalars of every type', () => {
    const value = {
      a: [],
      b: {},
      c: [[1, 2], [], [{}]],
      d: [{ x: 1, y: [true, null, 1.5] }],
      e: -0.25,
      f: false,
      g: { h: { i: 'deep' } },
    };
    expect(readBack(serializeTemplate(value, 'yaml'))).toEqual(value);
  });

  it('writes JSON with long-form intrinsics', () => {
    expect(serializeTemplate({ A: { Ref: 'X' } }, 'json')).toBe('{\n  "A": {\n    "Ref": "X"\n  }\n}\n');
  });

  it.each([
    ['plain', 'application/json', 'application/json'],
    ['boolean-like', 'yes', '"yes"'],
    ['number-like', '1.0', '"1.0"'],
    ['path with braces', '/pets/{id}', '/pets/{id}'],
    ['colon space', 'a: b', '"a: b"'],
  ])('quotes only when needed: %s', (_name, text, expected) => {
    expect(scalar(text)).toBe(expected);
  });
});
