/** The WebSocket API: logical IDs, permissions, stage settings, the connection table and each diagnostic. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, serializeTemplate } from '../../src/index.js';
import type { CfnResource } from '../../src/model/cfn.js';
import { validateTemplateFile } from '../support/cfn-validate.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir('gateform-ws-');
let count = 0;

async function compileYaml(xGateway: string, extra = 'paths: {}', base?: string) {
  count += 1;
  const spec = join(dir, `spec${count}.yaml`);
  writeFileSync(
    spec,
    `openapi: ${extra.includes('3.1') ? '3.1.0' : '3.0.3'}\ninfo: { title: WS, version: "1" }\nx-gateway:\n${xGateway}\n${extra.replace('# 3.1', '')}\n`,
  );
  let into: string | undefined;
  if (base !== undefined) {
    into = join(dir, `base${count}.yaml`);
    writeFileSync(into, base);
  }
  return compile(spec, into !== undefined ? { into } : {});
}

function resources(result: Awaited<ReturnType<typeof compile>>): Record<string, CfnResource> {
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.template!.Resources as Record<string, CfnResource>;
}

function codes(result: Awaited<ReturnType<typeof compile>>): [string, string, string | undefined][] {
  return result.diagnostics.map((d) => [d.code, d.severity, d.location?.pointer]);
}

describe('logical IDs', () => {
  it('gives routes whose names read alike distinct IDs, the predefined keys keeping theirs', async () => {
    const result = await compileYaml(`  websocket:
    routes:
      send-message: { integration: { mock: {} } }
      sendMessage: { integration: { mock: {} } }
      default: { integration: { mock: {} } }
      $default: { integration: { mock: {} } }`);
    const routes = Object.entries(resources(result))
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map(([id, r]) => [id, r.Properties!['RouteKey']]);
    expect(routes).toEqual([
      ['WsWsWebSocketApiSendMessageRoute', 'send-message'],
      ['WsWsWebSocketApiSendMessage2Route', 'sendMessage'],
      ['WsWsWebSocketApiDefault2Route', 'default'],
      ['WsWsWebSocketApiDefaultRoute', '$default'],
    ]);
  });

  it('refuses a WebSocket API whose logical ID is the REST API’s', async () => {
    const result = await compileYaml(
      `  api: { name: chat-live-web-socket }
  websocket:
    name: chat-live
    routes: { $default: { integration: { mock: {} } } }`,
      `paths:\n  /x:\n    get:\n      x-gateway: { integration: { mock: {} } }\n      responses: { '200': { description: ok } }`,
    );
    expect(codes(result)).toContainEqual(['websocket-api-id-clash', 'error', '/x-gateway/websocket/name']);
  });

  it('lets the names meet when the document has no REST operation (no REST API is emitted)', async () => {
    const result = await compileYaml(`  api: { name: chat-live-web-socket }
  websocket:
    name: chat-live
    routes: { $default: { integration: { mock: {} } } }`);
    expect(resources(result)['ChatLiveWebSocketApi']!.Type).toBe('AWS::ApiGatewayV2::Api');
  });
});

describe('deployment', () => {
  const deploymentId = async (routes: string) =>
    Object.keys(resources(await compileYaml(`  websocket:\n    routes:\n${routes}`))).find((id) =>
      id.includes('Deployment'),
    );

  it('changes its logical ID with the routes, and keeps it for the same spec', async () => {
    const one = `      $default: { integration: { mock: {} } }`;
    const two = `${one}\n      ping: { integration: { mock: { body: { pong: true } } } }`;
    expect(await deploymentId(one)).toBe(await deploymentId(one));
    expect(await deploymentId(two)).not.toBe(await deploymentId(one));
    expect(await deploymentId(two.replace('pong: true', 'pong: 1'))).not.toBe(await deploymentId(two));
  });
});

describe('Lambda permissions', () => {
  it('scope each permission to its route key, with `${` kept literal in the Fn::Sub', async () => {
    const result = await compileYaml(`  websocket:
    routes:
      "x\${y}": { integration: { lambda: "\${Fn}" } }
      $connect: { integration: { lambda: "\${Fn}" } }
      $default: { integration: { mock: {} } }`);
    const arns = Object.values(resources(result))
      .filter((r) => r.Type === 'AWS::Lambda::Permission')
      .map((r) => r.Properties!['SourceArn']);
    expect(arns).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WsWsWebSocketApi}/*/x${!y}' },
      {
        'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WsWsWebSocketApi}/*/$connect',
      },
    ]);
  });
});

