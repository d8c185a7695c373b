/**
 * The WebSocket API (ApiGatewayV2): the API, one integration and route per route key, the `$connect`
 * authorizer, message models, the connection table integrations, a Deployment whose logical ID changes
 * with the routes, the stage, and the managed policy a backend attaches to post to connections.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api.html
 */
import { arnOf, nameOf } from '../../integrations/iam.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { invokedFunctions, invokePermission, lambdaInvocationUri, type StageScope } from '../../integrations/lambda.js';
import { mockBodyTemplate, mockRequestTemplate } from '../../integrations/mock.js';
import { jsonLiteral, templateValue } from '../../integrations/request-values.js';
import { renderServiceKind } from '../../integrations/services.js';
import {
  cfnNumber,
  cfnText,
  cfnTextWith,
  cfnValue,
  type CfnString,
  escapeSub,
  type Json,
  joinSub,
  subTemplate,
  toAwsValue,
} from '../../model/aws-value.js';
import type { JsonObject } from '../../load/load-document.js';
import type { GatewayModel, WebSocketApi, WebSocketRoute } from '../../model/ir.js';
import { pascalCase } from '../../model/names.js';
import { executeApiArn } from '../../model/arns.js';
import { type CfnOutput, type CfnResource, ref, sub } from '../../model/cfn.js';
import { SharedRoles } from '../shared/roles.js';
import { SharedVpcLinks } from '../shared/vpc-links.js';
import { toGatewayModels } from '../shared/openapi30.js';
import { deploymentId } from '../shared/deployment.js';
import { accessLogParts, accountRole } from '../shared/logging.js';
import { clientCertificateParts, stageVariables } from '../shared/stage.js';

export interface WebSocketParts {
  readonly resources: Record<string, CfnResource>;
  readonly outputs: Record<string, CfnOutput>;
  readonly diagnostics: readonly Diagnostic[];
}

