/**
 * Read a Swagger 2.0 document in OpenAPI 3.0 shapes, so that the lint rules (which read 3.0 shapes) check
 * it as API Gateway imports it, with every moved node remembering where it was written.
 *
 * Swagger 2.0 → OpenAPI 3.0 (https://swagger.io/specification/v2/): `definitions`, `parameters`,
 * `responses` and `securityDefinitions` move under `components`; an `in: body` parameter, or the
 * `in: formData` ones, become the `requestBody`, one media type per entry of `consumes`; a response's
 * `schema` goes under `content`, one media type per entry of `produces`; a parameter's or header's type
 * goes into a `schema`; the root `x-amazon-apigateway-endpoint-configuration` (Swagger 2.0 puts it at the
 * root, OpenAPI 3 in a server) goes into a server built from `host` and `basePath`. Everything else (the
 * `x-amazon-apigateway-*` extensions above all) stays where it is, as it is.
 */
import { childPointer, escapePointerToken, splitPointer, valueAtPointer } from '../diagnostics/diagnostic.js';

export interface Converted {
  readonly document: JsonObject;
  /** Where a pointer into `document` was written in the Swagger 2.0 document. */
  readonly original: (pointer: string) => string;
}

type Block = Record<string, unknown>;
type JsonObject = Block;

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];
const ENDPOINT = 'x-amazon-apigateway-endpoint-configuration';
/** Parameter keywords that stay on an OpenAPI 3 parameter; the others describe its value, in its `schema`. */
const PARAMETER_KEYS = new Set(['name', 'in', 'required', 'description', 'allowEmptyValue', 'collectionFormat']);
const REF_PREFIXES: readonly (readonly [string, string])[] = [
  ['#/definitions/', '#/components/schemas/'],
  ['#/parameters/', '#/components/parameters/'],
  ['#/responses/', '#/components/responses/'],
];

export function isSwagger2(document: JsonObject): boolean {
  return Object.hasOwn(document, 'swagger');
}

