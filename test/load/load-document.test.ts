import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument, loadText } from '../../src/load/load-document.js';
import { parseSource } from '../../src/load/parse.js';
import { tempDir } from '../support/temp.js';

describe('parseSource', () => {
  it.each([
    ['!Ref X', { Ref: 'X' }],
    ['!GetAtt Fn.Arn', { 'Fn::GetAtt': ['Fn', 'Arn'] }],
    ['!GetAtt [Fn, Arn]', { 'Fn::GetAtt': ['Fn', 'Arn'] }],
    ['!Sub "a-${B}"', { 'Fn::Sub': 'a-${B}' }],
    ['!Sub ["${a}", { a: !Ref B }]', { 'Fn::Sub': ['${a}', { a: { Ref: 'B' } }] }],
    ['!ImportValue shared', { 'Fn::ImportValue': 'shared' }],
    ['!Join [",", [a, b]]', { 'Fn::Join': [',', ['a', 'b']] }],
    ['!If [C, !Ref A, !Ref AWS::NoValue]', { 'Fn::If': ['C', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] }],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!FindInMap [M, K, V]', { 'Fn::FindInMap': ['M', 'K', 'V'] }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!Not [!Condition C]', { 'Fn::Not': [{ Condition: 'C' }] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Cidr [10.0.0.0/16, 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
  ])('loads %s as its long form', (text, expected) => {
    const result = parseSource('t.yaml', `v: ${text}\n`);
    expect(result.ok).toBe(true);
    expect(result.file.value).toEqual({ v: expected });
  });

  it('keeps dates, versions and yes/no as written (YAML 1.2 core schema)', () => {
    expect(parseSource('t.yaml', 'a: 2024-01-01\nb: yes\nc: 1.10\nd: "200"\n200: x\n').file.value).toEqual({
      a: '2024-01-01',
      b: 'yes',
      c: 1.1,
      d: '200',
      '200': 'x',
    });
  });

  it('reports a syntax error at its line and column', () => {
    const result = parseSource('t.yaml', 'a: 1\nb: [\n');
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'syntax-error',
      location: { file: 't.yaml', position: { line: 3 } },
    });
  });

  it('reports a duplicate key', () => {
    const result = parseSource('t.yaml', 'a: 1\na: 2\n');
    expect(result.diagnostics[0]?.message).toMatch(/duplicated mapping key/i);
  });

  it.each([
    ['t.yaml', '\ufeffopenapi: 3.0.3\n', { line: 1, column: 1, endLine: 1, endColumn: 8 }],
    ['t.json', '\ufeff{"openapi": "3.0.3"}', { line: 1, column: 2, endLine: 1, endColumn: 11 }],
  ])('counts columns of %s after its byte order mark, as editors do', (path, text, position) => {
    expect(parseSource(path, text).file.positionOf('/openapi')).toEqual(position);
  });

  it('reports a duplicate key in JSON, which JSON.parse would drop silently', () => {
    const result = parseSource('t.json', '{"a": {"b\\"": 1, "c": "\\"b\\"\\":", "\\u0062\\"": 2}}');
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([
      { code: 'syntax-error', location: { position: { line: 1, column: 35 } } },
    ]);
    expect(result.diagnostics[0]?.message).toMatch(/duplicated mapping key `b"`/i);
    expect(parseSource('t.json', '{"a": {"b": 1}, "b": [{"b": 2}, {"b": 3}]}').ok).toBe(true);
  });

  it.each([
    ['JSON', 't.json', `{"openapi":"3.0.3","x":${'['.repeat(5000)}${']'.repeat(5000)}}`, { line: 1, column: 279 }],
    [
      'block YAML',
      't.yaml',
      Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
      undefined,
    ],
  ])('refuses %s nested thousands deep with a diagnostic, not a stack overflow', (_name, path, text, position) => {
    const result = parseSource(path, text);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toHaveLength(1);
    if (position) expect(result.diagnostics[0]).toMatchObject({ code: 'nesting-too-deep', location: { position } });
  });

  it('reads merge keys, and places nodes reached through an alias or a merge where the anchor wrote them', () => {
    const { file } = parseSource(
      't.yaml',
      'common: &c\n  type: mock\n  timeoutInMillis: 10\na: *c\nb:\n  <<: *c\n  extra: 1\n',
    );
    expect(file.value).toEqual({
      common: { type: 'mock', timeoutInMillis: 10 },
      a: { type: 'mock', timeoutInMillis: 10 },
      b: { type: 'mock', timeoutInMillis: 10, extra: 1 },
    });
    expect(file.positionOf('/a/timeoutInMillis')).toMatchObject({ line: 3, column: 3 });
    expect(file.positionOf('/b/timeoutInMillis')).toMatchObject({ line: 3, column: 3 });
    expect(file.positionOf('/b/extra')).toMatchObject({ line: 7, column: 3 });
  });

  it('resolves aliases to copies', () => {
    const value = parseSource('t.yaml', 'a: &x { k: 1 }\nb: *x\n').file.value as { a: object; b: object };
    expect(value.b).toEqual({ k: 1 });
    expect(value.b).not.toBe(value.a);
  });

  it('finds the exact position of a key for a pointer, and nothing for a pointer that names no node', () => {
    const { file } = parseSource('t.yaml', 'paths:\n  /pets/{id}:\n    get:\n      tags: [a, b]\n');
    expect(file.positionOf('/paths/~1pets~1{id}/get')).toMatchObject({ line: 3, column: 5 });
    expect(file.positionOf('/paths/~1pets~1{id}/get/tags/1')).toMatchObject({ line: 4, column: 17 });
    expect(file.positionOf('/paths/~1pets~1{id}/post')).toBeUndefined();
    expect(file.positionOf('/paths/~1pets~1{id}/get/tags/7')).toBeUndefined();
  });

  it('finds positions in JSON input', () => {
    const { file } = parseSource('t.json', '{\n  "a": {\n    "b": [1, 2]\n  }\n}\n');
    expect(file.value).toEqual({ a: { b: [1, 2] } });
    expect(file.positionOf('/a/b')).toMatchObject({ line: 3, column: 5 });
  });
});

