/**
 * Request values come from exactly where the spec says and reach the service as sent: a header is never
 * filled from the query string (which `$input.params('x')` searches first), an empty string is not a
 * missing value, objects and numbers keep their JSON text, and a body is passed as it came.
 */
import { describe, expect, it } from 'vitest';
import { integrationsOf, routesOf, writeServiceSpec } from '../support/service-routes.js';

const REQUEST_ID = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef';
const form = (text: string): Record<string, string> => Object.fromEntries(new URLSearchParams(text));

describe('header.X and query.x read the header and the query string, nothing else', () => {
  it("SQS: a query string of the header's name does not replace the header, in any case of its name", async () => {
    const route = (
      await integrationsOf('service-sqs', {
        OrdersQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:orders',
        ExistingSqsRoleArn: 'r',
      })
    )('POST /orders');
    const spoofed = form(
      route.request({ body: '{}', headers: { 'X-Tenant-Id': 'tenant-a' }, query: { 'X-Tenant-Id': 'spoofed' } }).text,
    );
    expect(spoofed['MessageAttribute.1.Value.StringValue']).toBe('tenant-a');
    expect(
      form(route.request({ body: '{}', headers: { 'x-tenant-id': 'tenant-b' } }).text)[
        'MessageAttribute.1.Value.StringValue'
      ],
    ).toBe('tenant-b');
    // Only the query string has it: the header is absent, so the attribute is left out.
    const onlyQuery = form(route.request({ body: '{}', query: { 'X-Tenant-Id': 'spoofed' } }).text);
    expect(onlyQuery['MessageAttribute.1.Name']).toBe('requestId');
    expect(Object.values(onlyQuery)).not.toContain('spoofed');
  });

  it('SNS: a header does not fill a missing query.severity', async () => {
    const route = (await integrationsOf('service-sns', { AlertsTopic: 'arn:aws:sns:eu-west-1:123456789012:alerts' }))(
      'POST /alerts',
    );
    expect(form(route.request({ body: '{"text": "hi"}', headers: { severity: 'high' } }).text)).not.toHaveProperty(
      'MessageAttributes.entry.1.Name',
    );
    expect(
      form(route.request({ body: '{"text": "hi"}', query: { severity: 'low' }, headers: { severity: 'high' } }).text)[
        'MessageAttributes.entry.1.Value.StringValue'
      ],
    ).toBe('low');
  });

  it('Step Functions: ?Idempotency-Key does not name the execution; a header does not fill query.note', async () => {
    const at = await integrationsOf('service-stepfunctions', {
      OrderFlowArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:orders',
      QuoteFlowArn: 'q',
    });
    const returns = at('POST /returns');
    expect(
      JSON.parse(
        returns.request({
          body: '{"payload": {}}',
          headers: { 'Idempotency-Key': 'k-1' },
          query: { 'Idempotency-Key': 'from-query' },
        }).text,
      ).name,
    ).toBe('k-1');
    expect(
      JSON.parse(returns.request({ body: '{"payload": {}}', query: { 'Idempotency-Key': 'from-query' } }).text),
    ).not.toHaveProperty('name');
    expect(
      JSON.parse(returns.request({ body: '{"payload": {}}', headers: { 'idempotency-key': 'k-2' } }).text).name,
    ).toBe('k-2');
    expect(JSON.parse(JSON.parse(at('POST /audits').request({ headers: { note: 'from-header' } }).text).input)).toBe(
      '',
    );
    expect(
      JSON.parse(
        JSON.parse(
          at('POST /audits').request({ query: { note: 'n' }, path: {}, headers: { note: 'from-header' } }).text,
        ).input,
      ),
    ).toBe('n');
  });

  it('EventBridge: the detail header is not taken from the query string', async () => {
    const route = (await integrationsOf('service-eventbridge', { OrdersBusName: 'b' }))('POST /pings');
    const detail = (request: Parameters<typeof route.request>[0]): unknown =>
      JSON.parse(JSON.parse(route.request(request).text).Entries[0].Detail);
    expect(detail({ headers: { 'X-Ping': 'real' }, query: { 'X-Ping': 'spoofed' } })).toEqual({ value: 'real' });
    expect(detail({ query: { 'X-Ping': 'spoofed' } })).toEqual({ value: '' });
  });

  it('DynamoDB and Kinesis: a path parameter is not replaced by a query string of its name', async () => {
    const get = (await integrationsOf('service-dynamodb', { PetsTable: 'pets-table' }))('GET /pets/{petId}');
    expect(JSON.parse(get.request({ path: { petId: 'p1' }, query: { petId: 'other' } }).text).Key).toEqual({
      id: { S: 'p1' },
    });
    const put = (await integrationsOf('service-kinesis', { ClickStreamName: 'clicks' }))('PUT /clicks/{sessionId}/raw');
    expect(
      JSON.parse(put.request({ path: { sessionId: 's1' }, query: { sessionId: 'other' }, body: '{"click": 1}' }).text)
        .PartitionKey,
    ).toBe('s1');
  });
});