export function convertSwagger2(source: JsonObject): Converted {
  /** Converted pointer → original pointer, for the nodes that moved; the rest are where they were. */
  const moved = new Map<string, string>();
  const move = (to: string, from: string): void => {
    if (to !== from) moved.set(to, from);
  };
  const deref = (node: unknown): { value: Block; pointer?: string } => {
    const ref = asBlock(node)['$ref'];
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return { value: asBlock(node) };
    let pointer: string;
    try {
      pointer = decodeURIComponent(ref.slice(1));
    } catch {
      return { value: {} }; // reported by the loader's $ref check
    }
    return { value: asBlock(valueAtPointer(source, pointer)), pointer };
  };

  const document: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (['swagger', 'host', 'basePath', 'schemes', 'consumes', 'produces', ENDPOINT].includes(key)) continue;
    if (['definitions', 'parameters', 'responses', 'securityDefinitions', 'paths'].includes(key)) continue;
    document[key] = rewriteRefs(value);
  }
  document['openapi'] = '3.0.3';
  move('/openapi', '/swagger');

  const server = serverOf(source);
  if (server) {
    document['servers'] = [server];
    const written = [`/${ENDPOINT}`, '/host', '/basePath'].find((p) => Object.hasOwn(source, p.slice(1)));
    move('/servers', written ?? '');
    move('/servers/0/url', Object.hasOwn(source, 'basePath') ? '/basePath' : '/host');
    if (Object.hasOwn(source, ENDPOINT)) move(`/servers/0/${ENDPOINT}`, `/${ENDPOINT}`);
  }

  const components: Block = {};
  const add = (name: string, from: string, value: Block): void => {
    components[name] = value;
    move(`/components/${name}`, `/${from}`);
  };
  if (isBlock(source['definitions'])) add('schemas', 'definitions', rewriteRefs(source['definitions']) as Block);
  if (isBlock(source['securityDefinitions']))
    add('securitySchemes', 'securityDefinitions', mapValues(source['securityDefinitions'], securityScheme));
  if (isBlock(source['parameters'])) {
    const parameters: Block = {};
    for (const [name, parameter] of Object.entries(source['parameters'])) {
      const p = asBlock(parameter);
      // A body or form parameter becomes a request body wherever it is used, not a parameter.
      if (p['in'] === 'body' || p['in'] === 'formData') continue;
      parameters[name] = convertParameter(
        p,
        childPointer('/components/parameters', name),
        childPointer('/parameters', name),
        move,
      );
    }
    add('parameters', 'parameters', parameters);
  }
  if (isBlock(source['responses'])) {
    const responses: Block = {};
    for (const [name, response] of Object.entries(source['responses']))
      responses[name] = convertResponse(
        asBlock(response),
        childPointer('/components/responses', name),
        childPointer('/responses', name),
        mediaTypes(source['produces']),
        move,
      );
    add('responses', 'responses', responses);
  }
  if (Object.keys(components).length > 0) {
    document['components'] = components;
    move('/components', '');
  }

  const paths: Block = {};
  for (const [path, rawItem] of Object.entries(asBlock(source['paths']))) {
    const itemPointer = childPointer('/paths', path);
    const item: Block = {};
    const shared = splitParameters(asBlock(rawItem)['parameters'], childPointer(itemPointer, 'parameters'));
    for (const [key, value] of Object.entries(asBlock(rawItem))) {
      if (key === 'parameters') {
        item[key] = shared.parameters.map(({ value: p, from }, i) =>
          convertParameter(p, childPointer(itemPointer, key, i), from, move),
        );
        continue;
      }
      if (!OPERATION_KEYS.includes(key) || !isBlock(value)) {
        item[key] = rewriteRefs(value);
        continue;
      }
      const pointer = childPointer(itemPointer, key);
      const operation: Block = {};
      const own = splitParameters(value['parameters'], childPointer(pointer, 'parameters'));
      for (const [field, fieldValue] of Object.entries(value)) {
        if (field === 'consumes' || field === 'produces') continue;
        if (field === 'parameters') {
          operation[field] = own.parameters.map(({ value: p, from }, i) =>
            convertParameter(p, childPointer(pointer, field, i), from, move),
          );
        } else if (field === 'responses' && isBlock(fieldValue)) {
          const produces = mediaTypeList(value, source, 'produces', pointer);
          operation[field] = mapValues(fieldValue, (response, status) => {
            const at = childPointer(pointer, 'responses', status);
            const found = deref(response);
            // A shared response stays a `$ref` (to its converted self under components).
            if (found.pointer) return rewriteRefs(response);
            return convertResponse(found.value, at, at, produces.types, move);
          });
        } else {
          operation[field] = rewriteRefs(fieldValue);
        }
      }
      const body = own.body.length > 0 ? own.body : shared.body;
      if (body.length > 0) {
        operation['requestBody'] = requestBody(body, mediaTypeList(value, source, 'consumes', pointer), pointer, move);
      }
      item[key] = operation;
    }
    paths[path] = item;
  }
  document['paths'] = paths;

  const original = (pointer: string): string => {
    const tokens = splitPointer(pointer);
    for (let n = tokens.length; n >= 0; n -= 1) {
      const prefix = tokens.slice(0, n).reduce((p, t) => p + '/' + escapePointerToken(t), '');
      const from = moved.get(prefix);
      if (from !== undefined) return tokens.slice(n).reduce((p, t) => p + '/' + escapePointerToken(t), from);
    }
    return pointer;
  };
  return { document, original };

  /** An operation's (or path item's) parameters: the body or form ones apart, each with where it was written. */
  function splitParameters(
    list: unknown,
    listPointer: string,
  ): { parameters: { value: Block; from: string }[]; body: { value: Block; from: string }[] } {
    const parameters: { value: Block; from: string }[] = [];
    const body: { value: Block; from: string }[] = [];
    if (!Array.isArray(list)) return { parameters, body };
    list.forEach((entry, i) => {
      const found = deref(entry);
      const at = childPointer(listPointer, i);
      if (found.value['in'] === 'body' || found.value['in'] === 'formData')
        body.push({ value: found.value, from: found.pointer ?? at });
      else parameters.push({ value: found.pointer ? asBlock(entry) : found.value, from: at });
    });
    return { parameters, body };
  }
}

/** `consumes` or `produces` of an operation, else of the document, with where the list was written. */
function mediaTypeList(
  operation: Block,
  source: JsonObject,
  key: 'consumes' | 'produces',
  pointer: string,
): { types: string[]; from: string | undefined } {
  if (Array.isArray(operation[key])) return { types: mediaTypes(operation[key]), from: childPointer(pointer, key) };
  if (Array.isArray(source[key])) return { types: mediaTypes(source[key]), from: `/${key}` };
  return { types: mediaTypes(undefined), from: undefined };
}

/** The media types of a list; `application/json` when there is none, as API Gateway's import reads it. */
function mediaTypes(list: unknown): string[] {
  const types = Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
  return types.length > 0 ? types : ['application/json'];
}

function requestBody(
  body: readonly { value: Block; from: string }[],
  consumes: { types: string[]; from: string | undefined },
  pointer: string,
  move: (to: string, from: string) => void,
): Block {
  const at = childPointer(pointer, 'requestBody');
  const first = body[0]!;
  move(at, first.from);
  let schema: unknown;
  if (first.value['in'] === 'body') {
    schema = rewriteRefs(first.value['schema']);
  } else {
    // Form parameters are the properties of an object schema.
    const properties: Block = {};
    const required: string[] = [];
    for (const { value } of body) {
      const name = String(value['name']);
      properties[name] = schemaOf(value);
      if (value['required'] === true) required.push(name);
    }
    schema = { type: 'object', properties, ...(required.length > 0 && { required }) };
  }
  const types =
    first.value['in'] === 'formData' && consumes.from === undefined
      ? ['application/x-www-form-urlencoded']
      : consumes.types;
  const content: Block = {};
  types.forEach((type, i) => {
    const mediaPointer = childPointer(at, 'content', type);
    move(mediaPointer, consumes.from === undefined ? first.from : childPointer(consumes.from, i));
    move(
      childPointer(mediaPointer, 'schema'),
      first.value['in'] === 'body' ? childPointer(first.from, 'schema') : first.from,
    );
    if (first.value['in'] === 'formData')
      for (const { value, from } of body)
        move(childPointer(mediaPointer, 'schema', 'properties', String(value['name'])), from);
    content[type] = { schema };
  });
  return {
    ...(typeof first.value['description'] === 'string' && { description: first.value['description'] }),
    ...(body.some(({ value }) => value['required'] === true) && { required: true }),
    content,
  };
}

