/**
 * Paged DynamoDB Query and Scan, rendered with the Velocity stand-in: the page size is capped, and the
 * page token (attacker-controlled) reaches DynamoDB only as typed, escaped key attribute values, or not
 * at all (then Limit 0, which DynamoDB refuses with a 400). Whatever the request holds, the request is JSON.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import type { SampleRequest } from '../support/apigateway-vtl.js';
import { integrationsOf, routesOf, type ServiceRoute } from '../support/service-routes.js';
import { tempDir } from '../support/temp.js';

/** A spec of the given paths, written to a temporary file; returns its path. */
function writeSpec(paths: Record<string, unknown>): string {
  const path = join(tempDir('gateform-page-'), 'openapi.yaml');
  writeFileSync(path, stringify({ openapi: '3.0.3', info: { title: 'Pages', version: '1' }, paths }));
  return path;
}

const parameters = { OrdersTable: 'orders' };

/** The request DynamoDB would get, which must be JSON whatever the request held. */
function sent(route: ServiceRoute, request: SampleRequest): Record<string, unknown> {
  const text = route.request(request).text;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`not JSON: ${text}`);
  }
}

/** The page a Query answers when DynamoDB stopped at `last`. */
function answer(route: ServiceRoute, last?: Record<string, unknown>) {
  const rendered = route.response(
    JSON.stringify({ Items: [{ orderId: { S: 'o-1' } }], Count: 1, LastEvaluatedKey: last }),
  );
  return { status: rendered.status, body: JSON.parse(rendered.text) as { items: unknown[]; next?: string | null } };
}

const QUERY = 'GET /customers/{customerId}/orders';
const customer = { path: { customerId: 'c-1' } };

describe('page size', () => {
  it.each([
    ['absent', undefined, 50],
    ['empty', '', 50],
    ['a number', '10', 10],
    ['leading zeros', '007', 7],
    ['the maximum', '50', 50],
    ['above the maximum', '51', 50],
    ['far above it, longer than any integer', '9'.repeat(400), 50],
    ['zero, which DynamoDB refuses', '0', 0],
    ['negative', '-1', 0],
    ['an exponent', '1e3', 0],
    ['a fraction', '2.5', 0],
    ['spaces', ' 5', 0],
    ['JSON', '5, "Select": "COUNT"', 0],
    ['a quote and a brace', '5"}', 0],
    ['unicode digits', '５', 0],
  ])('%s (%j): Limit %s', async (_name, limit, expected) => {
    const route = (await integrationsOf('dynamodb-pagination', parameters))(QUERY);
    const request = sent(route, { ...customer, ...(limit !== undefined && { query: { limit } }) });
    expect(request['Limit']).toBe(expected);
    expect(request).not.toHaveProperty('ExclusiveStartKey');
  });

  it('is read from a header whatever its case, and maxLimit alone is the page size', async () => {
    const at = await integrationsOf('dynamodb-pagination', parameters);
    expect(sent(at('GET /orders'), { headers: { 'x-page-size': '250' } })['Limit']).toBe(100);
    expect(sent(at('GET /orders'), { headers: { 'X-Page-Size': '3' } })['Limit']).toBe(3);
    expect(sent(at('GET /receipts'), {})).toEqual({ TableName: 'receipts', Limit: 10 });
  });
});