describe('loadDocument', () => {
  it.each([
    ['a missing file', (dir: string) => join(dir, 'nope.yaml'), /no such file/, /relative to the current directory/],
    ['a folder', (dir: string) => dir, /is a folder/, /glob/],
  ])('says why it cannot read %s', async (_name, target, message, hint) => {
    const result = await loadDocument(target(tempDir('gateform-load-')));
    expect(result.diagnostics).toMatchObject([
      { code: 'file-unreadable', message: expect.stringMatching(message), hint: expect.stringMatching(hint) },
    ]);
  });

  it('bundles $refs across files and locates bundled nodes in the file that wrote them', async () => {
    const dir = tempDir('gateform-');
    mkdirSync(join(dir, 'parts'));
    writeFileSync(
      join(dir, 'openapi.yaml'),
      'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    $ref: ./parts/a.yaml\n',
    );
    writeFileSync(
      join(dir, 'parts', 'a.yaml'),
      'get:\n  x-gateway:\n    integration: { lambda: !GetAtt Fn.Arn }\n  responses:\n    "200": { description: ok }\n',
    );
    const path = relative(process.cwd(), join(dir, 'openapi.yaml'));
    const { loaded, diagnostics } = await loadDocument(path);
    expect(diagnostics).toEqual([]);
    expect((loaded!.document['paths'] as Record<string, Record<string, unknown>>)['/a']!['get']).toMatchObject({
      'x-gateway': { integration: { lambda: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
    });
    const location = loaded!.locate('/paths/~1a/get/x-gateway/integration/lambda');
    expect(location).toEqual({
      file: relative(process.cwd(), join(dir, 'parts', 'a.yaml')),
      pointer: '/get/x-gateway/integration/lambda',
    });
    expect(loaded!.files.get(location.file)!.positionOf(location.pointer)).toMatchObject({ line: 3, column: 20 });
  });

  it('follows internal $refs when locating', async () => {
    const { loaded } = await loadText(
      't.yaml',
      'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200": { $ref: "#/components/responses/Ok" }\ncomponents:\n  responses:\n    Ok: { description: fine }\n',
    );
    expect(loaded!.locate('/paths/~1a/get/responses/200/description')).toEqual({
      file: 't.yaml',
      pointer: '/components/responses/Ok/description',
    });
  });

  it('accepts CloudFormation intrinsics in place of any Body value', async () => {
    const { diagnostics } = await loadText(
      't.yaml',
      'openapi: 3.0.3\ninfo: { title: !Ref AppName, version: !Sub "${Version}" }\npaths: {}\n',
    );
    expect(diagnostics).toEqual([]);
  });

  it('says when a string was written as a number', async () => {
    const { diagnostics } = await loadText('t.yaml', 'openapi: 3.0.3\ninfo: { title: T, version: 1.0 }\npaths: {}\n');
    expect(diagnostics.map((d) => d.message)).toEqual([
      '`version` must be of type string (it was read as the number 1; quote it to make it a string).',
    ]);
    expect(diagnostics[0]!.location).toEqual({ file: 't.yaml', pointer: '/info/version' });
  });

  it.each([
    ['"3.0"', 'openapi: "3.0"', '3.0', '3.0.3'],
    ['3.0 (a number)', 'openapi: 3.0', '3.0', '3.0.3'],
    ['3.1 (a number)', 'openapi: 3.1', '3.1', '3.1.0'],
  ])('reads %s as the full version, with a warning', async (_name, line, family, full) => {
    const { loaded, diagnostics } = await loadText('t.yaml', `${line}\ninfo: { title: T, version: "1" }\npaths: {}\n`);
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.location?.pointer}`)).toEqual([
      'warning openapi-version-incomplete /openapi',
    ]);
    expect(loaded?.version).toBe(family);
    expect(loaded?.document['openapi']).toBe(full);
  });

  it.each([
    ['Swagger 2.0', 'swagger: "2.0"\ninfo: { title: T, version: "1" }\npaths: {}\n', 'unsupported-openapi-version'],
    [
      'a version without its minor number',
      'openapi: "3"\ninfo: { title: T, version: "1" }\npaths: {}\n',
      'unsupported-openapi-version',
    ],
    ['OpenAPI 2.x', 'openapi: 2.0.0\ninfo: { title: T, version: "1" }\npaths: {}\n', 'unsupported-openapi-version'],
    ['no version', 'info: { title: T, version: "1" }\n', 'not-openapi'],
    ['a list', '- a\n- b\n', 'not-openapi'],
    [
      'an invalid structure',
      'openapi: 3.0.3\ninfo: { title: T, version: "1" }\nservers: [128]\npaths: {}\n',
      'openapi-structure',
    ],
  ])('rejects %s with a diagnostic', async (_name, text, code) => {
    const { loaded, diagnostics } = await loadText('t.yaml', text);
    expect(diagnostics.map((d) => d.code)).toContain(code);
    if (code !== 'openapi-structure') expect(loaded).toBeUndefined();
  });
});

it.each([
  ['an empty file', ''],
  ['a file of comments', '# nothing yet\n'],
])('places "not an OpenAPI object" for %s at 1:1', async (_name, text) => {
  const result = await loadText('t.yaml', text);
  expect(result.diagnostics).toMatchObject([{ code: 'not-openapi', location: { position: { line: 1, column: 1 } } }]);
});

describe('internal $refs', () => {
  const HEAD = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\n';
  it.each([
    [
      'a dangling ref',
      `${HEAD}paths:\n  /a:\n    get:\n      responses: { "200": { $ref: "#/components/responses/Nope" } }\n`,
      ['/paths/~1a/get/responses/200/$ref'],
    ],
    [
      'a ref through a ref to nothing',
      `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A: { $ref: "#/components/schemas/B/properties/x" }\n    B: { $ref: "#/components/schemas/C" }\n    C: { type: object }\n`,
      ['/components/schemas/A/$ref'],
    ],
    [
      'a loop of refs',
      `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A: { $ref: "#/components/schemas/B" }\n    B: { $ref: "#/components/schemas/A" }\n`,
      ['/components/schemas/A/$ref', '/components/schemas/B/$ref'],
    ],
    [
      'a ref to itself',
      `${HEAD}paths: {}\ncomponents:\n  requestBodies:\n    R: { $ref: "#/components/requestBodies/R" }\n`,
      ['/components/requestBodies/R/$ref'],
    ],
  ])('reports %s at the $ref, and loads the rest to be checked', async (_name, text, pointers) => {
    const result = await loadText('t.yaml', text);
    expect(result.loaded?.document['paths']).toBeDefined();
    expect(result.diagnostics.map((d) => `${d.code} ${d.location?.pointer}`)).toEqual(
      pointers.map((p) => `unresolved-ref ${p}`),
    );
  });

  // Every REST API has the models Empty and Error, and the import resolves a reference to them by name.
  it.each([
    ['Empty, in a spec with API Gateway extensions', 'Empty', 'x-amazon-apigateway-integration: { type: mock }', []],
    ['Error, in a spec with x-gateway', 'Error', 'x-gateway: { integration: { mock: {} } }', []],
    [
      'Empty, in a plain spec',
      'Empty',
      '',
      ['unresolved-ref /paths/~1a/post/requestBody/content/application~1json/schema/$ref'],
    ],
  ])('takes a ref to the built-in model %s', async (_name, model, extension, expected) => {
    const text = `${HEAD}paths:\n  /a:\n    post:\n      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/${model}" } } } }\n      responses: { "200": { description: ok } }\n${extension && `      ${extension}\n`}`;
    const result = await loadText('t.yaml', text);
    expect(result.diagnostics.map((d) => `${d.code} ${d.location?.pointer}`)).toEqual(expected);
  });

  it('accepts refs through refs and recursive schemas', async () => {
    const result = await loadText(
      't.yaml',
      `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A: { $ref: "#/components/schemas/B/properties/next" }\n    B: { $ref: "#/components/schemas/C" }\n    C: { type: object, properties: { next: { $ref: "#/components/schemas/C" } } }\n`,
    );
    expect(result.diagnostics).toEqual([]);
  });
});

describe('OpenAPI-validity points API Gateway accepts', () => {
  it.each([
    [
      'empty responses',
      'paths:\n  /a:\n    get: { responses: {} }\n',
      'openapi-responses-empty /paths/~1a/get/responses',
    ],
    ['no responses', 'paths:\n  /a:\n    get: { summary: s }\n', 'openapi-responses-empty /paths/~1a/get'],
    ['a numeric info.version', 'paths: {}\n', 'openapi-info-incomplete /info/version', '1.0'],
  ])('gives %s its own code, as a warning', async (_name, rest, expected, version = '"1"') => {
    const { loaded, diagnostics } = await loadText(
      't.yaml',
      `openapi: 3.0.3\ninfo: { title: T, version: ${version} }\n${rest}`,
    );
    expect(loaded).toBeDefined();
    expect(diagnostics.map((d) => `${d.code} ${d.location?.pointer}`)).toEqual([expected]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(diagnostics[0]!.message).not.toMatch(/must NOT|fewer than/);
  });
});

describe('OpenAPI structure errors', () => {
  it.each([
    [
      'a Swagger 2.0 style header',
      'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          headers:\n            X-Rate: { type: integer }\n',
      [
        'The response header `X-Rate` is written as in Swagger 2.0 (`type` on the header); OpenAPI 3 puts it in a `schema`.',
      ],
    ],
    [
      'a 3.1 document with nothing in it',
      'openapi: 3.1.0\ninfo: { title: T, version: "1" }\n',
      ['The document needs one of the properties `paths`, `components`, `webhooks`.'],
    ],
    [
      'an info without title and version',
      'openapi: 3.0.3\ninfo: {}\npaths: {}\n',
      ['`info` is missing the required property `title`.', '`info` is missing the required property `version`.'],
    ],
  ])('says it once for %s', async (_name, text, messages) => {
    const result = await loadText('t.yaml', text);
    expect(result.diagnostics.map((d) => d.message)).toEqual(messages);
  });
});
