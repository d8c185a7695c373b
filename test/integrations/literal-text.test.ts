/**
 * Literal means literal: text of the spec that lands in a mapping template (names, detail types, sources,
 * `'literal'` request values, mock bodies) reaches the service exactly as written, whatever Velocity or
 * JSON would make of it (`##` comments, `#set`, `$references`, backslashes, quotes, line breaks).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { renderTemplate } from '../support/apigateway-vtl.js';
import { resolve, routesOf, writeServiceSpec as writeSpec } from '../support/service-routes.js';

/** What a `'literal'` request value may hold (anything but `'`). */
const HOSTILE = 'a ## b #set($x = 1)$x ${x} $!{y} \\$x \\#end \\\\$x #* c *# #[[ d ]]# "q" \\ \n\tü ✓ $';
/** What a name, source or detail type may hold. */
const NAME = `tags##note #set($n = 'x') $n it's "q" \\`;
const literal = `'${HOSTILE}'`;

const form = (text: string): Record<string, string> => Object.fromEntries(new URLSearchParams(text));

describe('literal text in every service template arrives as written', () => {
  const spec = writeSpec({
    '/sqs': {
      sqs: {
        queue: 'arn:aws:sqs:eu-west-1:123456789012:q.fifo',
        body: literal,
        attributes: { [NAME]: literal, empty: "''" },
        groupId: literal,
        deduplicationId: literal,
      },
    },
    '/sns': {
      sns: {
        topic: 'arn:aws:sns:eu-west-1:123456789012:t',
        subject: literal,
        message: literal,
        attributes: { [NAME]: literal },
      },
    },
    '/ddb': {
      dynamodb: {
        table: 'pets',
        action: 'PutItem',
        item: {
          [NAME]: literal,
          n: { from: "'1.5e3'", type: 'N' },
          b: { from: "'true'", type: 'BOOL' },
          f: { from: literal, type: 'BOOL' },
          blank: "''",
        },
      },
    },
    '/ddb-update': {
      dynamodb: { table: 'pets', action: 'UpdateItem', key: { [NAME]: literal }, update: { [`${NAME}2`]: literal } },
    },
    '/events': { eventbridge: { source: NAME, detailType: 'Order ## placed', detail: literal } },
    '/events-name': { eventbridge: { source: NAME, detailType: NAME } },
    '/kinesis': { kinesis: { stream: 'clicks', partitionKey: literal, data: literal } },
    '/sfn': {
      stepfunctions: {
        stateMachine: 'arn:aws:states:eu-west-1:123456789012:stateMachine:s',
        input: literal,
        name: literal,
      },
    },
    '/mock': { mock: { body: { [NAME]: HOSTILE, list: [NAME, HOSTILE] } } },
    '/s3': { s3: { bucket: 'docs', action: 'PutObject', key: 'a #1?/b c%' } },
  });
  const routes = routesOf(spec, {});
  const request = async (route: string): Promise<string> =>
    (await routes)(`POST ${route}`).request({ body: '{}' }).text;

  it('SQS: body, attribute names and values, FIFO ids', async () => {
    expect(form(await request('/sqs'))).toEqual({
      Action: 'SendMessage',
      MessageBody: HOSTILE,
      'MessageAttribute.1.Name': NAME,
      'MessageAttribute.1.Value.DataType': 'String',
      'MessageAttribute.1.Value.StringValue': HOSTILE,
      MessageGroupId: HOSTILE,
      MessageDeduplicationId: HOSTILE,
    });
  });

  it('SNS: subject, message, attributes', async () => {
    expect(form(await request('/sns'))).toEqual({
      Action: 'Publish',
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:t',
      Subject: HOSTILE,
      Message: HOSTILE,
      'MessageAttributes.entry.1.Name': NAME,
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': HOSTILE,
    });
  });

  it('DynamoDB: attribute names and S, N, BOOL values', async () => {
    expect(JSON.parse(await request('/ddb'))).toEqual({
      TableName: 'pets',
      Item: { [NAME]: { S: HOSTILE }, n: { N: '1.5e3' }, b: { BOOL: true }, f: { BOOL: false }, blank: { S: '' } },
    });
    expect(JSON.parse(await request('/ddb-update'))).toMatchObject({
      Key: { [NAME]: { S: HOSTILE } },
      ExpressionAttributeNames: { '#k0': NAME, '#u0': `${NAME}2` },
      UpdateExpression: 'SET #u0 = :u0',
      ExpressionAttributeValues: { ':u0': { S: HOSTILE } },
    });
  });

  it('EventBridge: source, detail type, detail', async () => {
    const entry = JSON.parse(await request('/events')).Entries[0];
    expect(entry).toMatchObject({ EventBusName: 'default', Source: NAME, DetailType: 'Order ## placed' });
    expect(JSON.parse(entry.Detail)).toEqual({ value: HOSTILE });
    expect(JSON.parse(await request('/events-name')).Entries[0]).toMatchObject({ DetailType: NAME });
  });

  it('Kinesis: partition key and data', async () => {
    const record = JSON.parse(await request('/kinesis'));
    expect(record.PartitionKey).toBe(HOSTILE);
    expect(Buffer.from(record.Data, 'base64').toString('utf8')).toBe(HOSTILE);
  });

  it('Step Functions: input and name', async () => {
    expect(JSON.parse(await request('/sfn'))).toEqual({
      stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:s',
      input: JSON.stringify(HOSTILE),
      name: HOSTILE,
    });
  });

  it('S3: the key, percent-encoded in the integration URI', async () => {
    expect(resolve((await routes)('POST /s3').integration.uri, {})).toBe(
      'arn:aws:apigateway:eu-west-1:s3:path/docs/a%20%231%3F/b%20c%25',
    );
  });

  it('mock: the body', async () => {
    const integration = (await routes)('POST /mock').integration;
    const template = integration.responses['default']!.responseTemplates!['application/json'] as string;
    expect(JSON.parse(renderTemplate(template, '').text)).toEqual({ [NAME]: HOSTILE, list: [NAME, HOSTILE] });
  });
});

describe('text with no escape in its place is refused at its place', () => {
  it.each([
    [
      'a target holding a quote or Velocity',
      { '/q': { sqs: { queue: "orders'#set($x = 1)" } } },
      'service-target-invalid',
      '/paths/~1q/post/x-gateway/integration/sqs/queue',
    ],
    [
      'a table holding a $ outside a placeholder',
      { '/t': { dynamodb: { table: 'pets$x', action: 'PutItem', item: { a: "'b'" } } } },
      'service-target-invalid',
      '/paths/~1t/post/x-gateway/integration/dynamodb/table',
    ],
  ])('%s', async (_name, paths, code, pointer) => {
    const result = await compile(writeSpec(paths));
    expect(result.template).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.location?.pointer])).toEqual([
      [code, pointer],
    ]);
  });
});
