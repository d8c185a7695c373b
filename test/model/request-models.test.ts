/**
 * The model's findings about body-validated request schemas: each once, at the keyword's own pointer,
 * and only where API Gateway's validator really answers differently from the spec.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compile } from '../../src/index.js';
import { writeRequestSpec } from '../support/request-spec.js';
import { tempDir } from '../support/temp.js';

type Schema = Record<string, unknown>;

interface Given {
  readonly version: '3.0.3' | '3.1.0';
  readonly schemas: Record<string, Schema>;
  readonly request: Schema;
}

const REQUEST = '/paths/~1x/post/requestBody/content/application~1json/schema';

const TABLE: [name: string, { given: Given; want: string[] }][] = [
  [
    'a schema reached by walking its parent and by $ref is reported once',
    {
      given: {
        version: '3.0.3',
        schemas: {
          Outer: {
            type: 'object',
            properties: {
              inner: { $ref: '#/components/schemas/Outer/properties/shared' },
              shared: { type: 'number', minimum: 0, exclusiveMinimum: true },
            },
          },
        },
        request: { $ref: '#/components/schemas/Outer' },
      },
      want: ['model-keyword-ignored@/components/schemas/Outer/properties/shared/exclusiveMinimum'],
    },
  ],
  [
    'a 3.1 nullable integer with an exclusive bound converts exactly',
    {
      given: {
        version: '3.1.0',
        schemas: {},
        request: {
          type: 'object',
          properties: {
            n: { type: ['integer', 'null'], exclusiveMinimum: 0 },
            m: { type: 'number', minimum: 5, exclusiveMinimum: 3 },
          },
        },
      },
      want: [],
    },
  ],
  [
    '`nullable` is not a 3.1 keyword: nothing to warn about',
    {
      given: {
        version: '3.1.0',
        schemas: {},
        request: { type: 'object', properties: { n: { type: 'string', nullable: true } } },
      },
      want: [],
    },
  ],
  [
    'a readOnly property that is also required: 3.0 requires it in responses only, and so does the model',
    {
      given: {
        version: '3.0.3',
        schemas: {},
        request: {
          type: 'object',
          required: ['name', 'id'],
          properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } },
        },
      },
      want: [`model-keyword-ignored@${REQUEST}/properties/id/readOnly`],
    },
  ],
  [
    'a readOnly property and a `required` list in different allOf branches still apply to one body',
    {
      given: {
        version: '3.0.3',
        schemas: {
          Base: { type: 'object', properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } },
        },
        request: { allOf: [{ $ref: '#/components/schemas/Base' }, { required: ['name', 'id'] }] },
      },
      want: [`model-keyword-ignored@/components/schemas/Base/properties/id/readOnly`],
    },
  ],
  [
    'a readOnly property required by a schema others share through $ref: the model copies that schema without the entry',
    {
      given: {
        version: '3.0.3',
        schemas: { Named: { type: 'object', required: ['id'] } },
        request: {
          allOf: [{ $ref: '#/components/schemas/Named' }, { properties: { id: { type: 'string', readOnly: true } } }],
        },
      },
      want: [`model-keyword-ignored@${REQUEST}/allOf/1/properties/id/readOnly`],
    },
  ],
  [
    'a `required` list above the allOf branch that declares the readOnly property',
    {
      given: {
        version: '3.0.3',
        schemas: {},
        request: { required: ['id'], allOf: [{ properties: { id: { type: 'string', readOnly: true } } }] },
      },
      want: [`model-keyword-ignored@${REQUEST}/allOf/0/properties/id/readOnly`],
    },
  ],
  [
    'readOnly reached through a $ref',
    {
      given: {
        version: '3.0.3',
        schemas: { Id: { type: 'string', readOnly: true } },
        request: { type: 'object', properties: { id: { $ref: '#/components/schemas/Id' } } },
      },
      want: [`model-keyword-ignored@${REQUEST}/properties/id/$ref`],
    },
  ],
  [
    'a plain-name $ref without its $anchor',
    {
      given: {
        version: '3.1.0',
        schemas: { Tag: { $anchor: 'tag', type: 'string' } },
        request: { type: 'object', properties: { a: { $ref: '#tag' }, b: { $ref: '#nope' } } },
      },
      want: [`unresolved-ref@${REQUEST}/properties/b/$ref`],
    },
  ],
  [
    'what the validator does not enforce: array lengths, number formats API Gateway does not support',
    {
      given: {
        version: '3.0.3',
        schemas: {},
        request: {
          type: 'object',
          properties: {
            list: { type: 'array', minItems: 1, maxItems: 3 },
            price: { type: 'number', format: 'decimal' },
            count: { type: 'number', format: 'int32' },
            when: { type: 'string', format: 'date-time' },
          },
        },
      },
      want: [
        `model-keyword-ignored@${REQUEST}/properties/list/minItems`,
        `model-keyword-ignored@${REQUEST}/properties/list/maxItems`,
        `model-keyword-ignored@${REQUEST}/properties/price/format`,
        `model-keyword-ignored@${REQUEST}/properties/count/format`,
      ],
    },
  ],
];

async function requestFindings(given: Given): Promise<string[]> {
  const path = writeRequestSpec(given.version, given.schemas, given.request);
  const { diagnostics } = await compile(path);
  return diagnostics
    .filter((d) => d.code.startsWith('model-') || d.code === 'unresolved-ref')
    .map((d) => `${d.code}@${d.location?.pointer}`);
}

describe('request model findings', () => {
  it.each(TABLE)('%s', async (_, { given, want }) => {
    expect(await requestFindings(given)).toEqual(want);
  });
});

describe('a raw x-amazon-apigateway-request-validator beside x-gateway `validate`', () => {
  const spec = (
    operation: Record<string, unknown>,
    validators: Record<string, unknown> = { mine: { validateRequestBody: false, validateRequestParameters: true } },
  ): string => {
    const path = join(tempDir('gateform-validator-'), 'openapi.yaml');
    writeFileSync(
      path,
      stringify({
        openapi: '3.0.3',
        info: { title: 'V', version: '1' },
        'x-amazon-apigateway-request-validators': validators,
        'x-gateway': { defaults: { validate: 'body', integration: { mock: {} } } },
        paths: { '/x': { post: { ...operation, responses: { '200': { description: 'ok' } } } } },
      }),
    );
    return path;
  };

  it('is kept over the root defaults', async () => {
    const { diagnostics, template } = await compile(spec({ 'x-amazon-apigateway-request-validator': 'mine' }));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.stringify(template)).toContain('"x-amazon-apigateway-request-validator":"mine"');
    expect(JSON.stringify(template)).not.toContain('"x-amazon-apigateway-request-validator":"body"');
  });

  it('is an error beside the operation’s own `validate`, naming both places', async () => {
    const { diagnostics } = await compile(
      spec({ 'x-gateway': { validate: 'all' }, 'x-amazon-apigateway-request-validator': 'mine' }),
    );
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-setting');
    expect(duplicate?.location?.pointer).toBe('/paths/~1x/post/x-gateway/validate');
    expect(duplicate?.related?.[0]?.pointer).toBe('/paths/~1x/post/x-amazon-apigateway-request-validator');
  });

  it('at the root is an error beside `defaults.validate`, naming both places', async () => {
    const path = spec({});
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('x-gateway:', 'x-amazon-apigateway-request-validator: mine\nx-gateway:'),
    );
    const { diagnostics } = await compile(path);
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-setting');
    expect(duplicate?.location?.pointer).toBe('/x-gateway/defaults/validate');
    expect(duplicate?.related?.[0]?.pointer).toBe('/x-amazon-apigateway-request-validator');
  });

  it('is an error under a name `validate` uses for another check, as one would change the other', async () => {
    const { diagnostics } = await compile(
      spec(
        { 'x-gateway': { validate: 'body' } },
        {
          body: { validateRequestBody: false, validateRequestParameters: true },
          params: { validateRequestBody: true },
        },
      ),
    );
    expect(diagnostics.filter((d) => d.code === 'duplicate-setting').map((d) => d.location?.pointer)).toEqual([
      '/x-amazon-apigateway-request-validators/body',
    ]);
  });
});

describe('parameters API Gateway does not validate', () => {
  it('a required cookie gets a warning when parameters are validated, at its `required`', async () => {
    const path = join(tempDir('gateform-cookie-'), 'openapi.yaml');
    const get = (validate: string) => ({
      'x-gateway': { validate },
      parameters: [
        { name: 'session', in: 'cookie', required: true, schema: { type: 'string' } },
        { name: 'pref', in: 'cookie', schema: { type: 'string' } },
      ],
      responses: { '200': { description: 'ok' } },
    });
    writeFileSync(
      path,
      stringify({
        openapi: '3.0.3',
        info: { title: 'C', version: '1' },
        'x-gateway': { defaults: { integration: { mock: {} } } },
        paths: { '/a': { get: get('params') }, '/b': { get: get('body') } },
      }),
    );
    const { diagnostics } = await compile(path);
    expect(
      diagnostics.filter((d) => d.code === 'cookie-not-validated').map((d) => `${d.severity}@${d.location?.pointer}`),
    ).toEqual(['warning@/paths/~1a/get/parameters/0/required']);
  });
});