function convertParameter(parameter: Block, to: string, from: string, move: (to: string, from: string) => void): Block {
  move(to, from);
  if (typeof parameter['$ref'] === 'string') return rewriteRefs(parameter) as Block;
  // An OpenAPI 3 `schema` written on a Swagger 2.0 parameter (reported by the structure check) is read as meant.
  const written = isBlock(parameter['schema']) && !Object.hasOwn(parameter, 'type');
  move(childPointer(to, 'schema'), written ? childPointer(from, 'schema') : from);
  const kept = Object.fromEntries(
    Object.entries(parameter).filter(([k]) => PARAMETER_KEYS.has(k) || k.startsWith('x-')),
  );
  return { ...kept, schema: written ? rewriteRefs(parameter['schema']) : schemaOf(parameter) };
}

/** The value keywords of a Swagger 2.0 parameter, header or item: an OpenAPI 3 schema. */
function schemaOf(node: Block): Block {
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => !PARAMETER_KEYS.has(k) && !k.startsWith('x-'))
      .map(([k, v]) => [k, rewriteRefs(v)]),
  );
}

function convertResponse(
  response: Block,
  to: string,
  from: string,
  produces: readonly string[],
  move: (to: string, from: string) => void,
): Block {
  move(to, from);
  const converted: Block = {};
  for (const [key, value] of Object.entries(response)) {
    if (key === 'schema') {
      converted['content'] = Object.fromEntries(
        produces.map((type) => {
          move(childPointer(to, 'content', type), childPointer(from, 'schema'));
          move(childPointer(to, 'content', type, 'schema'), childPointer(from, 'schema'));
          return [type, { schema: rewriteRefs(value) }];
        }),
      );
    } else if (key === 'headers' && isBlock(value)) {
      converted[key] = mapValues(value, (header, name) => {
        move(childPointer(to, key, name, 'schema'), childPointer(from, key, name));
        const h = asBlock(header);
        return {
          ...(typeof h['description'] === 'string' && { description: h['description'] }),
          schema: schemaOf(Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'description'))),
        };
      });
    } else if (key !== 'examples') {
      converted[key] = rewriteRefs(value);
    }
  }
  return converted;
}

/** A Swagger 2.0 security scheme in OpenAPI 3 terms; `apiKey` (the one API Gateway authorizers use) is the same. */
function securityScheme(scheme: unknown): Block {
  const s = asBlock(scheme);
  const extensions = Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith('x-') || k === 'description'));
  if (s['type'] === 'basic') return { type: 'http', scheme: 'basic', ...extensions };
  if (s['type'] === 'oauth2') return { type: 'oauth2', flows: {}, ...extensions };
  return rewriteRefs(s) as Block;
}

/** The server API Gateway's import reads the base path from, with the endpoint configuration. */
function serverOf(source: JsonObject): Block | undefined {
  const endpoint = source[ENDPOINT];
  const host = typeof source['host'] === 'string' ? source['host'] : '';
  const basePath = typeof source['basePath'] === 'string' ? source['basePath'] : '';
  if (endpoint === undefined && host === '' && basePath === '') return undefined;
  const scheme =
    Array.isArray(source['schemes']) && typeof source['schemes'][0] === 'string' ? source['schemes'][0] : 'https';
  return {
    url: host ? `${scheme}://${host}${basePath}` : basePath || '/',
    ...(endpoint !== undefined && { [ENDPOINT]: rewriteRefs(endpoint) }),
  };
}

/** A copy with the `$ref`s to `definitions`, `parameters` and `responses` pointing at their place under `components`. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!isBlock(node)) return node;
  const copy: Block = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const prefix = REF_PREFIXES.find(([from]) => value.startsWith(from));
      copy[key] = prefix ? prefix[1] + value.slice(prefix[0].length) : value;
    } else {
      copy[key] = rewriteRefs(value);
    }
  }
  return copy;
}

function mapValues(block: Block, f: (value: unknown, key: string) => unknown): Block {
  return Object.fromEntries(Object.entries(block).map(([k, v]) => [k, f(v, k)]));
}

function isBlock(value: unknown): value is Block {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asBlock(value: unknown): Block {
  return isBlock(value) ? value : {};
}