export function emitWebSocket(model: GatewayModel): WebSocketParts | undefined {
  const ws = model.websocket;
  if (!ws) return undefined;
  const api = ws.logicalId;
  const stageId = `${api}Stage`;
  const resources: Record<string, CfnResource> = {
    [api]: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: {
        Name: cfnText(ws.name),
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: ws.routeSelection,
        // `api.ipAddressType` holds for every API of the document; WebSocket APIs default to ipv4.
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-ip-address-type.html
        ...(model.api.ipAddressType && { IpAddressType: model.api.ipAddressType }),
      },
    },
  };
  const roles = new SharedRoles(api);
  const links = new SharedVpcLinks(model);
  const diagnostics: Diagnostic[] = [];
  // What a deployment must wait for: the routes, and the responses that make them answer.
  const deployed: string[] = [];
  for (const route of ws.routes) {
    const routeId = `${api}${route.id}Route`;
    deployed.push(routeId);
    const integrationId = `${api}${route.id}Integration`;
    const integration = integrationOf(ws, route, roles, links, diagnostics);
    if (integration) {
      resources[integrationId] = {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: { ApiId: ref(api), ...integration.properties },
      };
      if (integration.nonProxy) {
        // `\$default` is the static value `$default` (a backslash escapes `$` in selection expressions), so it
        // selects the `$default` response template; a non-proxy integration needs the `$default` response.
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html
        const responseId = `${api}${route.id}IntegrationResponse`;
        deployed.push(responseId);
        resources[responseId] = {
          Type: 'AWS::ApiGatewayV2::IntegrationResponse',
          Properties: {
            ApiId: ref(api),
            IntegrationId: ref(integrationId),
            IntegrationResponseKey: '$default',
            ...(route.reply &&
              integration.replyTemplate !== undefined && {
                TemplateSelectionExpression: '\\$default',
                ResponseTemplates: { $default: integration.replyTemplate },
              }),
          },
        };
      }
      Object.assign(resources, integration.resources);
    }
    if (route.model) {
      resources[`${api}${route.model.name}Model`] = {
        Type: 'AWS::ApiGatewayV2::Model',
        Properties: {
          ApiId: ref(api),
          Name: route.model.name,
          ContentType: 'application/json',
          Schema: draft4(route.model.schema, model.version),
        },
      };
    }
    const authorizerId =
      route.auth?.kind === 'authorizer' ? `${api}${pascalCase(route.auth.authorizer.name)}Authorizer` : undefined;
    if (route.auth?.kind === 'authorizer') {
      const authorizer = route.auth.authorizer;
      resources[authorizerId!] = {
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: {
          ApiId: ref(api),
          Name: authorizer.name,
          AuthorizerType: 'REQUEST',
          AuthorizerUri: lambdaInvocationUri(authorizer.function),
          ...(authorizer.role && { AuthorizerCredentialsArn: cfnValue(authorizer.role) }),
          // Without caching a request authorizer may name no identity source; the property is then left out.
          ...(authorizer.identity.length > 0 && { IdentitySource: [...authorizer.identity] }),
        },
      };
      // With a role, API Gateway invokes the function as that role: no resource-based permission.
      // With a role, API Gateway invokes the function as that role: no resource-based permission.
      for (const { fn } of authorizer.role
        ? []
        : invokedFunctions(authorizer.function, authorizer.origin, 'authorizer', [stageScope(ws)], diagnostics))
        resources[`${authorizerId}Permission`] = invokePermission(fn, executeApiArn(api, 'authorizers/*'));
    }
    resources[routeId] = {
      Type: 'AWS::ApiGatewayV2::Route',
      ...(route.model && { DependsOn: [`${api}${route.model.name}Model`] }),
      Properties: {
        ApiId: ref(api),
        RouteKey: route.key,
        AuthorizationType: route.auth?.kind === 'iam' ? 'AWS_IAM' : route.auth ? 'CUSTOM' : 'NONE',
        ...(authorizerId && { AuthorizerId: ref(authorizerId) }),
        ...(route.model && { ModelSelectionExpression: '\\$default', RequestModels: { $default: route.model.name } }),
        ...(route.reply && { RouteResponseSelectionExpression: '$default' }),
        ...(integration && { Target: sub(`integrations/\${${integrationId}}`) }),
      },
    };
    if (route.reply) {
      // Without a route response API Gateway sends the backend's answer nowhere (one-way route).
      deployed.push(`${routeId}Response`);
      resources[`${routeId}Response`] = {
        Type: 'AWS::ApiGatewayV2::RouteResponse',
        Properties: { ApiId: ref(api), RouteId: ref(routeId), RouteResponseKey: '$default' },
      };
    }
  }
  Object.assign(resources, roles.resources(), links.resources());
  const logs = ws.stage.accessLog
    ? accessLogParts(api, ws.stage.accessLog, 'Access log group of the WebSocket stage')
    : undefined;
  Object.assign(resources, logs?.resources);
  const deployment = deploymentId(api, resources);
  resources[deployment] = {
    Type: 'AWS::ApiGatewayV2::Deployment',
    DependsOn: deployed,
    Properties: { ApiId: ref(api), Description: cfnTextWith(ws.name, ' as compiled by gateform') },
  };
  // Logging needs the account's CloudWatch role before the stage: the REST stage creates it when it asks
  // for it (one per account and Region, so never twice); otherwise this stage, when either asks.
  const restEmitted = model.routes.length > 0;
  const restCreates = restEmitted && model.stages.some((stage) => stage.logging?.accountRole === true);
  const asks = ws.stage.accountRole || (!restEmitted && model.stage.logging?.accountRole === true);
  const account = restCreates ? `${model.api.logicalId}Account` : asks ? `${api}Account` : undefined;
  if (!restCreates && asks) Object.assign(resources, accountRole(api));
  // The WebSocket stage presents the REST stage's client certificate, or its own in a document without one.
  const certificate = model.stage.clientCertificate
    ? clientCertificateParts(restEmitted ? model.api.logicalId : api, restEmitted ? model.api.name : ws.name)
    : undefined;
  if (certificate && !restEmitted) Object.assign(resources, certificate.resources);
  resources[stageId] = {
    Type: 'AWS::ApiGatewayV2::Stage',
    ...(account && { DependsOn: [account] }),
    Properties: {
      ApiId: ref(api),
      StageName: cfnText(ws.stage.name),
      DeploymentId: ref(deployment),
      ...stageSettings(ws),
      ...(logs && { AccessLogSettings: logs.setting }),
      ...(certificate && { ClientCertificateId: ref(certificate.id) }),
    },
  };
  // The stage's name, not a reference to the Stage: a backend that attaches the policy (a function the
  // routes integrate) would otherwise depend on the stage, which depends on it through the deployment.
  const policyId = `${api}ManageConnectionsPolicy`;
  resources[policyId] = {
    Type: 'AWS::IAM::ManagedPolicy',
    Properties: {
      Description: joinSub(['Lets a backend post to, read and close the connections of ', toAwsValue(ws.name)!]),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['execute-api:ManageConnections'],
            Resource: [sub(executeApiArn(api, `${subTemplate(ws.stage.name)}/*/@connections/*`))],
          },
        ],
      },
    },
  };
  return {
    resources,
    diagnostics,
    outputs: {
      [`${api}Url`]: {
        Description: 'WebSocket URL clients connect to',
        Value: sub(`wss://\${${api}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${${stageId}}`),
      },
      [`${api}CallbackUrl`]: {
        Description: 'Endpoint of the @connections API (POST to /{connectionId} to send)',
        Value: sub(`https://\${${api}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${${stageId}}/@connections`),
      },
      [`${api}ManageConnectionsPolicyArn`]: {
        Description: 'Managed policy a backend attaches to reach the connections',
        Value: ref(policyId),
      },
      ...logs?.outputs,
      ...(!restEmitted && certificate?.outputs),
    },
  };
}

