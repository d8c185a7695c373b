/**
 * Generate a realistic spec with `operations` operations (4 per path), deterministically: annotated with
 * x-gateway, or (`raw`) with the raw x-amazon-apigateway-* extensions on every operation instead. The
 * x-gateway default integration is a Lambda function named by a `${ApiFunctionArn}` placeholder, or with
 * `literal`, an HTTP backend, so that the Body holds no intrinsic function.
 */
import { stringify } from 'yaml';

const LAMBDA_URI =
  'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:api/invocations';

/** The raw extensions of one operation: a Lambda proxy, or an HTTP proxy for every third resource's delete. */
function rawExtensions(i, method) {
  const http = method === 'delete' && i % 3 === 0;
  return {
    'x-amazon-apigateway-integration': http
      ? {
          type: 'http_proxy',
          httpMethod: 'DELETE',
          uri: `https://backend-${i}.example.com/items/{id}`,
          requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
          timeoutInMillis: 10000,
        }
      : { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI, passthroughBehavior: 'when_no_match' },
    ...(method === 'post' && { 'x-amazon-apigateway-request-validator': 'body' }),
  };
}

export function generateSpec(operations, { raw = false, http = false, literal = false } = {}) {
  const paths = {};
  const schemas = {};
  const resources = Math.ceil(operations / 4);
  for (let i = 0; i < resources; i += 1) {
    const name = `Resource${i}`;
    schemas[name] = {
      type: 'object',
      required: ['id', 'name'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string', maxLength: 200 },
        count: { type: 'integer', minimum: 0 },
        tags: { type: 'array', items: { type: 'string' } },
        nested: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'boolean' } } },
      },
    };
    const ref = { $ref: `#/components/schemas/${name}` };
    const json = (schema) => ({ 'application/json': { schema } });
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
    paths[`/r${i}`] = {
      get: {
        operationId: `list${name}`,
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
        responses: { 200: { description: 'ok', content: json({ type: 'array', items: ref }) } },
      },
      post: {
        operationId: `create${name}`,
        requestBody: { required: true, content: json(ref) },
        responses: { 201: { description: 'created' } },
      },
    };
    paths[`/r${i}/{id}`] = {
      parameters: [idParam],
      get: { operationId: `get${name}`, responses: { 200: { description: 'ok', content: json(ref) } } },
      delete: {
        operationId: `delete${name}`,
        'x-gateway': i % 3 === 0 ? { integration: { http: `https://backend-${i}.example.com/items/{id}` } } : undefined,
        responses: { 204: { description: 'deleted' } },
      },
    };
    if (paths[`/r${i}/{id}`].delete['x-gateway'] === undefined || raw) delete paths[`/r${i}/{id}`].delete['x-gateway'];
    if (raw)
      for (const [path, method] of [
        [`/r${i}`, 'get'],
        [`/r${i}`, 'post'],
        [`/r${i}/{id}`, 'get'],
        [`/r${i}/{id}`, 'delete'],
      ])
        Object.assign(paths[path][method], rawExtensions(i, method));
  }
  // No anchors and aliases: specs as people write them (and as other tools read them best).
  return stringify(
    {
      openapi: '3.0.3',
      info: { title: 'Benchmark API', version: '1.0.0' },
      ...(raw
        ? {
            'x-amazon-apigateway-request-validators': {
              body: { validateRequestBody: true, validateRequestParameters: false },
            },
            'x-amazon-apigateway-api-key-source': 'HEADER',
          }
        : {
            'x-gateway': {
              api: { name: 'bench', ...(http && { type: 'http' }) },
              defaults: {
                integration: literal ? { http: 'https://backend.example.com/api' } : { lambda: '${ApiFunctionArn}' },
              },
            },
          }),
      paths,
      components: { schemas },
    },
    { aliasDuplicateObjects: false },
  );
}
