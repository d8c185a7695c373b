/** The connection table templates of a WebSocket API, rendered as API Gateway would. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { renderTemplate } from '../support/apigateway-vtl.js';
import { tempDir } from '../support/temp.js';

async function resources(): Promise<Record<string, { Type: string; Properties?: Record<string, unknown> }>> {
  const result = await compile('fixtures/websocket-chat/openapi.yaml');
  expect(result.template).toBeDefined();
  return result.template!.Resources;
}

async function templates(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [id, resource] of Object.entries(await resources())) {
    if (resource.Type !== 'AWS::ApiGatewayV2::Integration') continue;
    const template = (resource.Properties!['RequestTemplates'] as Record<string, unknown> | undefined)?.['$default'];
    if (template && typeof template === 'object' && 'Fn::Sub' in template)
      out[id] = String((template as Record<string, unknown>)['Fn::Sub']).replace('${ConnectionsTable}', 'connections');
  }
  return out;
}

describe('WebSocket connection table', () => {
  it('$connect stores the id, the authorizer principal (quotes intact) and the expiry', async () => {
    const request = JSON.parse(renderTemplate((await templates())['ChatLiveWebSocketApiConnectIntegration']!, '').text);
    expect(request).toEqual({
      TableName: 'connections',
      Item: {
        connectionId: { S: 'L0SM9cOFvHcCIhw=' },
        userId: { S: "user-1 'o\"k'" },
        expiresAt: { N: String(1767225600 + 7200) },
      },
    });
  });

  it('$disconnect deletes it', async () => {
    expect(
      JSON.parse(renderTemplate((await templates())['ChatLiveWebSocketApiDisconnectIntegration']!, '').text),
    ).toEqual({ TableName: 'connections', Key: { connectionId: { S: 'L0SM9cOFvHcCIhw=' } } });
  });
});

describe('WebSocket mock reply', () => {
  it('$default answers unmatched messages with the mock body, `$` and `#` intact', async () => {
    const response = (await resources())['ChatLiveWebSocketApiDefaultIntegrationResponse']!.Properties!;
    expect(response['TemplateSelectionExpression']).toBe('\\$default');
    const template = (response['ResponseTemplates'] as Record<string, string>)['$default']!;
    expect(JSON.parse(renderTemplate(template, '{"statusCode": 200}').text)).toEqual({
      error: 'No route for this action (answered by $default)',
      schema: '#/components/schemas/Message',
    });
  });
});

describe('WebSocket literal text', () => {
  it('connection attribute names reach DynamoDB as written, and the mock reply too', async () => {
    const name = `tags##note #set($n = 'x') $n "q" \\`;
    const value = 'a ## b #set($x = 1)$x \\$x "q" \\ \n';
    const path = join(tempDir('gateform-ws-'), 'openapi.yaml');
    const websocket = {
      routeSelection: '$request.body.action',
      connections: { table: 'connections', attributes: { [name]: 'context.identity.sourceIp' } },
      routes: { $connect: {}, $disconnect: {}, $default: { integration: { mock: { body: { [name]: value } } } } },
    };
    writeFileSync(
      path,
      stringify({
        openapi: '3.0.3',
        info: { title: 'Chat', version: '1' },
        'x-gateway': { api: { name: 'chat' }, websocket },
        paths: {},
      }),
    );
    const result = await compile(path);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const integration = Object.values(result.template!.Resources).find(
      (r) => r.Type === 'AWS::ApiGatewayV2::Integration' && JSON.stringify(r.Properties).includes('PutItem'),
    )!;
    const template = (integration.Properties!['RequestTemplates'] as Record<string, string | { 'Fn::Sub': string }>)[
      '$default'
    ]!;
    const text = typeof template === 'string' ? template : template['Fn::Sub'].replace(/\$\{!/g, '${');
    expect(JSON.parse(renderTemplate(text, '').text).Item).toEqual({
      connectionId: { S: 'L0SM9cOFvHcCIhw=' },
      [name]: { S: '203.0.113.9' },
    });
    const reply = Object.values(result.template!.Resources).find(
      (r) => r.Type === 'AWS::ApiGatewayV2::IntegrationResponse' && r.Properties!['ResponseTemplates'] !== undefined,
    )!;
    const replyTemplate = (reply.Properties!['ResponseTemplates'] as Record<string, string>)['$default']!;
    expect(JSON.parse(renderTemplate(replyTemplate, '').text)).toEqual({ [name]: value });
  });
});