interface WsIntegration {
  readonly properties: Record<string, Json>;
  readonly nonProxy: boolean;
  /** The answer's template, for a route that replies (a mock's body). */
  readonly replyTemplate?: Json;
  readonly resources?: Record<string, CfnResource>;
}

/** Timeouts are the route's effective ones: the model caps them at the WebSocket quota. */
function integrationOf(
  ws: WebSocketApi,
  route: WebSocketRoute,
  roles: SharedRoles,
  links: SharedVpcLinks,
  diagnostics: Diagnostic[],
): WsIntegration | undefined {
  if (ws.connections && (route.key === '$connect' || route.key === '$disconnect'))
    return connectionIntegration(ws, route.key, roles);
  const integration = route.integration;
  if (!integration) return undefined;
  switch (integration.kind) {
    case 'lambda': {
      // With an invoke role API Gateway calls the function as that role: no resource-based permission.
      const [permitted] = integration.role
        ? []
        : invokedFunctions(integration.function, integration.origin, 'route', [stageScope(ws)], diagnostics);
      return {
        properties: {
          IntegrationType: 'AWS_PROXY',
          IntegrationUri: lambdaInvocationUri(integration.function),
          ...(integration.role && { CredentialsArn: cfnValue(integration.role) }),
          TimeoutInMillis: integration.timeout,
        },
        nonProxy: false,
        ...(permitted && {
          resources: {
            [`${ws.logicalId}${route.id}Permission`]: invokePermission(
              permitted.fn,
              executeApiArn(
                ws.logicalId,
                `${permitted.scope ? subTemplate(ws.stage.name) : '*'}/${escapeSub(route.key)}`,
              ),
            ),
          },
        }),
      };
    }
    case 'http':
      return {
        properties: {
          IntegrationType: 'HTTP_PROXY',
          IntegrationMethod: 'POST',
          IntegrationUri: cfnValue(integration.url),
          // WebSocket APIs reach a private backend through a VPC link of REST APIs (to a Network Load Balancer).
          ...(integration.vpcLink && {
            ConnectionType: 'VPC_LINK',
            ConnectionId: links.connectionIdFor(integration.vpcLink),
          }),
          TimeoutInMillis: integration.timeout,
        },
        nonProxy: false,
      };
    case 'mock':
      return {
        properties: {
          IntegrationType: 'MOCK',
          TemplateSelectionExpression: '\\$default',
          RequestTemplates: { $default: mockRequestTemplate(integration.status) },
        },
        nonProxy: true,
        ...(integration.body !== undefined && { replyTemplate: mockBodyTemplate(integration.body) }),
      };
    case 'raw':
      return undefined;
    default: {
      // The REST service module renders it; its parts are the same on a WebSocket integration.
      const output = renderServiceKind({ responses: [] }, integration);
      const rest = output.integration as Record<string, Json>;
      const templates = rest['requestTemplates'] as Record<string, Json> | undefined;
      return {
        properties: {
          IntegrationType: 'AWS',
          IntegrationMethod: rest['httpMethod'] as string,
          IntegrationUri: rest['uri'] as Json,
          CredentialsArn: roles.credentialsFor(output.role!),
          ...(rest['requestParameters'] !== undefined && { RequestParameters: rest['requestParameters'] }),
          ...(templates && {
            TemplateSelectionExpression: '\\$default',
            RequestTemplates: { $default: templates['application/json']! },
          }),
          PassthroughBehavior: 'NEVER',
          TimeoutInMillis: integration.timeout,
        },
        nonProxy: true,
      };
    }
  }
}

