/**
 * Every rule, with documents it accepts and documents it reports, asserting the message id and the
 * exact JSON pointer. A last test checks that every rule has docs, a test here, and a preset severity.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { loadText } from '../../src/load/load-document.js';
import { buildModel, usesXGateway } from '../../src/model/build-model.js';
import { GATEWAY_RULE_CASES } from './gateway-rule-cases.js';

const HEAD = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\n';
/** An HTTP API document's root: the import-export version only HTTP API exports write. */
const HTTP_API = 'x-amazon-apigateway-importexport-version: "1.0"\n';
const HTTP_LAMBDA =
  'x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, payloadFormatVersion: "2.0", uri: "arn:aws:lambda:eu-west-1:123456789012:function:f" }';
const LAMBDA = `x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:f/invocations" }`;

/** A document with one GET /a operation carrying `operation` (YAML lines, indented for it). */
function op(operation: string, root = ''): string {
  return `${HEAD}${root}paths:\n  /a:\n    get:\n      responses: { "200": { description: ok } }\n${operation
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n')}\n`;
}

async function findings(ruleId: string, text: string): Promise<{ messageId?: string; pointer?: string }[]> {
  const { loaded } = await loadText('t.yaml', text);
  if (!loaded) throw new Error('the test document does not load');
  const model = usesXGateway(loaded.document) ? buildModel(loaded, { trustReferences: true }).model : undefined;
  const rule = RULES.find((r) => r.meta.id === ruleId)!;
  return lintDocument(loaded, model, { preset: 'all', rules: {}, ignores: [], root: '.' }, [rule]).map((d) => ({
    messageId: d.messageId,
    pointer: d.location?.pointer,
  }));
}

interface Invalid {
  readonly text: string;
  readonly messageId: string;
  readonly pointer: string;
}