describe('stage', () => {
  it('mirrors the REST stage: logging, metrics, throttling, and the access log in a WebSocket format', async () => {
    const result =
      await compileYaml(`  stage: { name: prod, logging: { level: info, dataTrace: true }, metrics: true, throttle: { rate: 5, burst: 10 }, accessLog: { format: clf, retentionDays: 30 } }
  websocket:
    routes: { $default: { integration: { mock: {} } } }`);
    const all = resources(result);
    expect(all['WsWsWebSocketApiAccessLogs']).toEqual({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30 },
    });
    expect(all['WsWsWebSocketApiStage']!.Properties).toMatchObject({
      StageName: 'prod',
      DefaultRouteSettings: {
        LoggingLevel: 'INFO',
        DataTraceEnabled: true,
        DetailedMetricsEnabled: true,
        ThrottlingRateLimit: 5,
        ThrottlingBurstLimit: 10,
      },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': ['WsWsWebSocketApiAccessLogs', 'Arn'] },
        Format:
          '$context.identity.sourceIp - - [$context.requestTime] "$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId',
      },
    });
    expect(result.template!.Outputs!['WsWsWebSocketApiAccessLogGroup']).toBeDefined();
  });

  it('names a placeholder stage in the ManageConnections policy by its placeholder, a literal one as written', async () => {
    for (const [name, stage] of [
      ['${Stage}', '${Stage}'],
      ['live', 'live'],
    ]) {
      const all = resources(
        await compileYaml(`  websocket:
    stage: { name: "${name}" }
    routes: { $default: { integration: { mock: {} } } }`),
      );
      const policy = all['WsWsWebSocketApiManageConnectionsPolicy']!.Properties as {
        PolicyDocument: { Statement: { Resource: unknown[] }[] };
      };
      expect(policy.PolicyDocument.Statement[0]!.Resource).toEqual([
        {
          'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${WsWsWebSocketApi}/${stage}/*/@connections/*`,
        },
      ]);
    }
  });

  it.each([
    ['alone, creating the account role itself', 'paths: {}', 'WsWsWebSocketApiAccount'],
    [
      'beside a REST API, which creates the account role',
      `paths:\n  /x:\n    get:\n      x-gateway: { integration: { mock: {} } }\n      responses: { '200': { description: ok } }`,
      'WsApiAccount',
    ],
  ])('logs only once the account has its CloudWatch role: %s', async (_, paths, account) => {
    const result = await compileYaml(
      `  stage: { logging: { level: info, accountRole: true } }
  websocket:
    routes: { $default: { integration: { mock: {} } } }`,
      paths,
    );
    const all = resources(result);
    expect(all[account]!.Type).toBe('AWS::ApiGateway::Account');
    expect(all['WsWsWebSocketApiStage']!.DependsOn).toEqual([account]);
  });

  it('takes its own access log, to an existing destination', async () => {
    const result = await compileYaml(`  websocket:
    stage: { accessLog: { destination: "\${LogGroupArn}" } }
    routes: { $default: { integration: { mock: {} } } }`);
    const all = resources(result);
    expect(all['WsWsWebSocketApiAccessLogs']).toBeUndefined();
    const settings = all['WsWsWebSocketApiStage']!.Properties!['AccessLogSettings'] as {
      DestinationArn: unknown;
      Format: string;
    };
    expect(settings.DestinationArn).toEqual({ Ref: 'LogGroupArn' });
    expect(JSON.parse(settings.Format)).toMatchObject({
      requestId: '$context.requestId',
      eventType: '$context.eventType',
      routeKey: '$context.routeKey',
      connectionId: '$context.connectionId',
      status: '$context.status',
    });
  });

  it("gives the WebSocket stage the stage's variables, with its own over them", async () => {
    const result = await compileYaml(`  stage: { variables: { alias: live, region: eu } }
  websocket:
    stage: { variables: { alias: ws } }
    routes: { $default: { integration: { mock: {} } } }`);
    expect(codes(result)).toEqual([]);
    expect(resources(result)['WsWsWebSocketApiStage']!.Properties!['StageVariables']).toEqual({
      alias: 'ws',
      region: 'eu',
    });
  });

  it('refuses `stages` and a canary in a document with only a WebSocket API', async () => {
    const result = await compileYaml(`  stages: { beta: {}, prod: {} }
  websocket:
    routes: { $default: { integration: { mock: {} } } }`);
    expect(codes(result)).toContainEqual(['stages-websocket', 'error', '/x-gateway/stages']);
    const canary = await compileYaml(`  stage: { canary: { percent: 10 } }
  websocket:
    routes: { $default: { integration: { mock: {} } } }`);
    expect(codes(canary)).toEqual([['canary-without-rest-api', 'error', '/x-gateway/stage/canary']]);
  });

  it('tells that WebSocket stages have no X-Ray tracing when the REST stage traces', async () => {
    const result = await compileYaml(`  stage: { tracing: true }
  websocket:
    routes: { $default: { integration: { mock: {} } } }`);
    expect(codes(result)).toContainEqual(['websocket-stage-no-tracing', 'info', '/x-gateway/stage/tracing']);
    expect(resources(result)['WsWsWebSocketApiStage']!.Properties).not.toHaveProperty('TracingEnabled');
  });

  it.each([
    ['its own execution log', 'logging: info', '/x-gateway/websocket/stage/logging'],
    ['its own access log', 'accessLog: { format: json }', '/x-gateway/websocket/stage/accessLog'],
  ])(
    'tells that %s needs the account’s CloudWatch role when the REST stage does not log',
    async (_, setting, pointer) => {
      const result = await compileYaml(`  websocket:
    stage: { ${setting} }
    routes: { $default: { integration: { mock: {} } } }`);
      expect(codes(result)).toContainEqual(['cloudwatch-role-required', 'warning', pointer]);
    },
  );

  it('tells about the CloudWatch role once when both stages log', async () => {
    const result = await compileYaml(`  stage: { logging: { level: error } }
  websocket:
    stage: { logging: info }
    routes: { $default: { integration: { mock: {} } } }`);
    expect(codes(result).filter(([code]) => code === 'cloudwatch-role-required')).toEqual([
      ['cloudwatch-role-required', 'warning', '/x-gateway/stage/logging'],
    ]);
  });

  it('refuses a format without the request id', async () => {
    const result = await compileYaml(`  websocket:
    stage: { accessLog: { format: "$context.connectionId" } }
    routes: { $default: { integration: { mock: {} } } }`);
    expect(codes(result)).toContainEqual([
      'access-log-format-without-request-id',
      'error',
      '/x-gateway/websocket/stage/accessLog/format',
    ]);
  });
});

