/** A Swagger 2.0 document read in OpenAPI 3.0 shapes, every moved node located where it was written. */
import { describe, expect, it } from 'vitest';
import { valueAtPointer } from '../../src/diagnostics/diagnostic.js';
import { loadText } from '../../src/load/load-document.js';

const SPEC = `swagger: "2.0"
info: { title: T, version: "1" }
host: api.example.com
basePath: /v1
consumes: [application/json, application/xml]
produces: [application/json]
x-amazon-apigateway-endpoint-configuration: { disableExecuteApiEndpoint: true }
paths:
  /a/{id}:
    parameters:
      - { in: path, name: id, required: true, type: string }
    post:
      parameters:
        - { $ref: "#/parameters/trace" }
        - { in: body, name: item, required: true, schema: { $ref: "#/definitions/Item" } }
        - { in: query, name: q, type: integer }
      responses:
        "200":
          description: ok
          headers: { X-Rate: { type: integer } }
          schema: { $ref: "#/definitions/Item" }
        "404": { $ref: "#/responses/NotFound" }
      x-amazon-apigateway-integration: { type: mock }
    put:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - { in: formData, name: note, type: string, required: true }
        - { in: formData, name: size, type: integer }
      responses: { "200": { description: ok } }
parameters:
  trace: { in: header, name: x-trace, type: string }
responses:
  NotFound: { description: missing, schema: { type: object } }
definitions:
  Item: { type: object, properties: { id: { type: string } } }
securityDefinitions:
  auth: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: custom }
  basic: { type: basic }
`;

async function load() {
  const { loaded, diagnostics } = await loadText('s.yaml', SPEC, undefined, { swagger2: true });
  expect(diagnostics).toEqual([]);
  return loaded!;
}

describe('Swagger 2.0', () => {
  it('is refused unless asked for (compile reads OpenAPI 3 only)', async () => {
    const { loaded, diagnostics } = await loadText('s.yaml', SPEC);
    expect(loaded).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['unsupported-openapi-version']);
  });

  it('is read in OpenAPI 3.0 shapes', async () => {
    const loaded = await load();
    expect(loaded.swagger).toBe('2.0');
    const post = valueAtPointer(loaded.document, '/paths/~1a~1{id}/post') as Record<string, Record<string, unknown>>;
    expect(post['parameters']).toEqual([
      { $ref: '#/components/parameters/trace' },
      { in: 'query', name: 'q', schema: { type: 'integer' } },
    ]);
    expect(post['requestBody']).toEqual({
      required: true,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/Item' } },
        'application/xml': { schema: { $ref: '#/components/schemas/Item' } },
      },
    });
    expect(post['responses']!['200']).toEqual({
      description: 'ok',
      headers: { 'X-Rate': { schema: { type: 'integer' } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
    });
    expect(post['responses']!['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(valueAtPointer(loaded.document, '/paths/~1a~1{id}/put/requestBody')).toEqual({
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            properties: { note: { type: 'string' }, size: { type: 'integer' } },
            required: ['note'],
          },
        },
      },
    });
    expect(loaded.document['servers']).toEqual([
      {
        url: 'https://api.example.com/v1',
        'x-amazon-apigateway-endpoint-configuration': { disableExecuteApiEndpoint: true },
      },
    ]);
    expect(Object.keys(loaded.document['components'] as object)).toEqual([
      'schemas',
      'securitySchemes',
      'parameters',
      'responses',
    ]);
    expect(valueAtPointer(loaded.document, '/components/securitySchemes/basic')).toEqual({
      type: 'http',
      scheme: 'basic',
    });
  });

  it.each([
    ['/paths/~1a~1{id}/post/requestBody', '/paths/~1a~1{id}/post/parameters/1'],
    ['/paths/~1a~1{id}/post/requestBody/content/application~1xml', '/consumes/1'],
    ['/paths/~1a~1{id}/post/requestBody/content/application~1json/schema', '/paths/~1a~1{id}/post/parameters/1/schema'],
    ['/paths/~1a~1{id}/post/parameters/1', '/paths/~1a~1{id}/post/parameters/2'],
    ['/paths/~1a~1{id}/post/parameters/1/schema', '/paths/~1a~1{id}/post/parameters/2'],
    [
      '/paths/~1a~1{id}/post/responses/200/content/application~1json/schema',
      '/paths/~1a~1{id}/post/responses/200/schema',
    ],
    ['/paths/~1a~1{id}/post/responses/200/headers/X-Rate/schema', '/paths/~1a~1{id}/post/responses/200/headers/X-Rate'],
    [
      '/paths/~1a~1{id}/post/x-amazon-apigateway-integration/type',
      '/paths/~1a~1{id}/post/x-amazon-apigateway-integration/type',
    ],
    ['/paths/~1a~1{id}/put/requestBody/content/application~1x-www-form-urlencoded', '/paths/~1a~1{id}/put/consumes/0'],
    [
      '/paths/~1a~1{id}/put/requestBody/content/application~1x-www-form-urlencoded/schema/properties/size',
      '/paths/~1a~1{id}/put/parameters/1',
    ],
    ['/components/schemas/Item/properties/id', '/definitions/Item/properties/id'],
    [
      '/components/securitySchemes/auth/x-amazon-apigateway-authtype',
      '/securityDefinitions/auth/x-amazon-apigateway-authtype',
    ],
    ['/components/parameters/trace/schema', '/parameters/trace'],
    ['/components/responses/NotFound/content/application~1json/schema', '/responses/NotFound/schema'],
    [
      '/servers/0/x-amazon-apigateway-endpoint-configuration/disableExecuteApiEndpoint',
      '/x-amazon-apigateway-endpoint-configuration/disableExecuteApiEndpoint',
    ],
    ['/servers/0/url', '/basePath'],
    ['/openapi', '/swagger'],
  ])('locates %s where it was written', async (pointer, written) => {
    const loaded = await load();
    const location = loaded.locate(pointer);
    expect(location.pointer).toBe(written);
    expect(loaded.root.positionOf(location.pointer), written).toBeDefined();
  });

  it.each([
    ['`swagger: 2.0`, a number', 'swagger: 2.0', ['warning openapi-version-incomplete /swagger']],
    ['another version', 'swagger: "1.2"', ['error unsupported-openapi-version /swagger']],
    [
      'a parameter written as in OpenAPI 3',
      'swagger: "2.0"\nparameters: { q: { in: query, name: q, schema: { type: string } } }',
      ['warning openapi-parameter-oas3 /parameters/q'],
    ],
    [
      'empty responses, accepted by API Gateway',
      'swagger: "2.0"\npaths: { /a: { get: { responses: {} } } }',
      ['warning openapi-responses-empty /paths/~1a/get/responses'],
    ],
    ['an invalid structure', 'swagger: "2.0"\nschemes: [gopher]', ['error openapi-structure /schemes/0']],
  ])('checks %s against the Swagger 2.0 schema', async (_name, head, expected) => {
    const text = `${head}\ninfo: { title: T, version: "1" }\n${head.includes('paths:') ? '' : 'paths: {}\n'}`;
    const { diagnostics } = await loadText('s.yaml', text, undefined, { swagger2: true });
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.location?.pointer}`)).toEqual(expected);
  });
});