const CASES: Readonly<Record<string, { valid: readonly string[]; invalid: readonly Invalid[] }>> = {
  'path-sibling-variables': {
    valid: [`${HEAD}paths:\n  /pets/{id}: {}\n  /pets/{id}/toys: {}\n`],
    invalid: [
      {
        text: `${HEAD}paths:\n  /pets/{id}: {}\n  /pets/{petId}/toys: {}\n`,
        messageId: 'conflict',
        pointer: '/paths/~1pets~1{petId}~1toys',
      },
    ],
  },
  'path-greedy-not-last': {
    valid: [`${HEAD}paths:\n  /files/{proxy+}: {}\n`],
    invalid: [
      {
        text: `${HEAD}paths:\n  /files/{proxy+}/meta: {}\n`,
        messageId: 'notLast',
        pointer: '/paths/~1files~1{proxy+}~1meta',
      },
    ],
  },
  'path-invalid-characters': {
    valid: [`${HEAD}paths:\n  /a_b-c.d,e:f/{id}: {}\n`],
    invalid: [
      { text: `${HEAD}paths:\n  /a b: {}\n`, messageId: 'character', pointer: '/paths/~1a b' },
      { text: `${HEAD}paths:\n  /file{id}: {}\n`, messageId: 'partial', pointer: '/paths/~1file{id}' },
      { text: `${HEAD}paths:\n  /a/: {}\n`, messageId: 'trailing', pointer: '/paths/~1a~1' },
    ],
  },
  'path-param-undeclared': {
    valid: [
      `${HEAD}paths:\n  /a/{id}:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n    get: { responses: { "200": { description: ok } } }\n`,
    ],
    invalid: [
      {
        text: `${HEAD}paths:\n  /a/{id}:\n    get: { responses: { "200": { description: ok } } }\n`,
        messageId: 'undeclared',
        pointer: '/paths/~1a~1{id}/get',
      },
    ],
  },
  'path-param-unused': {
    valid: [op('parameters: [{ name: q, in: query, schema: { type: string } }]')],
    invalid: [
      {
        text: op('parameters: [{ name: id, in: path, required: true, schema: { type: string } }]'),
        messageId: 'unused',
        pointer: '/paths/~1a/get/parameters/0',
      },
    ],
  },
  'path-param-not-required': {
    valid: [
      `${HEAD}paths:\n  /a/{id}:\n    get:\n      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n      responses: { "200": { description: ok } }\n`,
    ],
    invalid: [
      {
        text: `${HEAD}paths:\n  /a/{id}:\n    parameters: [{ $ref: "#/components/parameters/Id" }]\n    get: { responses: { "200": { description: ok } } }\ncomponents:\n  parameters:\n    Id: { name: id, in: path, required: false, schema: { type: string } }\n`,
        messageId: 'notRequired',
        pointer: '/paths/~1a~1{id}/parameters/0',
      },
    ],
  },
  'operation-id-unique': {
    valid: [op('operationId: one')],
    invalid: [
      {
        text: `${HEAD}paths:\n  /a:\n    get: { operationId: x, responses: { "200": { description: ok } } }\n    post: { operationId: x, responses: { "200": { description: ok } } }\n`,
        messageId: 'duplicate',
        pointer: '/paths/~1a/post/operationId',
      },
    ],
  },
  'integration-missing': {
    valid: [
      op(LAMBDA),
      op(
        'x-amazon-apigateway-integration: { type: aws_proxy, integrationSubtype: SQS-SendMessage, payloadFormatVersion: "1.0", requestParameters: { QueueUrl: q, MessageBody: $request.body } }',
      ),
    ],
    invalid: [{ text: op(''), messageId: 'missing', pointer: '/paths/~1a/get' }],
  },
  'extension-schema': {
    valid: [
      op(
        `${LAMBDA}\nx-internal-owner: team-a`,
        'x-amazon-apigateway-api-key-source: HEADER\nx-amazon-apigateway-binary-media-types: [image/png]\nx-amazon-apigateway-documentation: { version: "1", documentationParts: [ { location: { type: API }, properties: { description: d } } ] }\nx-amazon-apigateway-security-policy: SecurityPolicy_TLS13_1_3_2025_09\nx-amazon-apigateway-endpoint-access-mode: STRICT\n',
      ),
      op(
        `x-amazon-apigateway-integration: { type: !Ref T, httpMethod: "\${method}", uri: !Sub "https://\${Host}/a", timeoutInMillis: !Ref Timeout, cacheKeyParameters: !Ref Keys, connectionType: "\${conn}", passthroughBehavior: "\${pt}", contentHandling: !Ref CH }`,
        'x-amazon-apigateway-binary-media-types: !Ref Types\nx-amazon-apigateway-minimum-compression-size: "${min}"\nservers: [ { url: "https://x", x-amazon-apigateway-endpoint-configuration: { vpcEndpointIds: !Ref Vpces, disableExecuteApiEndpoint: "${disable}" } } ]\n',
      ),
      op(
        `x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "https://b.example.com", timeoutInMillis: "%{ if long }60000%{ else }29000%{ endif }", connectionType: "%{ if private }VPC_LINK%{ endif }" }`,
        'components: { securitySchemes: { t: { type: apiKey, name: A, in: header, x-amazon-apigateway-authorizer: { type: "${authorizer_type}", authorizerResultTtlInSeconds: !Ref Ttl } } } }\n',
      ),
    ],
    invalid: [
      {
        text: op('x-amazon-apigateway-integration: { type: mock, passthroughBehaviour: never }'),
        messageId: 'unknownKey',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/passthroughBehaviour',
      },
      {
        text: op(LAMBDA, 'x-amazon-apigateway-api-key-source: header\n'),
        messageId: 'invalid',
        pointer: '/x-amazon-apigateway-api-key-source',
      },
      {
        text: op(
          LAMBDA,
          'servers: [ { url: "https://x", x-amazon-apigateway-endpoint-configuration: { types: [REGIONAL] } } ]\n',
        ),
        messageId: 'endpointType',
        pointer: '/servers/0/x-amazon-apigateway-endpoint-configuration/types',
      },
      {
        text: op('x-amazon-apigateway-integration: { type: mock, timeoutInMillis: soon, connectionType: internet }'),
        messageId: 'invalid',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/timeoutInMillis',
      },
      {
        text: op('x-amazon-apigateway-integration: { type: mock, timeoutInMillis: soon, connectionType: internet }'),
        messageId: 'invalid',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/connectionType',
      },
      {
        text: op('x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: 200x } } }'),
        messageId: 'invalid',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/responses/default/statusCode',
      },
      {
        text: `${HEAD}paths: {}\ncomponents: { securitySchemes: { t: { type: apiKey, name: A, in: header, x-amazon-apigateway-authorizer: { type: token, authorizerUrl: x } } } }\n`,
        messageId: 'unknownKey',
        pointer: '/components/securitySchemes/t/x-amazon-apigateway-authorizer/authorizerUrl',
      },
      {
        text: op(`${LAMBDA}\nx-amazon-apigatway-auth: { type: AWS_IAM }`),
        messageId: 'unknownExtension',
        pointer: '/paths/~1a/get/x-amazon-apigatway-auth',
      },
      {
        text: op(`${LAMBDA}\nx-amazon-apigateway-request-validater: body`),
        messageId: 'unknownExtension',
        pointer: '/paths/~1a/get/x-amazon-apigateway-request-validater',
      },
      {
        text: op(LAMBDA, 'x-amazon-apigateway-binary-media-type: [image/png]\n'),
        messageId: 'unknownExtension',
        pointer: '/x-amazon-apigateway-binary-media-type',
      },
      {
        text: op(LAMBDA, 'x-amazon-apigateway-gateway-response: { DEFAULT_4XX: { statusCode: "400" } }\n'),
        messageId: 'unknownExtension',
        pointer: '/x-amazon-apigateway-gateway-response',
      },
      {
        text: `${HEAD}paths: {}\ncomponents: { securitySchemes: { t: { type: apiKey, name: A, in: header, x-amazon-apigateway-authoriser: { type: token } } } }\n`,
        messageId: 'unknownExtension',
        pointer: '/components/securitySchemes/t/x-amazon-apigateway-authoriser',
      },
      {
        text: `${HEAD}paths:\n  /a:\n    x-amazon-apigateway-integration: { type: mock }\n`,
        messageId: 'misplaced',
        pointer: '/paths/~1a/x-amazon-apigateway-integration',
      },
    ],
  },
  'integration-type': {
    valid: [
      op('x-amazon-apigateway-integration: { type: "${integration_type}" }'),
      op('x-amazon-apigateway-integration: { type: !Ref IntegrationType }'),
      op('x-amazon-apigateway-integration: { type: MOCK }'),
    ],
    invalid: [
      {
        text: op('x-amazon-apigateway-integration: { type: lambda }'),
        messageId: 'invalid',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/type',
      },
      {
        text: op('x-amazon-apigateway-integration: { uri: "https://x" }'),
        messageId: 'missing',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration',
      },
    ],
  },
  'integration-http-method': {
    valid: [
      op(
        'x-amazon-apigateway-integration: { type: http_proxy, httpMethod: "${method}", uri: "https://b.example.com" }',
      ),
      op(LAMBDA),
      op('x-amazon-apigateway-integration: { type: mock }'),
    ],
    invalid: [
      {
        text: op('x-amazon-apigateway-integration: { type: http_proxy, uri: "https://b.example.com" }'),
        messageId: 'missing',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration',
      },
      {
        text: op('x-amazon-apigateway-integration: { type: http, httpMethod: FETCH, uri: "https://b.example.com" }'),
        messageId: 'invalid',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/httpMethod',
      },
      {
        text: op(LAMBDA.replace('POST', 'GET')),
        messageId: 'lambdaPost',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/httpMethod',
      },
    ],
  },
  'integration-uri': {
    valid: [
      op(LAMBDA),
      // A function ARN is lambda-invocation-uri's finding, reported once, there.
      op(
        'x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: "arn:aws:lambda:eu-west-1:1:function:f" }',
      ),
      op('x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "https://b.example.com:8443/x" }'),
      op(
        'x-amazon-apigateway-integration: { type: aws, httpMethod: POST, uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/x" }',
      ),
    ],
    invalid: [
      {
        text: op('x-amazon-apigateway-integration: { type: http, httpMethod: GET }'),
        messageId: 'missing',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration',
      },
      {
        text: op('x-amazon-apigateway-integration: { type: http, httpMethod: GET, uri: "backend/x" }'),
        messageId: 'http',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/uri',
      },
      {
        text: op('x-amazon-apigateway-integration: { type: http, httpMethod: GET, uri: "https://b.example.com:22/x" }'),
        messageId: 'port',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/uri',
      },
      {
        text: op('x-amazon-apigateway-integration: { type: aws, httpMethod: POST, uri: "arn:aws:sqs:eu-west-1:1:q" }'),
        messageId: 'aws',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/uri',
      },
    ],
  },
  'integration-passthrough': {
    valid: [
      op('x-amazon-apigateway-integration: { type: mock, passthroughBehavior: "${pt}" }'),
      op(
        'x-amazon-apigateway-integration: { type: mock, passthroughBehavior: "%{ if strict }never%{ else }when_no_match%{ endif }" }',
      ),
      op('x-amazon-apigateway-integration: { type: mock, passthroughBehavior: WHEN_NO_MATCH }'),
    ],
    invalid: [
      {
        text: op('x-amazon-apigateway-integration: { type: mock, passthroughBehavior: always }'),
        messageId: 'invalid',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/passthroughBehavior',
      },
    ],
  },
  'integration-content-handling': {
    valid: [
      op(
        'x-amazon-apigateway-integration: { type: mock, contentHandling: !Ref CH, responses: { default: { statusCode: "200", contentHandling: "${ch}" } } }',
      ),
      op('x-amazon-apigateway-integration: { type: mock, contentHandling: CONVERT_TO_TEXT }'),
    ],
    invalid: [
      {
        text: op(
          'x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200", contentHandling: BINARY } } }',
        ),
        messageId: 'invalid',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/responses/default/contentHandling',
      },
    ],
  },
  'integration-timeout': {
    valid: [
      op('x-amazon-apigateway-integration: { type: mock, timeoutInMillis: 29000 }'),
      op('x-amazon-apigateway-integration: { type: mock, timeoutInMillis: 60000 }'),
      op(
        'x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "https://b.example.com", responseTransferMode: STREAM, timeoutInMillis: 900000 }',
        'x-gateway: { api: { endpoint: edge } }\n',
      ),
    ],
    invalid: [
      {
        text: op('x-amazon-apigateway-integration: { type: mock, timeoutInMillis: 10 }'),
        messageId: 'tooShort',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/timeoutInMillis',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: mock, timeoutInMillis: 60000 }',
          'x-gateway: { api: { endpoint: edge } }\n',
        ),
        messageId: 'tooLong',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/timeoutInMillis',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "https://b.example.com", responseTransferMode: STREAM, timeoutInMillis: 1000000 }',
        ),
        messageId: 'streamTooLong',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/timeoutInMillis',
      },
    ],
  },
  'integration-timeout-needs-quota': {
    valid: [
      op('x-amazon-apigateway-integration: { type: mock, timeoutInMillis: 29000 }'),
      op(
        'x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "https://b.example.com", responseTransferMode: STREAM, timeoutInMillis: 900000 }',
        'x-gateway: { api: { endpoint: edge } }\n',
      ),
    ],
    invalid: [
      {
        text: op('x-amazon-apigateway-integration: { type: mock, timeoutInMillis: 60000 }'),
        messageId: 'quota',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/timeoutInMillis',
      },
    ],
  },
  'lambda-invocation-uri': {
    valid: [op(LAMBDA)],
    invalid: [
      {
        text: op(
          'x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: "arn:aws:lambda:eu-west-1:123456789012:function:f" }',
        ),
        messageId: 'functionArn',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/uri',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: "arn:aws:apigateway:eu-west-1:lambda:path/functions/f" }',
        ),
        messageId: 'malformed',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/uri',
      },
      {
        text: `${HEAD}paths: {}\ncomponents: { securitySchemes: { t: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: { type: token, authorizerUri: "arn:aws:lambda:us-east-1:123456789012:function:auth" } } } }\n`,
        messageId: 'functionArn',
        pointer: '/components/securitySchemes/t/x-amazon-apigateway-authorizer/authorizerUri',
      },
    ],
  },
  'http-backend-insecure': {
    valid: [op('x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "https://b.example.com" }')],
    invalid: [
      {
        text: op('x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "http://b.example.com" }'),
        messageId: 'http',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/uri',
      },
      {
        text: op('x-gateway: { integration: { http: "http://b.example.com" } }'),
        messageId: 'http',
        pointer: '/paths/~1a/get',
      },
    ],
  },
  'http-api-extensions': {
    valid: [
      op(LAMBDA),
      op(
        LAMBDA,
        'components: { securitySchemes: { t: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: { type: token } } } }\n',
      ),
    ],
    invalid: [
      {
        text: op(LAMBDA, 'x-amazon-apigateway-cors: { allowOrigins: ["*"] }\n'),
        messageId: 'httpOnly',
        pointer: '/x-amazon-apigateway-cors',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, payloadFormatVersion: "2.0", uri: "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/f/invocations" }',
        ),
        messageId: 'httpOnly',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/payloadFormatVersion',
      },
      {
        text: op(
          LAMBDA,
          'components: { securitySchemes: { t: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: { type: request, enableSimpleResponses: true } } } }\n',
        ),
        messageId: 'httpOnly',
        pointer: '/components/securitySchemes/t/x-amazon-apigateway-authorizer/enableSimpleResponses',
      },
      {
        text: op(
          LAMBDA,
          'components: { securitySchemes: { t: { type: oauth2, flows: {}, x-amazon-apigateway-authorizer: { type: jwt } } } }\n',
        ),
        messageId: 'httpOnly',
        pointer: '/components/securitySchemes/t/x-amazon-apigateway-authorizer/type',
      },
      {
        text: op(
          'x-gateway: { integration: { lambda: "arn:aws:lambda:eu-west-1:123456789012:function:f" } }',
          'x-amazon-apigateway-cors: { allowOrigins: ["*"] }\nx-amazon-apigateway-importexport-version: "1.0"\n',
        ),
        messageId: 'httpOnly',
        pointer: '/x-amazon-apigateway-cors',
      },
    ],
  },
  'rest-api-extensions': {
    valid: [
      op(HTTP_LAMBDA, HTTP_API),
      op(LAMBDA, 'x-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [] }\n'),
    ],
    invalid: [
      {
        text: op(HTTP_LAMBDA, `${HTTP_API}x-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [] }\n`),
        messageId: 'restOnly',
        pointer: '/x-amazon-apigateway-policy',
      },
      {
        text: op(`${HTTP_LAMBDA}\nx-amazon-apigateway-request-validator: all`, HTTP_API),
        messageId: 'restOnly',
        pointer: '/paths/~1a/get/x-amazon-apigateway-request-validator',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, payloadFormatVersion: "1.0", uri: "https://b.example.com", passthroughBehavior: when_no_match }',
          HTTP_API,
        ),
        messageId: 'restOnly',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/passthroughBehavior',
      },
      {
        text: op(
          'x-gateway: { integration: { lambda: "arn:aws:lambda:eu-west-1:123456789012:function:f" } }\nx-amazon-apigateway-integration: { type: mock }',
          'x-gateway: { api: { type: http } }\n',
        ),
        messageId: 'integrationType',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/type',
      },
      {
        text: op(
          HTTP_LAMBDA,
          `${HTTP_API}components: { securitySchemes: { t: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: { type: token } } } }\n`,
        ),
        messageId: 'authorizerType',
        pointer: '/components/securitySchemes/t/x-amazon-apigateway-authorizer/type',
      },
    ],
  },
  'http-integration-subtype': {
    valid: [
      op(
        'x-amazon-apigateway-integration: { type: aws_proxy, integrationSubtype: SQS-SendMessage, payloadFormatVersion: "1.0", credentials: "arn:aws:iam::123456789012:role/r", requestParameters: { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/q", MessageBody: $request.body } }',
        HTTP_API,
      ),
    ],
    invalid: [
      {
        text: op(
          'x-amazon-apigateway-integration: { type: aws_proxy, integrationSubtype: SQS-SendMessage, payloadFormatVersion: "1.0", credentials: "arn:aws:iam::123456789012:role/r", requestParameters: { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/q" } }',
          HTTP_API,
        ),
        messageId: 'missing',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/requestParameters',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: aws_proxy, integrationSubtype: SQS-SendMessage, payloadFormatVersion: "1.0", credentials: "arn:aws:iam::123456789012:role/r", requestParameters: { QueueUrl: q, MessageBody: $request.body, Subject: s } }',
          HTTP_API,
        ),
        messageId: 'unexpected',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/requestParameters/Subject',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: aws_proxy, integrationSubtype: SNS-Publish, payloadFormatVersion: "1.0" }',
          HTTP_API,
        ),
        messageId: 'unknown',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/integrationSubtype',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: aws_proxy, integrationSubtype: SQS-PurgeQueue, payloadFormatVersion: "1.0", requestParameters: { QueueUrl: q } }',
          HTTP_API,
        ),
        messageId: 'credentials',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration',
      },
    ],
  },
  'http-payload-format': {
    valid: [
      op(HTTP_LAMBDA, HTTP_API),
      op(
        'x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, payloadFormatVersion: "1.0", uri: "https://b.example.com" }',
        HTTP_API,
      ),
    ],
    invalid: [
      {
        text: op(
          'x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "https://b.example.com" }',
          HTTP_API,
        ),
        messageId: 'missing',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, payloadFormatVersion: "2.0", uri: "https://b.example.com" }',
          HTTP_API,
        ),
        messageId: 'notLambda',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/payloadFormatVersion',
      },
      {
        text: op(
          'x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, payloadFormatVersion: 2, uri: "arn:aws:lambda:eu-west-1:123456789012:function:f" }',
          HTTP_API,
        ),
        messageId: 'invalid',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/payloadFormatVersion',
      },
    ],
  },
  'jwt-authorizer-audience': {
    valid: [
      op(
        HTTP_LAMBDA,
        `${HTTP_API}components: { securitySchemes: { j: { type: oauth2, flows: {}, x-amazon-apigateway-authorizer: { type: jwt, identitySource: $request.header.Authorization, jwtConfiguration: { issuer: "https://issuer.example.com", audience: [api] } } } } }\n`,
      ),
    ],
    invalid: [
      {
        text: op(
          HTTP_LAMBDA,
          `${HTTP_API}components: { securitySchemes: { j: { type: oauth2, flows: {}, x-amazon-apigateway-authorizer: { type: jwt, identitySource: $request.header.Authorization, jwtConfiguration: { issuer: "https://issuer.example.com" } } } } }\n`,
        ),
        messageId: 'audience',
        pointer: '/components/securitySchemes/j/x-amazon-apigateway-authorizer/jwtConfiguration',
      },
      {
        text: op(
          HTTP_LAMBDA,
          `${HTTP_API}components: { securitySchemes: { j: { type: oauth2, flows: {}, x-amazon-apigateway-authorizer: { type: jwt, identitySource: $request.header.Authorization, jwtConfiguration: { audience: [api] } } } } }\n`,
        ),
        messageId: 'issuer',
        pointer: '/components/securitySchemes/j/x-amazon-apigateway-authorizer/jwtConfiguration',
      },
    ],
  },
  'request-validator-unknown': {
    valid: [
      op(
        'x-amazon-apigateway-request-validator: all',
        'x-amazon-apigateway-request-validators: { all: { validateRequestBody: true, validateRequestParameters: true } }\n',
      ),
    ],
    invalid: [
      {
        text: op('x-amazon-apigateway-request-validator: body'),
        messageId: 'unknown',
        pointer: '/paths/~1a/get/x-amazon-apigateway-request-validator',
      },
    ],
  },
  'request-body-no-schema': {
    valid: [
      `${HEAD}x-amazon-apigateway-request-validators: { b: { validateRequestBody: true } }\npaths:\n  /a:\n    post:\n      x-amazon-apigateway-request-validator: b\n      requestBody: { content: { application/json: { schema: { type: object } } } }\n      responses: { "200": { description: ok } }\n`,
    ],
    invalid: [
      {
        text: `${HEAD}x-amazon-apigateway-request-validators: { b: { validateRequestBody: true } }\npaths:\n  /a:\n    post:\n      x-amazon-apigateway-request-validator: b\n      requestBody: { content: { text/plain: {} } }\n      responses: { "200": { description: ok } }\n`,
        messageId: 'noSchema',
        pointer: '/paths/~1a/post/requestBody/content/text~1plain',
      },
    ],
  },
  'request-model-keywords': {
    valid: [
      `${HEAD}x-amazon-apigateway-request-validators: { b: { validateRequestBody: true } }\npaths:\n  /a:\n    post:\n      x-amazon-apigateway-request-validator: b\n      requestBody: { content: { application/json: { schema: { type: object, properties: { n: { type: integer, minimum: 1 } } } } } }\n      responses: { "200": { description: ok } }\n`,
    ],
    invalid: [
      {
        text: `${HEAD}x-amazon-apigateway-request-validators: { b: { validateRequestBody: true } }\npaths:\n  /a:\n    post:\n      x-amazon-apigateway-request-validator: b\n      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/P" } } } }\n      responses: { "200": { description: ok } }\ncomponents:\n  schemas:\n    P: { type: object, properties: { id: { type: string, readOnly: true } } }\n`,
        messageId: 'ignored',
        pointer: '/components/schemas/P/properties/id/readOnly',
      },
      {
        text: `${HEAD}x-amazon-apigateway-request-validators: { b: { validateRequestBody: true } }\npaths:\n  /a:\n    post:\n      x-amazon-apigateway-request-validator: b\n      requestBody: { content: { application/json: { schema: { type: number, minimum: 0, exclusiveMinimum: true } } } }\n      responses: { "200": { description: ok } }\n`,
        messageId: 'ignored',
        pointer: '/paths/~1a/post/requestBody/content/application~1json/schema/exclusiveMinimum',
      },
    ],
  },
  'model-name': {
    valid: [`${HEAD}paths: {}\ncomponents: { schemas: { Pet2: { type: object } } }\n`],
    invalid: [
      {
        text: `${HEAD}paths: {}\ncomponents: { schemas: { pet-input: { type: object } } }\n`,
        messageId: 'invalid',
        pointer: '/components/schemas/pet-input',
      },
    ],
  },
  'authorizer-unknown': {
    valid: [
      op(
        'security: [ { k: [] } ]',
        'components: { securitySchemes: { k: { type: apiKey, name: x-api-key, in: header } } }\n',
      ),
    ],
    invalid: [
      { text: op('security: [ { users: [] } ]'), messageId: 'unknown', pointer: '/paths/~1a/get/security/0/users' },
      {
        text: op(
          'security: [ { users: [] } ]',
          'securityDefinitions: { users: { type: apiKey, name: Authorization, in: header } }\n',
        ),
        messageId: 'swagger2',
        pointer: '/paths/~1a/get/security/0/users',
      },
      {
        text: op(
          'security: [ { users: [] } ]\nx-gateway: { integration: { mock: {} } }',
          'x-gateway: { authorizers: { users: { type: cognito, userPools: [arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc] } } }\n',
        ),
        messageId: 'xGateway',
        pointer: '/paths/~1a/get/security/0/users',
      },
    ],
  },
  'authorizer-ttl': {
    valid: [
      `${HEAD}paths: {}\ncomponents: { securitySchemes: { t: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: { type: token, authorizerResultTtlInSeconds: 0 } } } }\n`,
    ],
    invalid: [
      {
        text: `${HEAD}paths: {}\ncomponents: { securitySchemes: { t: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: { type: token, authorizerResultTtlInSeconds: 7200 } } } }\n`,
        messageId: 'range',
        pointer: '/components/securitySchemes/t/x-amazon-apigateway-authorizer/authorizerResultTtlInSeconds',
      },
    ],
  },
  'operation-no-auth': {
    valid: [
      op('x-amazon-apigateway-auth: { type: AWS_IAM }'),
      op('x-gateway: { auth: iam, integration: { mock: {} } }'),
    ],
    invalid: [{ text: op(LAMBDA), messageId: 'none', pointer: '/paths/~1a/get' }],
  },
  'api-key-only-protection': {
    valid: [
      op(
        'security: [ { t: [], k: [] } ]',
        'components: { securitySchemes: { k: { type: apiKey, name: x-api-key, in: header }, t: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: { type: token } } } }\n',
      ),
    ],
    invalid: [
      {
        text: op(
          'security: [ { k: [] } ]',
          'components: { securitySchemes: { k: { type: apiKey, name: x-api-key, in: header } } }\n',
        ),
        messageId: 'keyOnly',
        pointer: '/paths/~1a/get',
      },
      {
        text: op('x-gateway: { apiKey: true, integration: { mock: {} } }'),
        messageId: 'keyOnly',
        pointer: '/paths/~1a/get',
      },
    ],
  },
  'security-root-ignored': {
    valid: [op('security: [ { k: [] } ]')],
    invalid: [{ text: op('', 'security: [ { k: [] } ]\n'), messageId: 'ignored', pointer: '/security' }],
  },
  'policy-principal-star': {
    valid: [
      op(
        '',
        'x-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*" }, { Effect: Deny, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*", Condition: { NotIpAddress: { aws:SourceIp: ["203.0.113.0/24"] } } } ] }\n',
      ),
      op(
        '',
        'x-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*", Condition: { IpAddress: { aws:SourceIp: "10.0.0.0/8" } } } ] }\n',
      ),
      op(
        '',
        'x-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*" }, { Effect: Deny, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*", Condition: { IpAddress: { aws:SourceIp: ["203.0.113.0/24"] } } } ] }\n',
      ),
    ],
    invalid: [
      {
        text: op(
          '',
          'x-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*" } ] }\n',
        ),
        messageId: 'open',
        pointer: '/x-amazon-apigateway-policy/Statement/0',
      },
      {
        text: op(
          '',
          'x-amazon-apigateway-policy: { Version: "2012-10-17", Statement: { Effect: Allow, Principal: { AWS: ["*"] }, Action: execute-api:Invoke, Resource: "execute-api:/*" } }\n',
        ),
        messageId: 'open',
        pointer: '/x-amazon-apigateway-policy/Statement',
      },
      {
        text: op(
          '',
          'x-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [ { Effect: Deny, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/admin" }, { Effect: Allow, Principal: { AWS: "*" }, Action: execute-api:Invoke, Resource: "execute-api:/*" } ] }\n',
        ),
        messageId: 'open',
        pointer: '/x-amazon-apigateway-policy/Statement/1',
      },
    ],
  },
  'private-api-without-policy': {
    valid: [
      op(
        '',
        'servers: [ { url: "https://x", x-amazon-apigateway-endpoint-configuration: { vpcEndpointIds: [vpce-1] } } ]\nx-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*", Condition: { StringEquals: { aws:SourceVpce: vpce-1 } } }] }\n',
      ),
    ],
    invalid: [
      {
        text: op(
          '',
          'servers: [ { url: "https://x", x-amazon-apigateway-endpoint-configuration: { vpcEndpointIds: [vpce-1] } } ]\n',
        ),
        messageId: 'missing',
        pointer: '/servers',
      },
      {
        text: op(
          '',
          'servers: [ { url: "https://x", x-amazon-apigateway-endpoint-configuration: { vpcEndpointIds: [vpce-1] } } ]\nx-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [{ Effect: Deny, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*", Condition: { IpAddress: { aws:SourceIp: 203.0.113.0/24 } } }] }\n',
        ),
        messageId: 'unconfined',
        pointer: '/x-amazon-apigateway-policy',
      },
    ],
  },
  'cors-wildcard-credentials': {
    valid: [
      op(
        `x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200", responseParameters: { method.response.header.Access-Control-Allow-Origin: "'https://a.example.com'", method.response.header.Access-Control-Allow-Credentials: "'true'" } } } }`,
      ),
    ],
    invalid: [
      {
        text: op(
          `x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200", responseParameters: { method.response.header.Access-Control-Allow-Origin: "'*'", method.response.header.Access-Control-Allow-Credentials: "'true'" } } } }`,
        ),
        messageId: 'wildcard',
        pointer: '/paths/~1a/get/x-amazon-apigateway-integration/responses/default/responseParameters',
      },
      {
        text: op(
          LAMBDA,
          `x-amazon-apigateway-gateway-responses: { DEFAULT_4XX: { responseParameters: { gatewayresponse.header.Access-Control-Allow-Origin: "'*'", gatewayresponse.header.Access-Control-Allow-Credentials: "'true'" } } }\n`,
        ),
        messageId: 'wildcard',
        pointer: '/x-amazon-apigateway-gateway-responses/DEFAULT_4XX/responseParameters',
      },
      {
        text: op(HTTP_LAMBDA, `${HTTP_API}x-amazon-apigateway-cors: { allowOrigins: ["*"], allowCredentials: true }\n`),
        messageId: 'httpApi',
        pointer: '/x-amazon-apigateway-cors/allowCredentials',
      },
    ],
  },
  'resource-count': {
    valid: [op(LAMBDA)],
    invalid: [
      {
        text: `${HEAD}paths:\n${Array.from({ length: 301 }, (_, i) => `  /r${i}: {}`).join('\n')}\n`,
        messageId: 'over',
        pointer: '/paths',
      },
    ],
  },
  'stage-access-logs': {
    valid: [op('', 'x-gateway: { stage: { accessLog: { format: json } }, defaults: { integration: { mock: {} } } }\n')],
    invalid: [
      {
        text: op('', 'x-gateway: { defaults: { integration: { mock: {} } } }\n'),
        messageId: 'missing',
        pointer: '/x-gateway',
      },
    ],
  },
  'stage-throttling': {
    valid: [
      op('', 'x-gateway: { stage: { throttle: { rate: 10, burst: 20 } }, defaults: { integration: { mock: {} } } }\n'),
    ],
    invalid: [
      {
        text: op('', 'x-gateway: { defaults: { integration: { mock: {} } } }\n'),
        messageId: 'missing',
        pointer: '/x-gateway',
      },
      {
        // Each stage of `stages` is checked: the one without a throttle is named.
        text: op(
          '',
          'x-gateway: { stages: { beta: {}, prod: { throttle: { rate: 10, burst: 20 } } }, defaults: { integration: { mock: {} } } }\n',
        ),
        messageId: 'missing',
        pointer: '/x-gateway/stages/beta',
      },
    ],
  },
  'stage-web-acl': {
    valid: [
      op(
        '',
        'x-gateway: { stage: { webAcl: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/0f4c1e2a-1111-2222-3333-444455556666" }, defaults: { integration: { mock: {} } } }\n',
      ),
      op('', 'x-gateway: { api: { endpoint: private }, defaults: { integration: { mock: {} } } }\n'),
      op('', 'x-gateway: { api: { type: http }, defaults: { integration: { lambda: "${Fn}" } } }\n'),
      op(LAMBDA),
    ],
    invalid: [
      {
        text: op('', 'x-gateway: { api: { endpoint: edge }, defaults: { integration: { mock: {} } } }\n'),
        messageId: 'missing',
        pointer: '/x-gateway',
      },
    ],
  },
  ...GATEWAY_RULE_CASES,
};