describe('connection table', () => {
  const base = `Resources:\n  ConnTable:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{ AttributeName: connectionId, AttributeType: S }]\n      KeySchema: [{ AttributeName: connectionId, KeyType: HASH }]\n`;

  it('given as an ARN: the role names the ARN, the templates the name after table/', async () => {
    const result = await compileYaml(
      `  websocket:
    connections: { table: !GetAtt ConnTable.Arn }
    routes: { $default: { integration: { mock: {} } } }`,
      'paths: {}',
      base,
    );
    const all = resources(result);
    const role = all['WsWsWebSocketApiDynamoDbConnectionsRole']!.Properties as {
      Policies: { PolicyDocument: { Statement: { Resource: unknown[] }[] } }[];
    };
    expect(role.Policies[0]!.PolicyDocument.Statement.map((s) => s.Resource)).toEqual([
      [{ 'Fn::GetAtt': ['ConnTable', 'Arn'] }],
      [{ 'Fn::GetAtt': ['ConnTable', 'Arn'] }],
    ]);
    const template = (
      all['WsWsWebSocketApiDisconnectIntegration']!.Properties!['RequestTemplates'] as Record<string, unknown>
    )['$default'];
    expect(template).toEqual({
      'Fn::Sub': [
        '{"TableName": "${Value1}", "Key": {"connectionId": {"S": "$context.connectionId"}}}',
        { Value1: { 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::GetAtt': ['ConnTable', 'Arn'] }] }] } },
      ],
    });
  });

  it.each([
    ['connectionId, the key', '', 'connectionId', '/x-gateway/websocket/connections/attributes/connectionId'],
    [
      'expiresAt, the TTL attribute',
      ', ttl: 600',
      'expiresAt',
      '/x-gateway/websocket/connections/attributes/expiresAt',
    ],
  ])('refuses an attribute named %s', async (_, ttl, name, pointer) => {
    const result = await compileYaml(`  websocket:
    connections: { table: T${ttl}, attributes: { ${name}: context.identity.sourceIp } }
    routes: { $default: { integration: { mock: {} } } }`);
    expect(codes(result)).toContainEqual(['websocket-connection-attribute-reserved', 'error', pointer]);
  });

  it('lets an attribute be named expiresAt when there is no TTL', async () => {
    const result = await compileYaml(`  websocket:
    connections: { table: T, attributes: { expiresAt: context.requestTimeEpoch } }
    routes: { $default: { integration: { mock: {} } } }`);
    expect(codes(result).filter(([, severity]) => severity === 'error')).toEqual([]);
  });

  it('creates the $connect and $disconnect routes that store and delete the ids when they are not written', async () => {
    const result = await compileYaml(`  websocket:
    connections: { table: "\${ConnectionsTable}" }
    routes: { $default: { integration: { mock: {} } } }`);
    const all = resources(result);
    expect(all['WsWsWebSocketApiConnectRoute']!.Properties).toMatchObject({
      RouteKey: '$connect',
      Target: { 'Fn::Sub': 'integrations/${WsWsWebSocketApiConnectIntegration}' },
    });
    expect(all['WsWsWebSocketApiDisconnectRoute']!.Properties).toMatchObject({
      RouteKey: '$disconnect',
      Target: { 'Fn::Sub': 'integrations/${WsWsWebSocketApiDisconnectIntegration}' },
    });
  });
});

describe('integrations', () => {
  it('reaches a private backend through the VPC link', async () => {
    const result = await compileYaml(`  websocket:
    routes: { $default: { integration: { http: "https://backend.internal/ws", vpcLink: "\${VpcLinkId}" } } }`);
    expect(resources(result)['WsWsWebSocketApiDefaultIntegration']!.Properties).toMatchObject({
      IntegrationType: 'HTTP_PROXY',
      ConnectionType: 'VPC_LINK',
      ConnectionId: { Ref: 'VpcLinkId' },
    });
  });

  it('lets a route reply: a route response, and a deployment that waits for it', async () => {
    const result = await compileYaml(`  websocket:
    routes:
      echo: { integration: { lambda: "\${Fn}" }, reply: true }
      $default: { integration: { mock: { body: { ok: true } } } }`);
    const all = resources(result);
    expect(all['WsWsWebSocketApiEchoRoute']!.Properties!['RouteResponseSelectionExpression']).toBe('$default');
    expect(all['WsWsWebSocketApiEchoRouteResponse']!.Properties).toEqual({
      ApiId: { Ref: 'WsWsWebSocketApi' },
      RouteId: { Ref: 'WsWsWebSocketApiEchoRoute' },
      RouteResponseKey: '$default',
    });
    expect(all['WsWsWebSocketApiDefaultRouteResponse']).toBeDefined();
    const deployment = Object.values(all).find((r) => r.Type === 'AWS::ApiGatewayV2::Deployment')!;
    expect(deployment.DependsOn).toEqual([
      'WsWsWebSocketApiEchoRoute',
      'WsWsWebSocketApiEchoRouteResponse',
      'WsWsWebSocketApiDefaultRoute',
      'WsWsWebSocketApiDefaultIntegrationResponse',
      'WsWsWebSocketApiDefaultRouteResponse',
    ]);
  });

  it('keeps a mock without a body, and any route not asked to, one-way', async () => {
    const result = await compileYaml(`  websocket:
    routes:
      $default: { integration: { mock: {} } }
      quiet: { integration: { mock: { body: { ok: true } } }, reply: false }`);
    expect(Object.values(resources(result)).filter((r) => r.Type === 'AWS::ApiGatewayV2::RouteResponse')).toEqual([]);
  });

  it('passes a shared authorizer’s role, and needs no permission then', async () => {
    const result = await compileYaml(`  authorizers:
    shared: { type: request, function: "\${AuthArn}", identity: [header.X-Token], role: "\${AuthRole}" }
  websocket:
    routes:
      $connect: { auth: shared, integration: { mock: {} } }
      $default: { integration: { mock: {} } }`);
    const all = resources(result);
    expect(all['WsWsWebSocketApiSharedAuthorizer']!.Properties).toMatchObject({
      AuthorizerCredentialsArn: { Ref: 'AuthRole' },
      IdentitySource: ['route.request.header.X-Token'],
    });
    expect(all['WsWsWebSocketApiSharedAuthorizerPermission']).toBeUndefined();
  });
});

describe('message models', () => {
  it('converts 3.1 keywords as the REST models are converted', async () => {
    const result = await compileYaml(
      `  websocket:
    routes:
      send: { integration: { mock: {} }, schema: { $ref: '#/components/schemas/Msg' } }
      $default: { integration: { mock: {} } }`,
      `# 3.1\npaths: {}\ncomponents:\n  schemas:\n    Msg:\n      type: object\n      properties:\n        n: { type: number, exclusiveMinimum: 0 }\n        kind: { const: chat }\n`,
    );
    expect(resources(result)['WsWsWebSocketApiMsgModel']!.Properties!['Schema']).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      type: 'object',
      properties: { n: { type: 'number', minimum: 0, exclusiveMinimum: true }, kind: { enum: ['chat'] } },
    });
  });
});

