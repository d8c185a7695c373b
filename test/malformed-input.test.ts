/**
 * Documents and --into templates of the wrong shape where the OpenAPI schema does not look (extensions,
 * other files) or where a config lets the rules run anyway: each gets a located diagnostic, never a
 * stack trace, and names that are also Object.prototype's keys mean nothing special.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Diagnostic, lint } from '../src/index.js';
import { DEFAULT_CONFIG } from '../src/lint/config.js';
import { tempDir } from './support/temp.js';

const SPEC = `openapi: 3.0.3
info: { title: T, version: "1" }
x-gateway:
  defaults:
    integration: { lambda: "\${FnArn}" }
paths:
  /a:
    get:
      responses: { '200': { description: ok } }
`;

function write(files: Readonly<Record<string, string>>): string {
  const dir = tempDir('gateform-malformed-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Code and JSON pointer of each diagnostic, after checking that every one is located and readable. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  for (const d of diagnostics) {
    expect(d.location, d.message).toBeDefined();
    expect(d.message).not.toMatch(/\[object \w+\]|\[native code\]|\bundefined\b|\bNaN\b/i);
  }
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.location?.pointer ?? '?'}`);
}

describe('a document of the wrong shape', () => {
  const cases: [string, { spec: string; compile: string[]; lint?: string[]; message?: string }][] = [
    ['a server that is a number', { spec: `${SPEC}servers: [128]\n`, compile: ['error openapi-structure /servers/0'] }],
    [
      'a security scheme that is a string',
      {
        spec: `${SPEC}components:\n  securitySchemes:\n    foo: bar\n`,
        compile: ['error openapi-structure /components/securitySchemes/foo'],
      },
    ],
    [
      'components that is a string',
      { spec: `${SPEC}components: ""\n`, compile: ['error openapi-structure /components'] },
    ],
    [
      'an any-method that is a number',
      {
        spec: SPEC.replace('    get:', '    x-amazon-apigateway-any-method: 7\n    get:'),
        compile: ['error extension-schema /paths/~1a/x-amazon-apigateway-any-method'],
      },
    ],
    [
      'an openapi version that is a mapping',
      {
        spec: SPEC.replace('openapi: 3.0.3', 'openapi: { v: 3 }'),
        compile: ['error unsupported-openapi-version /openapi'],
      },
    ],
    [
      'a swagger version that is a mapping',
      {
        spec: SPEC.replace('openapi: 3.0.3', 'swagger: { v: 2 }'),
        compile: ['error unsupported-openapi-version /swagger'],
      },
    ],
    [
      'a raw integration type that is a mapping',
      {
        spec: SPEC.replace(
          '      responses:',
          '      x-amazon-apigateway-integration: { type: { a: 1 } }\n      responses:',
        ).replace('x-gateway:\n  defaults:\n    integration: { lambda: "${FnArn}" }\n', ''),
        compile: ['error extension-schema /paths/~1a/get/x-amazon-apigateway-integration/type'],
      },
    ],
    [
      'an authorizer named like an Object.prototype key',
      {
        spec: SPEC.replace(
          '  defaults:',
          '  authorizers:\n    constructor: { type: token, function: "${AuthArn}" }\n  defaults:\n    auth: constructor',
        ),
        compile: [],
      },
    ],
    [
      'an attribute named like an Object.prototype key',
      {
        spec: SPEC.replace('    get:', '    post:').replace(
          '      responses:',
          '      x-gateway: { integration: { sqs: { queue: "${Queue.constructor}" } } }\n      requestBody: { content: { application/json: { schema: { type: object } } } }\n      responses:',
        ),
        // Lint knows no template, so it takes the reference on trust.
        compile: [
          'error unknown-reference /paths/~1a/post/x-gateway/integration/sqs/queue',
          'error service-target-form /paths/~1a/post/x-gateway/integration/sqs/queue',
        ],
        lint: ['error service-target-form /paths/~1a/post/x-gateway/integration/sqs/queue'],
        message: "Cannot tell whether `Queue.constructor` is the queue's ARN, URL or name.",
      },
    ],
    [
      'a security requirement naming an Object.prototype key',
      {
        spec: SPEC.replace('      responses:', '      security: [{ toString: [] }]\n      responses:').replace(
          'x-gateway:\n  defaults:\n    integration: { lambda: "${FnArn}" }\n',
          '',
        ),
        compile: [
          'error integration-missing /paths/~1a/get',
          'error authorizer-unknown /paths/~1a/get/security/0/toString',
        ],
        message: '`toString` is not a security scheme; declared: none.',
      },
    ],
  ];
  it.each(cases)('%s', async (_name, { spec, compile: want, lint: wantLint, message }) => {
    const dir = write({ 'openapi.yaml': spec });
    const compiled = await compile(join(dir, 'openapi.yaml'));
    expect(summary(compiled.diagnostics)).toEqual(want);
    expect(summary((await lint(join(dir, 'openapi.yaml'), DEFAULT_CONFIG)).diagnostics)).toEqual(wantLint ?? want);
    if (message !== undefined) expect(compiled.diagnostics.map((d) => d.message)).toContain(message);
  });

  it('keeps an authorizer named `__proto__` as a scheme that its operations require', async () => {
    const dir = write({
      'openapi.yaml': SPEC.replace(
        '  defaults:',
        '  authorizers:\n    __proto__: { type: token, function: "${AuthArn}" }\n  defaults:\n    auth: __proto__',
      ),
    });
    const result = await compile(join(dir, 'openapi.yaml'));
    expect(summary(result.diagnostics)).toEqual([]);
    const body = result.template?.Resources['TApi']?.Properties?.['Body'] as {
      components: { securitySchemes: object };
      paths: Record<string, { get: { security: object[] } }>;
    };
    expect(Object.keys(body.components.securitySchemes)).toEqual(['__proto__']);
    expect(body.paths['/a']?.get.security.map((r) => Object.keys(r))).toEqual([['__proto__']]);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('runs the rules on a shape the loader refused when the config ignores that error', async () => {
    const dir = write({
      'openapi.yaml': `${SPEC}servers: [128]\ncomponents:\n  securitySchemes:\n    foo: bar\n  x-amazon-apigateway-integrations: ""\n`,
    });
    const config = { ...DEFAULT_CONFIG, ignores: [{ pointer: '', rules: ['openapi-structure'], reason: 'tested' }] };
    expect(summary((await lint(join(dir, 'openapi.yaml'), config)).diagnostics)).toEqual([
      'error http-api-extensions /components/x-amazon-apigateway-integrations',
    ]);
  });
});

describe('an --into template of the wrong shape', () => {
  const cases: [string, { base: string; want: string[] }][] = [
    ['Outputs that is a string', { base: 'Outputs: "x"\nResources: {}\n', want: ['error not-a-template /Outputs'] }],
    [
      'Parameters that is a number',
      { base: 'Parameters: 5\nResources: {}\n', want: ['error not-a-template /Parameters'] },
    ],
    [
      'Parameters that is a list',
      { base: 'Parameters: [a]\nResources: {}\n', want: ['error not-a-template /Parameters'] },
    ],
    ['Resources that is a list', { base: 'Resources: [a]\n', want: ['error not-a-template /Resources'] }],
    [
      'a resource without a Type',
      {
        base: 'Resources:\n  Queue: { Properties: {} }\n  Topic: 5\n',
        want: ['error not-a-template /Resources/Queue', 'error not-a-template /Resources/Topic'],
      },
    ],
    ['a list, not a template', { base: '- Resources\n', want: ['error not-a-template '] }],
    ['empty sections', { base: 'Parameters:\nOutputs:\nResources: {}\n', want: [] }],
  ];
  it.each(cases)('%s', async (_name, { base, want }) => {
    const dir = write({ 'openapi.yaml': SPEC, 'base.yaml': base });
    const result = await compile(join(dir, 'openapi.yaml'), { into: join(dir, 'base.yaml') });
    expect(summary(result.diagnostics)).toEqual(want);
    expect(result.template === undefined).toBe(want.length > 0);
  });

  it('keeps a base parameter named like an Object.prototype key apart from the generated ones', async () => {
    const dir = write({ 'openapi.yaml': SPEC.replace('${FnArn}', '${constructor}'), 'base.yaml': 'Resources: {}\n' });
    const result = await compile(join(dir, 'openapi.yaml'), { into: join(dir, 'base.yaml') });
    expect(summary(result.diagnostics)).toEqual([]);
    expect(Object.keys(result.template?.Parameters ?? {})).toEqual(['constructor']);
  });
});