describe('lint rules', () => {
  for (const rule of RULES) {
    const cases = CASES[rule.meta.id];
    describe(rule.meta.id, () => {
      it('has test cases', () => {
        expect(cases, `no test cases for ${rule.meta.id}`).toBeDefined();
      });
      for (const [i, text] of (cases?.valid ?? []).entries()) {
        it(`accepts valid document ${i + 1}`, async () => {
          expect(await findings(rule.meta.id, text)).toEqual([]);
        });
      }
      for (const [i, invalid] of (cases?.invalid ?? []).entries()) {
        it(`reports ${invalid.messageId} (${i + 1})`, async () => {
          expect(await findings(rule.meta.id, invalid.text)).toContainEqual({
            messageId: invalid.messageId,
            pointer: invalid.pointer,
          });
          expect(Object.keys(rule.meta.messages)).toContain(invalid.messageId);
        });
      }
    });
  }

  it('every rule has docs with what, why and examples, a test, and a preset severity', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(RULES.map((r) => r.meta.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      const docs = `docs/rules/${rule.meta.id}.md`;
      expect(existsSync(docs), docs).toBe(true);
      const text = readFileSync(docs, 'utf8');
      for (const section of ['## Why', '## Bad', '## Good']) expect(text, `${docs} ${section}`).toContain(section);
      expect(CASES[rule.meta.id]?.invalid.length ?? 0, `${rule.meta.id} has an invalid case`).toBeGreaterThan(0);
      expect(['error', 'warn', 'off']).toContain(rule.meta.severity);
      if (rule.meta.severity === 'off')
        expect(rule.meta.strict, `${rule.meta.id} is in no preset but all`).toBeDefined();
    }
  });
});