describe('page token', () => {
  const tricky = [
    'plain',
    `it's "quoted"`,
    'back\\slash \\" \\u0022 \\n',
    'line\nbreak\ttab\r',
    'Grüße ✓ 日本 🚀',
    '"}, "Select": "COUNT", "x": {"S": "',
    '$util.escapeJavaScript(x) #set($a = 1) ## comment ${OrdersTable}',
    'control \u0000 \u001f \u007f \u2028',
  ];

  it.each(tricky)('carries %j from the last key to the next request exactly', async (orderId) => {
    const route = (await integrationsOf('dynamodb-pagination', parameters))(QUERY);
    const last = { orderId: { S: orderId }, customerId: { S: 'c-1' }, placedAt: { N: '1767225600.25' } };
    const { status, body } = answer(route, last);
    expect(status).toBeUndefined();
    expect(body.next).toMatch(/^[A-Za-z0-9_=-]+(\.[A-Za-z0-9_=-]+){2}$/);
    const request = sent(route, { ...customer, query: { next: body.next!, limit: '20' } });
    expect(request['ExclusiveStartKey']).toEqual(last);
    expect(request['Limit']).toBe(20);
  });

  it('answers next: null on the last page', async () => {
    const route = (await integrationsOf('dynamodb-pagination', parameters))(QUERY);
    expect(answer(route).body).toEqual({ items: [{ orderId: 'o-1' }], count: 1, next: null });
  });

  it('carries a binary and a numeric key', async () => {
    const route = (await integrationsOf('dynamodb-pagination', parameters))('GET /receipts');
    // Base64 with + and /, which the token writes as - and _.
    const last = { digest: { B: '+/+/AAEC/w==' }, version: { N: '-12E+3' } };
    const { body } = answer(route, last);
    expect(body.next).not.toMatch(/[+/]/);
    expect(sent(route, { query: { after: body.next! } })).toEqual({
      TableName: 'receipts',
      Limit: 10,
      ExclusiveStartKey: last,
    });
  });

  const good = (): string =>
    ['o-1', 'c-1', '42']
      .map((text) =>
        Buffer.from(text)
          .toString('base64url')
          .padEnd(4 * Math.ceil(text.length / 3), '='),
      )
      .join('.');

  it('is taken as the previous page made it, and a token of the right shape is not refused', async () => {
    const route = (await integrationsOf('dynamodb-pagination', parameters))(QUERY);
    expect(sent(route, { ...customer, query: { next: good() } })['ExclusiveStartKey']).toEqual({
      orderId: { S: 'o-1' },
      customerId: { S: 'c-1' },
      placedAt: { N: '42' },
    });
  });

  it.each([
    ['raw DynamoDB JSON', '{"orderId": {"S": "x"}}'],
    ['raw JSON, base64-encoded', Buffer.from('{"orderId": {"S": "x"}}').toString('base64url')],
    ['too few parts', 'YQ.YQ'],
    ['too many parts', 'YQ==.YQ==.MQ==.MQ=='],
    ['an empty part', 'YQ==..MQ=='],
    ['malformed base64 (length)', 'YQ.YQ==.MQ=='],
    ['malformed base64 (padding)', 'Y===.YQ==.MQ=='],
    ['padding inside', 'YQ==YQ==.YQ==.MQ=='],
    ['non-canonical base64', 'YR==.YQ==.MQ=='],
    ['the standard alphabet', '+/8=.YQ==.MQ=='],
    ['a number that is not one', `YQ==.YQ==.${Buffer.from('1, "Limit": 1').toString('base64url')}`],
    ['a number with a quote', `YQ==.YQ==.${Buffer.from('1"').toString('base64')}`],
    ['spaces', 'YQ== .YQ==.MQ=='],
    ['unicode', 'ÿQ==.YQ==.MQ=='],
    ['a quote', 'YQ=="}.YQ==.MQ=='],
    ['Velocity', '$util.base64Decode(x).YQ==.MQ=='],
    ['oversized', `${'A'.repeat(2736)}.YQ==.MQ==`],
    ['oversized in all', `${'A'.repeat(8200)}`],
  ])('refuses %s: no ExclusiveStartKey, Limit 0 (DynamoDB answers 400)', async (_name, next) => {
    const route = (await integrationsOf('dynamodb-pagination', parameters))(QUERY);
    const request = sent(route, { ...customer, query: { next } });
    expect(request).not.toHaveProperty('ExclusiveStartKey');
    expect(request['Limit']).toBe(0);
  });

  it('is optional: a missing or empty token reads the first page', async () => {
    const at = await integrationsOf('dynamodb-pagination', parameters);
    expect(sent(at(QUERY), customer)).not.toHaveProperty('ExclusiveStartKey');
    expect(sent(at(QUERY), { ...customer, query: { next: '' } })).toMatchObject({ Limit: 50 });
    expect(sent(at('GET /orders'), { headers: { 'X-Next-Page': '' } })).toEqual({ TableName: 'orders', Limit: 100 });
  });

  it('sends Limit 0 for a bad token on a route without a page size', async () => {
    const spec = writeSpec({
      '/orders': {
        get: {
          parameters: [{ name: 'next', in: 'query', schema: { type: 'string' } }],
          'x-gateway': {
            integration: {
              dynamodb: { table: 'orders', action: 'Scan', startKey: { from: 'query.next', attributes: { id: 'S' } } },
            },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
    });
    const route = (await routesOf(spec, {}))('GET /orders');
    expect(sent(route, {})).toEqual({ TableName: 'orders' });
    expect(sent(route, { query: { next: 'YQ==' } })).toEqual({
      TableName: 'orders',
      ExclusiveStartKey: { id: { S: 'a' } },
    });
    expect(sent(route, { query: { next: 'nope!' } })).toEqual({ TableName: 'orders', Limit: 0 });
  });

  it('keeps the request JSON for any text, and sends only the declared attributes', async () => {
    const route = (await integrationsOf('dynamodb-pagination', parameters))(QUERY);
    const alphabet = 'AQgw=.-_+/"\\\'{}$#()!ü\u0000 ';
    let seed = 17;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 100; n += 1) {
      const length = Math.floor(random() * 24);
      const next = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const request = sent(route, { ...customer, query: { next, limit: next } });
      const start = request['ExclusiveStartKey'] as Record<string, Record<string, string>> | undefined;
      if (start) {
        expect(Object.keys(start)).toEqual(['orderId', 'customerId', 'placedAt']);
        expect(Object.keys(start['placedAt']!)).toEqual(['N']);
        expect(start['placedAt']!['N']).toMatch(/^-?[0-9]+/);
      }
    }
  });
});

describe('a page key DynamoDB answers that the token cannot hold', () => {
  it.each([
    ['an attribute too few', { orderId: { S: 'o' }, customerId: { S: 'c' } }],
    ['an attribute too many', { orderId: { S: 'o' }, customerId: { S: 'c' }, placedAt: { N: '1' }, x: { S: 'y' } }],
    ['another type', { orderId: { S: 'o' }, customerId: { S: 'c' }, placedAt: { S: '1' } }],
  ])('%s: 500, not a token that cannot resume', async (_name, last) => {
    const route = (await integrationsOf('dynamodb-pagination', parameters))(QUERY);
    const { status, body } = answer(route, last);
    expect(status).toBe(500);
    expect(body).not.toHaveProperty('items');
  });
});

describe('Scan', () => {
  it('reads the table or an index, and lists plain items', async () => {
    const at = await integrationsOf('dynamodb-scan', { PetsTable: 'pets-table' });
    expect(sent(at('GET /pets'), {})).toEqual({ TableName: 'pets-table' });
    expect(sent(at('GET /species/pets'), {})).toEqual({ TableName: 'pets', IndexName: 'bySpecies' });
    const response = at('GET /pets').response(
      JSON.stringify({
        Items: [{ id: { S: `it's "x"` } }, { id: { S: 'b' }, n: { N: '2' } }],
        Count: 2,
        ScannedCount: 2,
      }),
    );
    expect(JSON.parse(response.text)).toEqual({ items: [{ id: `it's "x"` }, { id: 'b', n: 2 }], count: 2 });
  });
});

describe('checks', () => {
  const page = (dynamodb: Record<string, unknown>, path = '/orders/{customerId}') =>
    writeSpec({
      [path]: {
        get: {
          parameters: [{ name: 'customerId', in: 'path', required: true, schema: { type: 'string' } }],
          'x-gateway': { integration: { dynamodb: { table: 'orders', ...dynamodb } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    });
  const codes = async (dynamodb: Record<string, unknown>) =>
    (await compile(page(dynamodb))).diagnostics.map((d) => `${d.code} ${d.message}`);

  it.each([
    [
      'a key attribute the token lacks',
      {
        action: 'Query',
        key: { customerId: 'path.customerId' },
        startKey: { from: 'query.next', attributes: { orderId: 'S' } },
      },
      'dynamodb-page `startKey.attributes` lacks `customerId`',
    ],
    [
      'a key attribute of another type',
      {
        action: 'Query',
        key: { customerId: { from: 'path.customerId', type: 'N' } },
        startKey: { from: 'query.next', attributes: { customerId: 'S' } },
      },
      'dynamodb-page `startKey.attributes` gives `customerId` the type S',
    ],
    ['a literal limit', { action: 'Scan', limit: "'20'" }, 'dynamodb-page `limit` comes from the request'],
    [
      'a literal token',
      { action: 'Scan', startKey: { from: "'abc'", attributes: { id: 'S' } } },
      'dynamodb-page `startKey.from` comes from the request',
    ],
    [
      'paging a GetItem',
      { action: 'GetItem', key: { id: 'path.customerId' }, limit: 'query.limit' },
      'service-option-unused',
    ],
  ])('%s', async (_name, dynamodb, expected) => {
    expect((await codes(dynamodb)).some((line) => line.startsWith(expected))).toBe(true);
  });

  it('refuses an attribute name Velocity could not hold, a fifth attribute, and a page size above 1000', async () => {
    const found = await codes({
      action: 'Scan',
      maxLimit: 1001,
      startKey: { from: 'query.next', attributes: { "o'id": 'S', a: 'S', b: 'S', c: 'S', d: 'S' } },
    });
    expect(found).toEqual([
      'invalid-x-gateway-value `maxLimit` must be at most 1000.',
      expect.stringMatching(/^invalid-x-gateway-value `attributes` may have at most 4 /),
      "invalid-x-gateway-value The name `o'id` in `attributes` does not match `^[A-Za-z0-9_.-]{1,255}$`.",
    ]);
  });
});
