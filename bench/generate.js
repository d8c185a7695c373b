/** Generate a realistic annotated spec with `operations` operations (4 per path), deterministically. */
import { stringify } from 'yaml';

export function generateSpec(operations) {
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
    if (paths[`/r${i}/{id}`].delete['x-gateway'] === undefined) delete paths[`/r${i}/{id}`].delete['x-gateway'];
  }
  // No anchors and aliases: specs as people write them (and as other tools read them best).
  return stringify({
    openapi: '3.0.3',
    info: { title: 'Benchmark API', version: '1.0.0' },
    'x-gateway': { api: { name: 'bench' }, defaults: { integration: { lambda: '${ApiFunctionArn}' } } },
    paths,
    components: { schemas },
  }, { aliasDuplicateObjects: false });
}