describe('request-model-keywords', () => {
  /** A raw spec whose operations validate bodies with `schemas` (YAML, one line each) and share `components`. */
  const raw = (schemas: readonly string[], components: string, head = HEAD): string =>
    `${head}x-amazon-apigateway-request-validators: { b: { validateRequestBody: true } }\nx-amazon-apigateway-request-validator: b\npaths:\n` +
    schemas
      .map(
        (schema, i) =>
          `  /p${i}:\n    post:\n      requestBody: { content: { application/json: { schema: ${schema} } } }\n      responses: { "200": { description: ok } }\n`,
      )
      .join('') +
    `components:\n  schemas:\n${components}`;

  it('reports a schema once, however many operations and references reach it', async () => {
    const text = raw(
      [
        '{ $ref: "#/components/schemas/P" }',
        '{ $ref: "#/components/schemas/P" }',
        '{ $ref: "#/components/schemas/P/properties/c" }',
      ],
      '    P: { type: object, properties: { c: { type: object, properties: { id: { type: string, readOnly: true } } } } }\n',
    );
    expect(await findings('request-model-keywords', text)).toEqual([
      { messageId: 'ignored', pointer: '/components/schemas/P/properties/c/properties/id/readOnly' },
    ]);
  });

  it('reports what the compiler reports: no `nullable` in 3.1, where it is no keyword; dropped 3.1 keywords', async () => {
    const text = raw(
      ['{ $ref: "#/components/schemas/P" }'],
      '    P: { type: object, properties: { n: { type: string, nullable: true }, x: { propertyNames: { maxLength: 3 } } } }\n',
      'openapi: 3.1.0\ninfo: { title: T, version: "1" }\n',
    );
    expect(await findings('request-model-keywords', text)).toEqual([
      { messageId: 'dropped', pointer: '/components/schemas/P/properties/x/propertyNames' },
    ]);
  });

  it('reports a readOnly property that is `required` as the compiler does (3.0: the model does not require it)', async () => {
    const text = raw(
      ['{ $ref: "#/components/schemas/P" }'],
      '    P: { type: object, required: [id], properties: { id: { type: string, readOnly: true } } }\n',
    );
    expect(await findings('request-model-keywords', text)).toEqual([
      { messageId: 'ignored', pointer: '/components/schemas/P/properties/id/readOnly' },
    ]);
  });
});