describe('diagnostics', () => {
  it.each([
    [
      'a header in a service integration',
      `      $default: { integration: { dynamodb: { table: T, action: PutItem, item: { id: context.connectionId, h: header.X-Foo } } } }`,
      ['websocket-request-value', 'error', '/x-gateway/websocket/routes/$default/integration/dynamodb/item/h'],
    ],
    [
      'a query string value, written with a type',
      `      $default: { integration: { dynamodb: { table: T, action: PutItem, item: { id: { from: query.id, type: S } } } } }`,
      ['websocket-request-value', 'error', '/x-gateway/websocket/routes/$default/integration/dynamodb/item/id/from'],
    ],
    [
      'a page token in a query string',
      `      $default: { integration: { dynamodb: { table: T, action: Scan, startKey: { from: query.next, attributes: { id: S } } } } }`,
      ['websocket-request-value', 'error', '/x-gateway/websocket/routes/$default/integration/dynamodb/startKey/from'],
    ],
    [
      'an S3 integration',
      `      $default: { integration: { s3: { bucket: B, action: DeleteObject, key: k } } }`,
      ['websocket-integration-unsupported', 'error', '/x-gateway/websocket/routes/$default/integration/s3'],
    ],
    [
      'a Firehose integration',
      `      $default: { integration: { firehose: { stream: archive } } }`,
      ['websocket-integration-unsupported', 'error', '/x-gateway/websocket/routes/$default/integration/firehose'],
    ],
    [
      'a reply on $disconnect',
      `      $disconnect: { integration: { mock: {} }, reply: true }\n      $default: { integration: { mock: {} } }`,
      ['websocket-reply-lifecycle', 'warning', '/x-gateway/websocket/routes/$disconnect/reply'],
    ],
    [
      'a schema on $connect',
      `      $connect: { integration: { mock: {} }, schema: { $ref: '#/components/schemas/M' } }\n      $default: { integration: { mock: {} } }`,
      ['websocket-schema-lifecycle', 'warning', '/x-gateway/websocket/routes/$connect/schema'],
    ],
  ])('%s', async (_, routes, expected) => {
    expect(
      codes(
        await compileYaml(
          `  websocket:\n    routes:\n${routes}`,
          'paths: {}\ncomponents:\n  schemas:\n    M: { type: object }',
        ),
      ),
    ).toContainEqual(expected);
  });

  it('emits no model for $connect, which receives no message', async () => {
    const result = await compileYaml(
      `  websocket:
    routes:
      $connect: { integration: { mock: {} }, schema: { $ref: '#/components/schemas/M' } }
      $default: { integration: { mock: {} } }`,
      'paths: {}\ncomponents:\n  schemas:\n    M: { type: object }',
    );
    const all = resources(result);
    expect(all['WsWsWebSocketApiMModel']).toBeUndefined();
    expect(all['WsWsWebSocketApiConnectRoute']!.Properties).not.toHaveProperty('RequestModels');
  });

  it('a route timeout over 29 s, which WebSocket APIs cannot raise (and not the REST quota warning)', async () => {
    const result = await compileYaml(`  websocket:
    routes:
      $default: { integration: { lambda: "\${Fn}", timeout: 60000 } }`);
    expect(codes(result).filter(([code]) => code.includes('timeout'))).toEqual([
      ['websocket-integration-timeout', 'error', '/x-gateway/websocket/routes/$default/integration/timeout'],
    ]);
  });

  it('caps a REST default timeout over 29 s without a finding of its own', async () => {
    const result = await compileYaml(`  defaults: { timeout: 60000 }
  websocket:
    routes:
      $default: { integration: { lambda: "\${Fn}" } }`);
    expect(codes(result).filter(([code]) => code.startsWith('websocket-'))).toEqual([]);
    expect(result.model!.websocket!.routes[0]!.integration).toMatchObject({ kind: 'lambda', timeout: 29000 });
    expect(resources(result)['WsWsWebSocketApiDefaultIntegration']!.Properties!['TimeoutInMillis']).toBe(29000);
  });

  it('a shared authorizer’s ttl, which WebSocket APIs do not use', async () => {
    const result = await compileYaml(`  authorizers:
    shared: { type: request, function: "\${AuthArn}", identity: [header.X-Token], ttl: 300 }
  websocket:
    routes:
      $connect: { auth: shared, integration: { mock: {} } }
      $default: { integration: { mock: {} } }`);
    expect(codes(result)).toContainEqual([
      'websocket-authorizer-no-cache',
      'info',
      '/x-gateway/authorizers/shared/ttl',
    ]);
  });

  it('a header among the connection attributes', async () => {
    const result = await compileYaml(`  websocket:
    connections: { table: T, attributes: { agent: header.User-Agent } }
    routes: { $default: { integration: { mock: {} } } }`);
    expect(codes(result)).toContainEqual([
      'invalid-x-gateway-value',
      'error',
      '/x-gateway/websocket/connections/attributes/agent',
    ]);
  });

  it('a schema finding once, when REST and WebSocket share the schema', async () => {
    const result = await compileYaml(
      `  websocket:
    routes:
      send: { integration: { mock: {} }, schema: { $ref: '#/components/schemas/Msg' } }
      $default: { integration: { mock: {} } }`,
      `paths:\n  /m:\n    post:\n      x-gateway: { integration: { mock: {} }, validate: body }\n      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Msg' } } } }\n      responses: { '200': { description: ok } }\ncomponents:\n  schemas:\n    Msg: { type: object, properties: { t: { type: number, minimum: 0, exclusiveMinimum: true } } }\n`,
    );
    expect(codes(result).filter(([code]) => code.startsWith('model-'))).toEqual([
      ['model-keyword-ignored', 'warning', '/components/schemas/Msg/properties/t/exclusiveMinimum'],
    ]);
  });
});

describe('docs/websocket.md', () => {
  const section = readFileSync('docs/websocket.md', 'utf8');
  const examples = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it.each(examples.map((text, i) => [i + 1, text]))(
    'example %i compiles, as written, to a valid template',
    async (_, text) => {
      count += 1;
      const spec = join(dir, `readme${count}.yaml`);
      writeFileSync(spec, text);
      const result = await compile(spec);
      // The chat example logs, which needs the account's CloudWatch role: a deploy-time requirement, warned of.
      expect(result.diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'cloudwatch-role-required')).toEqual(
        [],
      );
      const out = join(dir, `readme${count}.template.yaml`);
      writeFileSync(out, serializeTemplate(result.template!, 'yaml'));
      expect(validateTemplateFile(out)).toEqual([]);
      expect(Object.values(result.template!.Resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Api')).toHaveLength(
        1,
      );
    },
  );

  it('shows both examples', () => {
    expect(examples).toHaveLength(2);
  });
});