/** `$connect` stores the connection id (and chosen attributes, and an expiry) in DynamoDB; `$disconnect` deletes it. */
function connectionIntegration(ws: WebSocketApi, key: '$connect' | '$disconnect', roles: SharedRoles): WsIntegration {
  const { table, tableForm, ttl, attributes } = ws.connections!;
  const tableName = nameOf(table, tableForm, '/', 1);
  const connect = key === '$connect';
  const values = attributes.map((a, i) => ({ name: a.name, value: templateValue(a.value, `$attribute${i}`) }));
  const items = [
    '"connectionId": {"S": "$context.connectionId"}',
    ...values.map(({ name, value }) => `"${jsonLiteral(name)}": {"S": "${value.json}"}`),
    ...(ttl !== undefined ? [`"expiresAt": {"N": "$expiresAt"}`] : []),
  ];
  const template: CfnString = connect
    ? joinSub([
        ...values.map(({ value }) => value.set),
        ttl !== undefined ? `#set($expiresAt = $context.requestTimeEpoch / 1000 + ${ttl})` : '',
        '{"TableName": "',
        tableName,
        `", "Item": {${items.join(', ')}}}`,
      ])
    : joinSub(['{"TableName": "', tableName, '", "Key": {"connectionId": {"S": "$context.connectionId"}}}']);
  const tableArn = arnOf(table, tableForm, 'dynamodb', 'table/');
  const action = connect ? 'PutItem' : 'DeleteItem';
  return {
    properties: {
      IntegrationType: 'AWS',
      IntegrationMethod: 'POST',
      IntegrationUri: sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:dynamodb:action/${action}`),
      CredentialsArn: roles.credentialsFor({
        service: 'dynamodb',
        name: 'Connections',
        target: 'connections',
        statements: [{ Effect: 'Allow', Action: [`dynamodb:${action}`], Resource: [tableArn] }],
      }),
      TemplateSelectionExpression: '\\$default',
      RequestTemplates: { $default: template },
      PassthroughBehavior: 'NEVER',
    },
    nonProxy: true,
  };
}

/** A message schema as a draft-4 model, converted as the REST Body's schemas are. */
function draft4(schema: Json, version: GatewayModel['version']): Json {
  const body: JsonObject = { components: { schemas: { Message: structuredClone(schema) } } };
  toGatewayModels(body, version);
  const converted = (body['components'] as { schemas: Record<string, Json> }).schemas['Message'] as Record<
    string,
    Json
  >;
  return { $schema: 'http://json-schema.org/draft-04/schema#', ...converted };
}

/** The WebSocket API's one stage, as a function chosen by a stage variable sees it. */
function stageScope(ws: WebSocketApi): StageScope {
  return { label: '', name: ws.stage.name, variables: ws.stage.variables };
}

function stageSettings(ws: WebSocketApi): Record<string, Json> {
  const settings: Record<string, Json> = {};
  if (ws.stage.logging) settings['LoggingLevel'] = ws.stage.logging;
  if (ws.stage.dataTrace) settings['DataTraceEnabled'] = true;
  if (ws.stage.metrics) settings['DetailedMetricsEnabled'] = true;
  if (ws.stage.throttle) {
    settings['ThrottlingRateLimit'] = cfnNumber(ws.stage.throttle.rate);
    settings['ThrottlingBurstLimit'] = cfnNumber(ws.stage.throttle.burst);
  }
  const variables = stageVariables(ws.stage.variables);
  return {
    ...(Object.keys(settings).length > 0 && { DefaultRouteSettings: settings }),
    ...(variables && { StageVariables: variables }),
  };
}