it('accepts the extensions of an HTTP API document, and checks its integrations as HTTP API ones', async () => {
  const text = op(
    'x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, payloadFormatVersion: "2.0", uri: "arn:aws:lambda:eu-west-1:123456789012:function:f" }',
    'x-amazon-apigateway-cors: { allowOrigins: ["*"] }\nx-amazon-apigateway-importexport-version: "1.0"\n',
  );
  const all = await Promise.all(
    RULES.filter((rule) => rule.meta.severity !== 'off').map((rule) => findings(rule.meta.id, text)),
  );
  expect(all.flat()).toEqual([]);
});

it('reports each HTTP-API-only extension of a document whose integrations only REST APIs have', async () => {
  const text = op(
    'x-amazon-apigateway-integration: { type: aws, httpMethod: POST, uri: "arn:aws:apigateway:us-east-1:kinesis:action/PutRecord" }',
    'x-amazon-apigateway-cors: { allowOrigins: ["*"] }\nx-amazon-apigateway-importexport-version: "1.0"\n',
  );
  expect(await findings('http-api-extensions', text)).toEqual([
    { messageId: 'httpOnly', pointer: '/x-amazon-apigateway-cors' },
    { messageId: 'httpOnly', pointer: '/x-amazon-apigateway-importexport-version' },
  ]);
});