describe('DynamoDB writes an empty string the request gives', () => {
  it('PutItem and UpdateItem write "" and leave out only what the request lacks', async () => {
    const at = await integrationsOf('service-dynamodb', { PetsTable: 'pets-table' });
    expect(JSON.parse(at('POST /pets').request({ body: '{"name": ""}' }).text).Item).toEqual({
      id: { S: REQUEST_ID },
      name: { S: '' },
    });
    expect(JSON.parse(at('POST /pets').request({ body: '{"name": null}' }).text).Item).toEqual({
      id: { S: REQUEST_ID },
    });
    const update = JSON.parse(at('PATCH /pets/{petId}').request({ path: { petId: 'p1' }, body: '{"name": ""}' }).text);
    expect(update).toMatchObject({
      UpdateExpression: 'SET #u0 = :u0',
      ExpressionAttributeNames: { '#k0': 'id', '#u0': 'name' },
      ExpressionAttributeValues: { ':u0': { S: '' } },
    });
  });
});

describe('objects, arrays and numbers keep their JSON text in a string slot', () => {
  const value = { a: 1, b: [1, 'x'] };

  it('DynamoDB S and N', async () => {
    const put = (await integrationsOf('service-dynamodb', { PetsTable: 'pets-table' }))('POST /pets');
    expect(JSON.parse(put.request({ body: JSON.stringify({ name: value }) }).text).Item.name).toEqual({
      S: '{"a":1,"b":[1,"x"]}',
    });
    // `$input.path` would give a Java Double: 1500.0.
    expect(JSON.parse(put.request({ body: '{"name": 1.5e3, "age": 1.5e3}' }).text).Item).toMatchObject({
      name: { S: '1.5e3' },
      age: { N: '1.5e3' },
    });
    expect(JSON.parse(put.request({ body: '{"age": 12345678901234567890123}' }).text).Item.age).toEqual({
      N: '12345678901234567890123',
    });
    expect(JSON.parse(put.request({ body: '{"name": true, "vaccinated": true}' }).text).Item).toMatchObject({
      name: { S: 'true' },
      vaccinated: { BOOL: true },
    });
  });

  it('SNS Subject and Kinesis PartitionKey', async () => {
    const sns = (await integrationsOf('service-sns', { AlertsTopic: 'arn:aws:sns:eu-west-1:123456789012:alerts' }))(
      'POST /alerts',
    );
    expect(form(sns.request({ body: JSON.stringify({ title: value, text: 2.5 }) }).text)).toMatchObject({
      Subject: '{"a":1,"b":[1,"x"]}',
    });
    expect(form(sns.request({ body: '{"title": 1e2, "text": 2.50}' }).text)).toMatchObject({
      Subject: '1e2',
      Message: '2.50',
    });
    const kinesis = (await integrationsOf('service-kinesis', { ClickStreamName: 'clicks' }))('POST /clicks');
    expect(JSON.parse(kinesis.request({ body: JSON.stringify({ sessionId: value }) }).text).PartitionKey).toBe(
      '{"a":1,"b":[1,"x"]}',
    );
  });
});

