/**
 * The proof that the mapping templates work: every generated request and response template is rendered
 * by a real Velocity engine with a stand-in for API Gateway's variables, for sample requests with quotes,
 * newlines, unicode and missing fields, and the result must be exactly the request the AWS API expects.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import type { Json } from '../../src/model/aws-value.js';
import { renderTemplate } from '../support/apigateway-vtl.js';
import { fixtureCases } from '../support/fixtures.js';
import { integrationsOf, resolve } from '../support/service-routes.js';

const TRICKY = {
  note: 'it\'s "quoted"\\ with a backslash',
  lines: 'one\ntwo\r\n\ttabbed',
  unicode: 'Grüße ✓ 日本 🚀',
  html: '<b>&amp;</b> /slash',
};
const TRICKY_BODY = JSON.stringify(TRICKY);

describe('SQS SendMessage', () => {
  it('sends the exact body, attributes present in the request, FIFO ids; leaves out missing attributes', async () => {
    const route = await integrationsOf('service-sqs', {
      OrdersQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:orders',
      ExistingSqsRoleArn: 'arn:aws:iam::123456789012:role/r',
    });
    const plain = route('POST /orders');
    expect(resolve(plain.integration.uri, { OrdersQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:orders' })).toBe(
      'arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders',
    );
    const form = new URLSearchParams(
      plain.request({ body: TRICKY_BODY, headers: { 'X-Tenant-Id': 'acme & co = 100%' } }).text,
    );
    expect(Object.fromEntries(form)).toEqual({
      Action: 'SendMessage',
      MessageBody: TRICKY_BODY,
      'MessageAttribute.1.Name': 'tenant',
      'MessageAttribute.1.Value.DataType': 'String',
      'MessageAttribute.1.Value.StringValue': 'acme & co = 100%',
      'MessageAttribute.2.Name': 'requestId',
      'MessageAttribute.2.Value.DataType': 'String',
      'MessageAttribute.2.Value.StringValue': 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });
    const withoutTenant = Object.fromEntries(new URLSearchParams(plain.request({ body: '{}' }).text));
    expect(withoutTenant['MessageAttribute.1.Name']).toBe('requestId');
    expect(withoutTenant['MessageAttribute.2.Name']).toBeUndefined();

    const fifo = route('POST /orders/fifo/{customerId}');
    expect(resolve(fifo.integration.uri, {})).toBe('arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders.fifo');
    expect(
      Object.fromEntries(new URLSearchParams(fifo.request({ body: '{"a":1}', path: { customerId: 'c/42 ü' } }).text)),
    ).toEqual({
      Action: 'SendMessage',
      MessageBody: '{"a":1}',
      MessageGroupId: 'c/42 ü',
      MessageDeduplicationId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });

    const field = route('POST /orders/urgent');
    expect(
      new URLSearchParams(field.request({ body: JSON.stringify({ order: 'rush "now"' }) }).text).get('MessageBody'),
    ).toBe('rush "now"');
    expect(new URLSearchParams(field.request({ body: '{}' }).text).get('MessageBody')).toBe('');
    // An object or array field is sent as its JSON text, not as Java's `{id=1, items=[1, 2]}`.
    const order = { id: 1, items: [1, { sku: 'a "b"' }], gift: null };
    expect(new URLSearchParams(field.request({ body: JSON.stringify({ order }) }).text).get('MessageBody')).toBe(
      JSON.stringify(order),
    );
    expect(new URLSearchParams(field.request({ body: '{"order": [1, 2]}' }).text).get('MessageBody')).toBe('[1,2]');
    expect(new URLSearchParams(field.request({ body: '{"order": 12.5}' }).text).get('MessageBody')).toBe('12.5');
  });

  it('maps the response to the message id', async () => {
    const route = (
      await integrationsOf('service-sqs', {
        OrdersQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:orders',
        ExistingSqsRoleArn: 'r',
      })
    )('POST /orders');
    const response = route.response(
      JSON.stringify({ SendMessageResponse: { SendMessageResult: { MessageId: 'm-1' } } }),
    );
    expect(JSON.parse(response.text)).toEqual({ messageId: 'm-1' });
    expect(JSON.parse(route.response('{"Error": {"Code": "x"}}', '4\\d{2}').text)).toEqual({
      message: 'SQS rejected the request.',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });
  });
});

describe('SNS Publish', () => {
  it('publishes to the topic with message, subject and attributes', async () => {
    const route = (await integrationsOf('service-sns', { AlertsTopic: 'arn:aws:sns:eu-west-1:123456789012:alerts' }))(
      'POST /alerts',
    );
    const form = Object.fromEntries(
      new URLSearchParams(
        route.request({
          body: JSON.stringify({ title: 'Disk "full"', text: TRICKY.lines + TRICKY.unicode }),
          query: { severity: 'high' },
        }).text,
      ),
    );
    expect(form).toEqual({
      Action: 'Publish',
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
      Message: TRICKY.lines + TRICKY.unicode,
      Subject: 'Disk "full"',
      'MessageAttributes.entry.1.Name': 'severity',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': 'high',
    });
    expect(
      JSON.parse(route.response(JSON.stringify({ PublishResponse: { PublishResult: { MessageId: 'n-1' } } })).text),
    ).toEqual({ messageId: 'n-1' });
    const withoutSubject = Object.fromEntries(
      new URLSearchParams(route.request({ body: JSON.stringify({ text: 'hi' }) }).text),
    );
    expect(withoutSubject).toEqual({
      Action: 'Publish',
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
      Message: 'hi',
    });
  });

  it('publishes to a FIFO topic with the group and deduplication ids', async () => {
    const route = (
      await integrationsOf('service-sns', {
        AlertsTopic: 'a',
        OrdersTopic: 'arn:aws:sns:eu-west-1:123456789012:orders.fifo',
      })
    )('POST /orders/{customerId}');
    expect(
      Object.fromEntries(
        new URLSearchParams(route.request({ body: '{"id": 1}', path: { customerId: 'c/42 ü' } }).text),
      ),
    ).toEqual({
      Action: 'Publish',
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:orders.fifo',
      Message: '{"id": 1}',
      MessageGroupId: 'c/42 ü',
      MessageDeduplicationId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });
  });
});

describe('DynamoDB', () => {
  const parameters = { PetsTable: 'pets-table' };

  it('PutItem writes typed attributes from the request, with quotes, newlines and unicode intact', async () => {
    const route = (await integrationsOf('service-dynamodb', parameters))('POST /pets');
    const request = JSON.parse(
      route.request({
        body: JSON.stringify({ name: TRICKY.note + TRICKY.lines + TRICKY.unicode, age: 3, vaccinated: true }),
      }).text,
    );
    expect(request).toEqual({
      TableName: 'pets-table',
      Item: {
        id: { S: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' },
        name: { S: TRICKY.note + TRICKY.lines + TRICKY.unicode },
        age: { N: '3' },
        vaccinated: { BOOL: true },
      },
    });
    // Attributes the body lacks are left out, not written as "" (an invalid N) or false (a value never sent).
    expect(JSON.parse(route.request({ body: '{"name": "Rex"}' }).text).Item).toEqual({
      id: { S: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' },
      name: { S: 'Rex' },
    });
    expect(JSON.parse(route.request({ body: '{"age": 1, "vaccinated": false}' }).text).Item).toEqual({
      id: { S: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' },
      age: { N: '1' },
      vaccinated: { BOOL: false },
    });
    expect(JSON.parse(route.response('{}').text)).toEqual({});
  });

  it('GetItem reads by the path key and answers plain JSON, or 404', async () => {
    const route = (await integrationsOf('service-dynamodb', parameters))('GET /pets/{petId}');
    expect(JSON.parse(route.request({ path: { petId: `p'1"\\` } }).text)).toEqual({
      TableName: 'pets-table',
      Key: { id: { S: `p'1"\\` } },
    });
    const item = {
      id: { S: 'p1 "x"\n✓' },
      age: { N: '3.5' },
      ok: { BOOL: false },
      tags: { SS: ['a', "b's"] },
      scores: { NS: ['1', '2.5'] },
      none: { NULL: true },
      photo: { B: 'aGk=' },
      blobs: { BS: ['aGk=', 'eW8='] },
      empty: { L: [] },
      nothing: { M: {} },
      info: {
        M: {
          x: { S: 'y' },
          n: { N: '-1' },
          deep: {
            L: [{ M: { t: { BOOL: true }, u: { NULL: true }, v: { L: [{ N: '7' }, { SS: ['z'] }] } } }, { S: 'w' }],
          },
        },
      },
    };
    const found = route.response(JSON.stringify({ Item: item }));
    expect(found.status).toBeUndefined();
    expect(JSON.parse(found.text)).toEqual({
      id: 'p1 "x"\n✓',
      age: 3.5,
      ok: false,
      tags: ['a', "b's"],
      scores: [1, 2.5],
      none: null,
      photo: 'aGk=',
      blobs: ['aGk=', 'eW8='],
      empty: [],
      nothing: {},
      info: { x: 'y', n: -1, deep: [{ t: true, u: null, v: [7, ['z']] }, 'w'] },
    });
    // Maps and lists are unrolled six levels deep; a seventh is null.
    let nested: Record<string, unknown> = { S: 'bottom' };
    for (let level = 0; level < 7; level += 1) nested = { L: [nested] };
    expect(JSON.parse(route.response(JSON.stringify({ Item: { a: nested } })).text)).toEqual({ a: [[[[[[null]]]]]] });
    const missing = route.response('{}');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ message: 'Not found.' });
  });

  it('Query uses the index and key condition, and lists plain items', async () => {
    const route = (await integrationsOf('service-dynamodb', parameters))('GET /owners/{ownerId}/pets');
    expect(JSON.parse(route.request({ path: { ownerId: 'o-1' } }).text)).toEqual({
      TableName: 'pets',
      IndexName: 'byOwner',
      KeyConditionExpression: '#k0 = :k0',
      ExpressionAttributeNames: { '#k0': 'ownerId' },
      ExpressionAttributeValues: { ':k0': { S: 'o-1' } },
    });
    const response = route.response(
      JSON.stringify({ Items: [{ id: { S: 'a' } }, { id: { S: 'b' }, n: { N: '2' } }], Count: 2 }),
    );
    expect(JSON.parse(response.text)).toEqual({ items: [{ id: 'a' }, { id: 'b', n: 2 }], count: 2 });
    expect(JSON.parse(route.response(JSON.stringify({ Items: [], Count: 0 })).text)).toEqual({ items: [], count: 0 });
  });

  it('UpdateItem sets the attributes given, of an existing item only, and returns it; DeleteItem deletes by key', async () => {
    const at = await integrationsOf('service-dynamodb', parameters);
    const update = at('PATCH /pets/{petId}');
    expect(
      JSON.parse(update.request({ path: { petId: 'p1' }, body: '{"name": "Rex \\"the\\" dog", "age": 4}' }).text),
    ).toEqual({
      TableName: 'pets-table',
      Key: { id: { S: 'p1' } },
      ConditionExpression: 'attribute_exists(#k0)',
      UpdateExpression: 'SET #u0 = :u0, #u1 = :u1',
      ExpressionAttributeNames: { '#k0': 'id', '#u0': 'name', '#u1': 'age' },
      ExpressionAttributeValues: { ':u0': { S: 'Rex "the" dog' }, ':u1': { N: '4' } },
      ReturnValues: 'ALL_NEW',
    });
    expect(JSON.parse(update.request({ path: { petId: 'p1' }, body: '{"age": 5}' }).text)).toMatchObject({
      UpdateExpression: 'SET #u1 = :u1',
      ExpressionAttributeNames: { '#k0': 'id', '#u1': 'age' },
      ExpressionAttributeValues: { ':u1': { N: '5' } },
    });
    // Nothing to set: no UpdateExpression (an empty SET is invalid); the item comes back as it is, or 404.
    expect(JSON.parse(update.request({ path: { petId: 'p1' }, body: '{}' }).text)).toEqual({
      TableName: 'pets-table',
      Key: { id: { S: 'p1' } },
      ConditionExpression: 'attribute_exists(#k0)',
      ExpressionAttributeNames: { '#k0': 'id' },
      ReturnValues: 'ALL_NEW',
    });
    expect(
      JSON.parse(update.response(JSON.stringify({ Attributes: { id: { S: 'p1' }, name: { S: 'Rex' } } })).text),
    ).toEqual({ id: 'p1', name: 'Rex' });
    expect(JSON.parse(at('DELETE /pets/{petId}').request({ path: { petId: 'p1' } }).text)).toEqual({
      TableName: 'pets-table',
      Key: { id: { S: 'p1' } },
    });
  });
});

describe('Step Functions', () => {
  const parameters = {
    OrderFlowArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:orders',
    QuoteFlowArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:quotes',
  };

  it('StartExecution passes the body as the input and names the execution', async () => {
    const route = (await integrationsOf('service-stepfunctions', parameters))('POST /orders');
    const request = JSON.parse(route.request({ body: TRICKY_BODY }).text);
    expect(request).toEqual({
      stateMachineArn: parameters.OrderFlowArn,
      input: JSON.stringify(TRICKY),
      name: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });
    expect(JSON.parse(request.input)).toEqual(TRICKY);
    expect(JSON.parse(route.response('{"executionArn": "arn:x", "startDate": 1.7e9}').text)).toEqual({
      executionArn: 'arn:x',
      startDate: 1.7e9,
    });
  });

  it('passes an object field of the body as the input, as JSON', async () => {
    const route = (await integrationsOf('service-stepfunctions', parameters))('POST /returns');
    const payload = { order: 'o-1', lines: [{ sku: "it's", qty: 2 }], note: null };
    const request = JSON.parse(
      route.request({ body: JSON.stringify({ payload, ignored: true }), headers: { 'Idempotency-Key': 'k-1' } }).text,
    );
    expect(JSON.parse(request.input)).toEqual(payload);
    expect(request.name).toBe('k-1');
  });

  it('starts with {} when the input field is missing or null, and leaves out a name the request lacks', async () => {
    const route = (await integrationsOf('service-stepfunctions', parameters))('POST /returns');
    // Step Functions takes "null" as the execution's input; the API asks for "{}" when there is none.
    expect(JSON.parse(route.request({ body: '{}' }).text)).toEqual({
      stateMachineArn: parameters.OrderFlowArn,
      input: '{}',
    });
    expect(JSON.parse(route.request({ body: '{"payload": null}' }).text).input).toBe('{}');
    expect(JSON.parse(route.request({ body: '{"payload": []}' }).text).input).toBe('[]');
    // An empty name is refused (its minimum length is 1): without one, Step Functions picks a UUID.
    expect(
      JSON.parse(route.request({ body: '{"payload": {"a": 1}}', headers: { 'Idempotency-Key': '' } }).text),
    ).not.toHaveProperty('name');
  });

  it('passes another value as a JSON string input, whatever it holds', async () => {
    const route = (await integrationsOf('service-stepfunctions', parameters))('POST /audits');
    for (const note of [TRICKY.note, TRICKY.lines, TRICKY.unicode, TRICKY.html, '']) {
      expect(JSON.parse(JSON.parse(route.request({ query: { note } }).text).input)).toBe(note);
    }
  });

  it('StartSyncExecution answers with the output, or 502 when the workflow failed', async () => {
    const route = (await integrationsOf('service-stepfunctions', parameters))('POST /quotes');
    expect(JSON.parse(route.request({ body: '{"qty": 2}' }).text)).toEqual({
      stateMachineArn: parameters.QuoteFlowArn,
      input: '{"qty": 2}',
    });
    const ok = route.response(
      JSON.stringify({ status: 'SUCCEEDED', output: '{"price": 12.5, "note": "it\'s \\"fine\\""}' }),
    );
    expect(ok.status).toBeUndefined();
    expect(JSON.parse(ok.text)).toEqual({ price: 12.5, note: 'it\'s "fine"' });
    const failed = route.response(JSON.stringify({ status: 'FAILED', error: 'States.TaskFailed', cause: 'boom' }));
    expect(failed.status).toBe(502);
    expect(JSON.parse(failed.text)).toMatchObject({ error: 'States.TaskFailed' });
  });
});

describe('EventBridge PutEvents', () => {
  it('puts one event with the body as detail; a failed entry becomes a 500', async () => {
    const at = await integrationsOf('service-eventbridge', { OrdersBusName: 'orders-bus' });
    const route = at('POST /orders');
    const request = JSON.parse(route.request({ body: TRICKY_BODY }).text);
    expect(request).toEqual({
      Entries: [
        { EventBusName: 'orders-bus', Source: 'orders.api', DetailType: 'OrderPlaced', Detail: JSON.stringify(TRICKY) },
      ],
    });
    const signal = { kind: 'ping', at: { zone: 'UTC', hours: [1, 2] } };
    const field = JSON.parse(at('POST /signals').request({ body: JSON.stringify({ signal, other: 1 }) }).text)
      .Entries[0];
    expect(field.EventBusName).toBe('default');
    expect(JSON.parse(field.Detail)).toEqual(signal);
    // Detail must be a JSON object: a missing or null field sends {} rather than "null", which EventBridge refuses.
    expect(JSON.parse(at('POST /signals').request({ body: '{"other": 1}' }).text).Entries[0].Detail).toBe('{}');
    expect(JSON.parse(at('POST /signals').request({ body: '{"signal": null}' }).text).Entries[0].Detail).toBe('{}');
    expect(JSON.parse(route.request({ body: '' }).text).Entries[0].Detail).toBe('{}');
    // Another value is wrapped as {"value": …}, escaped once for the detail's JSON and once for the request's.
    for (const ping of [TRICKY.note, TRICKY.lines, TRICKY.unicode, TRICKY.html]) {
      const detail = JSON.parse(at('POST /pings').request({ headers: { 'X-Ping': ping } }).text).Entries[0].Detail;
      expect(JSON.parse(detail)).toEqual({ value: ping });
    }
    expect(JSON.parse(route.response('{"FailedEntryCount": 0, "Entries": [{"EventId": "e-1"}]}').text)).toEqual({
      eventId: 'e-1',
    });
    const failed = route.response(
      '{"FailedEntryCount": 1, "Entries": [{"ErrorCode": "x", "ErrorMessage": "bad \\"detail\\""}]}',
    );
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.text)).toMatchObject({ error: 'bad "detail"' });
    // A body that is no JSON object (an array, a string) is refused per entry: the client's mistake.
    const malformed = route.response(
      '{"FailedEntryCount": 1, "Entries": [{"ErrorCode": "MalformedDetail", "ErrorMessage": "Detail is malformed."}]}',
    );
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text)).toMatchObject({ error: 'Detail is malformed.' });
    expect(route.response('{"FailedEntryCount": 1, "Entries": [{"ErrorCode": "ThrottlingException"}]}').status).toBe(
      429,
    );
  });
});

describe('Kinesis PutRecord', () => {
  it('base64-encodes the body and takes the partition key from the request', async () => {
    const at = await integrationsOf('service-kinesis', { ClickStreamName: 'clicks' });
    const request = JSON.parse(
      at('POST /clicks').request({ body: JSON.stringify({ sessionId: 's "1"', ...TRICKY }) }).text,
    );
    expect(request.StreamName).toBe('clicks');
    expect(request.PartitionKey).toBe('s "1"');
    expect(JSON.parse(Buffer.from(request.Data, 'base64').toString('utf8'))).toEqual({ sessionId: 's "1"', ...TRICKY });
    const click = { x: 1, tags: ['a', 'b'], meta: { source: 'web' } };
    const byArn = JSON.parse(
      at('PUT /clicks/{sessionId}/raw').request({ path: { sessionId: 's2' }, body: JSON.stringify({ click }) }).text,
    );
    expect(byArn).toMatchObject({
      StreamARN: 'arn:aws:kinesis:eu-west-1:123456789012:stream/clicks',
      PartitionKey: 's2',
    });
    expect(JSON.parse(Buffer.from(byArn.Data, 'base64').toString('utf8'))).toEqual(click);
    const text = JSON.parse(
      at('PUT /clicks/{sessionId}/raw').request({ path: { sessionId: 's2' }, body: '{"click": "plain text"}' }).text,
    );
    expect(Buffer.from(text.Data, 'base64').toString('utf8')).toBe('plain text');
    expect(JSON.parse(at('POST /clicks').response('{"SequenceNumber": "1", "ShardId": "shardId-0"}').text)).toEqual({
      sequenceNumber: '1',
      shardId: 'shardId-0',
    });
  });
});

describe('Firehose PutRecord', () => {
  const parameters = {
    Archive: 'archive',
    'Archive.Arn': 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/archive',
    AuditStreamName: 'audit',
  };

  it('base64-encodes the body, or a field of it, into the named stream', async () => {
    const at = await integrationsOf('firehose', parameters);
    const request = JSON.parse(at('POST /events').request({ body: TRICKY_BODY }).text);
    expect(Object.keys(request)).toEqual(['DeliveryStreamName', 'Record']);
    expect(request.DeliveryStreamName).toBe('archive');
    expect(Buffer.from(request.Record.Data, 'base64').toString('utf8')).toBe(TRICKY_BODY);
    // The stream given by ARN is named by the ARN's last part: PutRecord takes a name only.
    const field = JSON.parse(
      at('PUT /events/{kind}').request({
        path: { kind: 'k' },
        body: JSON.stringify({ payload: { note: TRICKY.note } }),
      }).text,
    );
    expect(field.DeliveryStreamName).toBe('archive');
    expect(JSON.parse(Buffer.from(field.Record.Data, 'base64').toString('utf8'))).toEqual({ note: TRICKY.note });
    const text = JSON.parse(
      at('PUT /events/{kind}').request({ path: { kind: 'k' }, body: `{"payload": "it's"}` }).text,
    );
    expect(Buffer.from(text.Record.Data, 'base64').toString('utf8')).toBe("it's");
    // A field the body lacks is an empty record, not the text "null".
    const missing = JSON.parse(at('PUT /events/{kind}').request({ path: { kind: 'k' }, body: '{}' }).text);
    expect(missing.Record.Data).toBe('');
    expect(resolve(at('POST /remote').integration.uri, {})).toBe(
      'arn:aws:apigateway:us-east-1:firehose:action/PutRecord',
    );
  });

  it('answers the record id, and 429 when Firehose is unavailable or throttling', async () => {
    const route = (await integrationsOf('firehose', parameters))('POST /events');
    expect(JSON.parse(route.response(`{"RecordId": "r/1+'x'", "Encrypted": false}`).text)).toEqual({
      recordId: "r/1+'x'",
    });
    const unavailable = route.response('{"__type": "ServiceUnavailableException", "message": "Slow down."}', '5\\d{2}');
    expect(unavailable.status).toBe(429);
    expect(JSON.parse(unavailable.text)).toMatchObject({ message: expect.stringContaining('Firehose') });
    const missing = route.response('{"__type": "ResourceNotFoundException"}', '4\\d{2}');
    expect(missing.status).toBeUndefined();
    expect(JSON.parse(missing.text)).toMatchObject({ message: 'Firehose rejected the request.' });
  });
});

describe('targets given by ARN, URL or name', () => {
  const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/q';
  const parameters = {
    QueueArnParam: 'arn:aws:sqs:eu-west-1:111122223333:jobs',
    'Queue.QueueUrl': queueUrl,
    Queue: queueUrl,
    Inbox: 'https://sqs.eu-west-1.amazonaws.com/123456789012/inbox',
    Outbox: 'arn:aws:sqs:eu-west-1:123456789012:outbox',
    OrdersQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders',
  };

  it.each([
    ['POST /by-arn-parameter', '111122223333/jobs'],
    ['POST /by-url-attribute', '123456789012/q'],
    ['POST /by-ref', '123456789012/q'],
    ['POST /by-name', '123456789012/orders'],
    ['POST /by-described-parameters', '123456789012/inbox'],
    ['PUT /by-described-parameters', '123456789012/outbox'],
    ['POST /by-placeholder-name', '123456789012/orders'],
  ])('%s sends to the queue at %s', async (route, path) => {
    const at = await integrationsOf('service-targets', parameters);
    expect(resolve(at(route).integration.uri, parameters)).toBe(`arn:aws:apigateway:eu-west-1:sqs:path/${path}`);
  });

  it('calls a service in the region its ARN or URL names', async () => {
    const at = await integrationsOf('service-targets', parameters);
    expect(resolve(at('POST /remote/queue').integration.uri, parameters)).toBe(
      'arn:aws:apigateway:us-west-2:sqs:path/111122223333/other',
    );
    const remote = at('GET /remote/items/{id}');
    expect(resolve(remote.integration.uri, parameters)).toBe('arn:aws:apigateway:us-east-1:dynamodb:action/GetItem');
    expect(JSON.parse(remote.request({ path: { id: 'i1' } }).text).TableName).toBe('remote');
  });

  it('gives one role to one target, however it is referred to', async () => {
    const result = await compile('fixtures/service-targets/openapi.yaml', {
      into: 'fixtures/service-targets/base.yaml',
    });
    const roles = Object.keys(result.template!.Resources).filter((id) => /Role\d*$/.test(id));
    expect(roles.filter((id) => id.startsWith('TargetsApiDynamoDbTableRole'))).toEqual(['TargetsApiDynamoDbTableRole']);
    expect(roles.filter((id) => id.startsWith('TargetsApiSqsQueueRole'))).toEqual(['TargetsApiSqsQueueRole']);
  });

  it('builds topic and state machine ARNs from their names', async () => {
    const at = await integrationsOf('service-targets', parameters);
    expect(new URLSearchParams(at('POST /alerts').request({ body: '{}' }).text).get('TopicArn')).toBe(
      'arn:aws:sns:eu-west-1:123456789012:alerts',
    );
    expect(JSON.parse(at('POST /flows').request({ body: '{}' }).text).stateMachineArn).toBe(
      'arn:aws:states:eu-west-1:123456789012:stateMachine:orders-flow',
    );
  });
});

describe('the Velocity stand-in behaves as Java does', () => {
  it.each([
    [
      'a null argument prints the reference as written',
      "$util.escapeJavaScript($input.path('$.missing'))",
      '{}',
      "$util.escapeJavaScript($input.path('$.missing'))",
    ],
    [
      'base64Encode(null) too',
      "$util.base64Encode($input.path('$.missing'))",
      '{}',
      "$util.base64Encode($input.path('$.missing'))",
    ],
    [
      'a map prints as Map.toString',
      "$input.path('$.a')",
      '{"a": {"b": [1, 2], "c": {"d": "e"}}}',
      '{b=[1, 2], c={d=e}}',
    ],
    ['a list prints as List.toString', "$input.path('$.a')", '{"a": [1, [2, 3], {"b": 4}]}', '[1, [2, 3], {b=4}]'],
    ['$input.json is JSON text', "$input.json('$.a')", '{"a": {"b": [1, 2]}}', '{"b":[1,2]}'],
  ])('%s', (_name, template, payload, expected) => {
    expect(renderTemplate(template, payload).text).toBe(expected);
  });
});

describe('template overrides', () => {
  it('are used as written, with API Gateway reading ${stageVariables.x}', async () => {
    const route = (await integrationsOf('service-overrides', {}))('POST /orders');
    const form = Object.fromEntries(
      new URLSearchParams(route.request({ body: '{"order": {"id": 1}}', stageVariables: { env: 'prod' } }).text),
    );
    expect(form).toMatchObject({ MessageBody: '{"id":1}', 'MessageAttribute.1.Value.StringValue': 'prod' });
    expect(route.integration.responses['default']!.responseTemplates!['application/json']).toContain(
      '"stage": "${stageVariables.env}"',
    );
  });
});

describe('service errors', () => {
  const ddb = { PetsTable: 'pets-table' };
  it.each([
    [
      'DynamoDB throttling',
      'service-dynamodb',
      ddb,
      'POST /pets',
      '{"__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", "message": "slow down"}',
      429,
    ],
    [
      'DynamoDB ThrottlingException',
      'service-dynamodb',
      ddb,
      'POST /pets',
      '{"__type": "com.amazon.coral.availability#ThrottlingException"}',
      429,
    ],
    [
      'the gateway role denied',
      'service-dynamodb',
      ddb,
      'POST /pets',
      '{"__type": "com.amazon.coral.service#AccessDeniedException", "Message": "not authorized"}',
      500,
    ],
    [
      'UpdateItem on an unknown key',
      'service-dynamodb',
      ddb,
      'PATCH /pets/{petId}',
      '{"__type": "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException"}',
      404,
    ],
    [
      'a bad request',
      'service-dynamodb',
      ddb,
      'POST /pets',
      '{"__type": "com.amazon.coral.validate#ValidationException"}',
      undefined,
    ],
    [
      'a conditional failure where none is asked for',
      'service-dynamodb',
      ddb,
      'POST /pets',
      '{"__type": "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException"}',
      undefined,
    ],
    [
      'Kinesis throttling',
      'service-kinesis',
      { ClickStreamName: 'clicks' },
      'POST /clicks',
      '{"__type": "ProvisionedThroughputExceededException"}',
      429,
    ],
    [
      'SQS throttling',
      'service-sqs',
      { OrdersQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:orders' },
      'POST /orders',
      '{"Error": {"Code": "RequestThrottled", "Type": "Sender"}}',
      429,
    ],
    [
      'SNS throttling',
      'service-sns',
      { AlertsTopic: 'arn:aws:sns:eu-west-1:123456789012:alerts' },
      'POST /alerts',
      '{"Error": {"Code": "Throttling"}}',
      429,
    ],
    [
      'SNS denied',
      'service-sns',
      { AlertsTopic: 'arn:aws:sns:eu-west-1:123456789012:alerts' },
      'POST /alerts',
      '{"Error": {"Code": "AuthorizationError"}}',
      500,
    ],
    [
      'S3 missing key',
      'service-s3',
      { DocumentsBucket: 'docs' },
      'GET /docs/{key}',
      '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
      404,
    ],
    [
      'S3 denied',
      'service-s3',
      { DocumentsBucket: 'docs' },
      'GET /docs/{key}',
      '<Error><Code>AccessDenied</Code></Error>',
      500,
    ],
  ])('%s', async (_name, fixture, parameters, route, body, status) => {
    const rendered = (await integrationsOf(fixture, parameters))(route).response(body, '4\\d{2}');
    expect(rendered.status).toBe(status);
    expect(JSON.parse(rendered.text)).toHaveProperty('requestId');
  });

  it('S3 GetObject may list the bucket, so a missing key is a 404 and not a 403', async () => {
    const result = await compile('fixtures/service-s3/openapi.yaml');
    const statements = Object.values(result.template!.Resources)
      .filter((r) => r.Type === 'AWS::IAM::Role')
      .flatMap(
        (r) =>
          (
            r.Properties!['Policies'] as { PolicyDocument: { Statement: { Action: string[]; Resource: Json[] }[] } }[]
          )[0]!.PolicyDocument.Statement,
      );
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${DocumentsBucket}' }],
    });
  });
});

describe('generated roles', () => {
  it('name exact actions and resources in every fixture: no "*" action or resource', async () => {
    const found: string[] = [];
    for (const fixture of fixtureCases()) {
      const result = await compile(fixture.input, fixture.base ? { into: fixture.base } : {});
      for (const [id, resource] of Object.entries(result.template?.Resources ?? {})) {
        if (resource.Type !== 'AWS::IAM::Role') continue;
        const policies = (resource.Properties!['Policies'] ?? []) as {
          PolicyDocument: { Statement: { Action: Json; Resource: Json }[] };
        }[];
        for (const statement of policies.flatMap((p) => p.PolicyDocument.Statement)) {
          const actions = [statement.Action].flat();
          const resources = [statement.Resource].flat();
          if (actions.some((a) => typeof a === 'string' && (a === '*' || a.endsWith(':*'))) || resources.includes('*'))
            found.push(`${fixture.name} ${id}: ${JSON.stringify(statement)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