describe('a whole body is passed as it came', () => {
  const pretty = '{\n  "b": 1.50,\n  "a": [1, 2]\n}\n';

  it('Kinesis Data, SQS and SNS messages, Step Functions input, EventBridge detail', async () => {
    const kinesis = (await integrationsOf('service-kinesis', { ClickStreamName: 'clicks' }))('POST /clicks');
    expect(Buffer.from(JSON.parse(kinesis.request({ body: pretty }).text).Data, 'base64').toString('utf8')).toBe(
      pretty,
    );
    const sqs = (
      await integrationsOf('service-sqs', {
        OrdersQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:orders',
        ExistingSqsRoleArn: 'r',
      })
    )('POST /orders');
    expect(form(sqs.request({ body: pretty }).text)['MessageBody']).toBe(pretty);
    const sfn = (await integrationsOf('service-stepfunctions', { OrderFlowArn: 'o', QuoteFlowArn: 'q' }))(
      'POST /quotes',
    );
    expect(JSON.parse(sfn.request({ body: pretty }).text).input).toBe(pretty);
    const events = (await integrationsOf('service-eventbridge', { OrdersBusName: 'b' }))('POST /orders');
    expect(JSON.parse(events.request({ body: pretty }).text).Entries[0].Detail).toBe(pretty);
    expect(JSON.parse(events.request({ body: ' \n' }).text).Entries[0].Detail).toBe('{}');
  });
});

describe('every slot of every service reads the place it names', () => {
  const slots = (value: string): Record<string, unknown> => ({
    '/sqs': {
      sqs: {
        queue: 'arn:aws:sqs:eu-west-1:123456789012:q.fifo',
        body: value,
        attributes: { a: value },
        groupId: value,
        deduplicationId: value,
      },
    },
    '/sns': {
      sns: { topic: 'arn:aws:sns:eu-west-1:123456789012:t', subject: value, message: value, attributes: { a: value } },
    },
    '/ddb': { dynamodb: { table: 'pets', action: 'UpdateItem', key: { id: value }, update: { a: value } } },
    '/events': { eventbridge: { source: 's', detailType: 'd', detail: value } },
    '/kinesis': { kinesis: { stream: 'clicks', partitionKey: value, data: value } },
    '/sfn': {
      stepfunctions: {
        stateMachine: 'arn:aws:states:eu-west-1:123456789012:stateMachine:s',
        input: value,
        name: value,
      },
    },
  });
  const decoded = (text: string): string =>
    text.startsWith('{') ? JSON.stringify(JSON.parse(text)) : [...new URLSearchParams(text).values()].join('\n');

  it.each(Object.keys(slots('')))('%s: header.X-V and query.v are never filled from elsewhere', async (path) => {
    const headers = await routesOf(writeServiceSpec(slots('header.X-V')), {});
    const fromHeader = decoded(
      headers(`POST ${path}`).request({
        body: '{}',
        headers: { 'x-v': 'real' },
        query: { 'X-V': 'spoofed', 'x-v': 'spoofed' },
      }).text,
    );
    expect(fromHeader).toContain('real');
    expect(fromHeader).not.toContain('spoofed');
    const queries = await routesOf(writeServiceSpec(slots('query.v')), {});
    expect(decoded(queries(`POST ${path}`).request({ body: '{}', headers: { v: 'spoofed' } }).text)).not.toContain(
      'spoofed',
    );
  });

  /** The strings a request carries: form values, or JSON string leaves (Kinesis data decoded). */
  const strings = (text: string): string[] => {
    if (!text.startsWith('{')) return [...new URLSearchParams(text).values()];
    const leaves = (value: unknown, key = ''): string[] =>
      typeof value === 'string'
        ? [key === 'Data' ? Buffer.from(value, 'base64').toString('utf8') : value]
        : value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => leaves(v, k))
          : [];
    return leaves(JSON.parse(text));
  };

  it.each(Object.keys(slots('')))('%s: an object field arrives as its JSON text, numbers as written', async (path) => {
    const route = (await routesOf(writeServiceSpec(slots('body.v')), {}))(`POST ${path}`);
    const sent = strings(route.request({ body: '{"v": {"a": [1, "x"], "n": 1.5e3}}' }).text);
    expect(sent).toContain('{"a":[1,"x"],"n":1.5e3}');
    expect(sent.filter((s) => s.includes('a=') || s.includes('1500.0'))).toEqual([]);
  });
});
