/**
 * Valid and invalid documents for the API Gateway rules on mappings, integration responses, service
 * integrations, authorizers, CORS, hard-coded ARNs and mapping templates (used by rules.test.ts).
 */
export interface RuleCases {
  readonly valid: readonly string[];
  readonly invalid: readonly { readonly text: string; readonly messageId: string; readonly pointer: string }[];
}

const HEAD = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\n';
const AT = '/paths/~1a/post';
const INTEGRATION = `${AT}/x-amazon-apigateway-integration`;
const ROLE = 'credentials: !GetAtt Role.Arn';
const DDB = `type: aws, httpMethod: POST, ${ROLE}, uri: !Sub "arn:aws:apigateway:\${AWS::Region}:dynamodb:action/PutItem"`;
const ERRORS = 'default: { statusCode: "200" }, "4\\\\d{2}": { statusCode: "400" }';
const RESPONSES = 'responses: { "200": { description: ok }, "400": { description: bad } }';
const LAMBDA_URI =
  '!Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"';

/** A document with one POST /a operation: `operation` holds its keys (one YAML line each). */
function post(operation: readonly string[], root = ''): string {
  return `${HEAD}${root}paths:\n  /a:\n    post:\n${operation.map((line) => `      ${line}\n`).join('')}`;
}

/** POST /a with the standard responses and an integration `{ …fields }`, plus more operation lines. */
function integrated(fields: string, more: readonly string[] = [], root = ''): string {
  return post([RESPONSES, ...more, `x-amazon-apigateway-integration: { ${fields} }`], root);
}

const authorizer = (scheme: string, body: string): string =>
  `${HEAD}paths: {}\ncomponents: { securitySchemes: { auth: { ${scheme}, x-amazon-apigateway-authorizer: { ${body} } } } }\n`;

export const GATEWAY_RULE_CASES: Readonly<Record<string, RuleCases>> = {
  'mapping-undeclared': {
    valid: [
      integrated(
        'type: http_proxy, httpMethod: POST, uri: "https://b.example.com", requestParameters: { integration.request.header.tenant: method.request.header.origin, integration.request.querystring.q: method.request.querystring.q }',
        [
          'parameters: [{ name: Origin, in: header, schema: { type: string } }, { name: q, in: query, schema: { type: string } }]',
        ],
      ),
      post([
        'responses: { "200": { description: ok, headers: { Access-Control-Allow-Origin: { schema: { type: string } } } } }',
        `x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200", responseParameters: { method.response.header.access-control-allow-origin: "'*'" } } } }`,
      ]),
    ],
    invalid: [
      {
        text: integrated(
          'type: aws_proxy, httpMethod: POST, uri: "${lambda_invoke_arn}", requestParameters: { integration.request.header.tenant-header: method.request.header.origin }',
        ),
        messageId: 'source',
        pointer: `${INTEGRATION}/requestParameters/integration.request.header.tenant-header`,
      },
      {
        text: integrated(
          `type: mock, responses: { default: { statusCode: "200", responseParameters: { method.response.header.Location: "'https://example.com'" } } }`,
        ),
        messageId: 'target',
        pointer: `${INTEGRATION}/responses/default/responseParameters/method.response.header.Location`,
      },
      {
        text: integrated(`${DDB}, responses: { ${ERRORS} }, cacheKeyParameters: [method.request.path.id]`),
        messageId: 'source',
        pointer: `${INTEGRATION}/cacheKeyParameters/0`,
      },
    ],
  },
  'mapping-expression': {
    valid: [
      integrated(
        `type: http, httpMethod: POST, uri: "https://b.example.com", requestParameters: { integration.request.header.x-a: "'static'", integration.request.header.x-b: context.requestId, integration.request.header.x-c: stageVariables.key, integration.request.querystring.d: method.request.body.id, integration.request.header.x-e: !Sub "'\${Value}'" }, responses: { default: { statusCode: "200", responseParameters: { method.response.header.X: integration.response.header.Date } } }`,
      ),
    ],
    invalid: [
      {
        text: integrated(
          'type: http, httpMethod: POST, uri: "https://b.example.com", requestParameters: { integration.request.header.Content-Type: application/json }, responses: { default: { statusCode: "200" } }',
        ),
        messageId: 'unquoted',
        pointer: `${INTEGRATION}/requestParameters/integration.request.header.Content-Type`,
      },
      {
        text: integrated(
          'type: http, httpMethod: POST, uri: "https://b.example.com", requestParameters: { integration.request.header.x: method.request.headers.x }, responses: { default: { statusCode: "200" } }',
        ),
        messageId: 'source',
        pointer: `${INTEGRATION}/requestParameters/integration.request.header.x`,
      },
      {
        text: integrated(
          `type: mock, responses: { default: { statusCode: "200", responseParameters: { method.response.body.x: "'1'" } } }`,
        ),
        messageId: 'target',
        pointer: `${INTEGRATION}/responses/default/responseParameters/method.response.body.x`,
      },
    ],
  },
  'integration-response-undeclared': {
    valid: [integrated(`${DDB}, responses: { ${ERRORS} }`)],
    invalid: [
      {
        text: integrated(`${DDB}, responses: { ${ERRORS}, "5\\\\d{2}": { statusCode: "500" } }`),
        messageId: 'undeclared',
        pointer: `${INTEGRATION}/responses/5\\d{2}/statusCode`,
      },
    ],
  },
  'integration-response-default': {
    valid: [integrated(`${DDB}, responses: { ${ERRORS} }`), integrated('type: aws_proxy, httpMethod: POST, uri: x')],
    invalid: [
      {
        text: integrated(`${DDB}, responses: { "200": { statusCode: "200" }, "400": { statusCode: "400" } }`),
        messageId: 'missing',
        pointer: `${INTEGRATION}/responses`,
      },
      { text: integrated('type: mock'), messageId: 'none', pointer: INTEGRATION },
    ],
  },
  'integration-errors-as-success': {
    valid: [
      integrated(`${DDB}, responses: { ${ERRORS} }`),
      integrated(`type: aws, httpMethod: POST, uri: ${LAMBDA_URI}, responses: { default: { statusCode: "200" } }`),
    ],
    invalid: [
      {
        text: integrated(`${DDB}, responses: { default: { statusCode: "200" } }`),
        messageId: 'defaultOnly',
        pointer: `${INTEGRATION}/responses/default`,
      },
    ],
  },
  'integration-credentials': {
    valid: [
      integrated(`${DDB}, responses: { ${ERRORS} }`),
      integrated(`type: aws, httpMethod: POST, uri: ${LAMBDA_URI}, responses: { ${ERRORS} }`),
    ],
    invalid: [
      {
        text: integrated(
          `type: aws, httpMethod: POST, uri: "arn:aws:apigateway:\${region}:sqs:path/\${account}/q", responses: { ${ERRORS} }`,
        ),
        messageId: 'missing',
        pointer: INTEGRATION,
      },
    ],
  },
  'aws-proxy-target': {
    valid: [
      integrated(`type: aws_proxy, httpMethod: POST, uri: ${LAMBDA_URI}`),
      integrated('type: aws_proxy, httpMethod: POST, uri: "${aws_lambda_function.f.invoke_arn}"'),
      integrated(
        'type: aws_proxy, httpMethod: POST, uri: !Join ["", ["arn:aws:apigateway:", !Ref AWS::Region, ":lambda:path/2015-03-31/functions/", !GetAtt Fn.Arn, "/invocations"]]',
      ),
    ],
    invalid: [
      {
        text: integrated('type: aws_proxy, httpMethod: POST, uri: !GetAtt Fn.Arn'),
        messageId: 'functionArn',
        pointer: `${INTEGRATION}/uri`,
      },
      {
        text: integrated(
          'type: aws_proxy, httpMethod: POST, uri: !Sub "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:pets"',
        ),
        messageId: 'functionArn',
        pointer: `${INTEGRATION}/uri`,
      },
      {
        text: integrated('type: aws_proxy, httpMethod: POST, uri: "${aws_lambda_function.f.arn}"'),
        messageId: 'terraformArn',
        pointer: `${INTEGRATION}/uri`,
      },
      {
        text: integrated(
          'type: aws_proxy, httpMethod: POST, uri: !Sub "arn:aws:apigateway:${AWS::Region}:dynamodb:action/PutItem"',
        ),
        messageId: 'service',
        pointer: `${INTEGRATION}/uri`,
      },
      {
        text: integrated('type: aws_proxy, httpMethod: GET, uri: "${lambda_invoke_arn}"'),
        messageId: 'post',
        pointer: `${INTEGRATION}/httpMethod`,
      },
    ],
  },
  'integration-passthrough-unmatched': {
    valid: [
      integrated(
        `${DDB}, responses: { ${ERRORS} }, passthroughBehavior: never, requestTemplates: { application/json: "{}" }`,
      ),
      integrated(`${DDB}, responses: { ${ERRORS} }`),
    ],
    invalid: [
      {
        text: integrated(
          `${DDB}, responses: { ${ERRORS} }, passthroughBehavior: when_no_match, requestTemplates: { application/json: "{}" }`,
        ),
        messageId: 'explicit',
        pointer: `${INTEGRATION}/passthroughBehavior`,
      },
      {
        text: integrated(`${DDB}, responses: { ${ERRORS} }, requestTemplates: { application/json: "{}" }`),
        messageId: 'implicit',
        pointer: INTEGRATION,
      },
    ],
  },
  'authorizer-cognito-providers': {
    valid: [
      authorizer(
        'type: apiKey, name: Authorization, in: header',
        'type: cognito_user_pools, providerARNs: [!GetAtt Pool.Arn]',
      ),
    ],
    invalid: [
      {
        text: authorizer('type: apiKey, name: Authorization, in: header', 'type: cognito_user_pools'),
        messageId: 'missing',
        pointer: '/components/securitySchemes/auth/x-amazon-apigateway-authorizer',
      },
    ],
  },
  'authorizer-scheme': {
    valid: [authorizer('type: apiKey, name: Authorization, in: header', 'type: token, authorizerUri: x')],
    invalid: [
      {
        text: authorizer('type: http, scheme: bearer', 'type: token, authorizerUri: x'),
        messageId: 'scheme',
        pointer: '/components/securitySchemes/auth/type',
      },
    ],
  },
  'authorizer-cache-identity': {
    valid: [
      authorizer('type: apiKey, name: Unused, in: header', 'type: request, authorizerResultTtlInSeconds: 0'),
      authorizer(
        'type: apiKey, name: Unused, in: header',
        'type: request, identitySource: "method.request.header.Authorization"',
      ),
    ],
    invalid: [
      {
        text: authorizer('type: apiKey, name: Unused, in: header', 'type: request, authorizerResultTtlInSeconds: 300'),
        messageId: 'missing',
        pointer: '/components/securitySchemes/auth/x-amazon-apigateway-authorizer/authorizerResultTtlInSeconds',
      },
    ],
  },
  'cors-preflight-authorized': {
    valid: [
      `${HEAD}paths:\n  /a:\n    options:\n      responses: { "200": { description: ok } }\n      x-amazon-apigateway-integration: { type: mock }\n`,
    ],
    invalid: [
      {
        text: `${HEAD}paths:\n  /a:\n    options:\n      responses: { "200": { description: ok } }\n      x-amazon-apigateway-auth: { type: AWS_IAM }\n      x-amazon-apigateway-integration: { type: mock }\n`,
        messageId: 'authorized',
        pointer: '/paths/~1a/options/x-amazon-apigateway-auth',
      },
    ],
  },
  'cors-options-missing': {
    valid: [
      // A simple GET needs no preflight.
      `${HEAD}paths:\n  /a:\n    get:\n      responses: { "200": { description: ok, headers: { Access-Control-Allow-Origin: { schema: { type: string } } } } }\n`,
    ],
    invalid: [
      {
        text: `${HEAD}paths:\n  /a:\n    put:\n      responses: { "200": { description: ok, headers: { access-control-allow-origin: { schema: { type: string } } } } }\n`,
        messageId: 'missing',
        pointer: '/paths/~1a/put',
      },
    ],
  },
  'cors-gateway-responses': {
    valid: [
      post(
        [
          'responses: { "200": { description: ok, headers: { Access-Control-Allow-Origin: { schema: { type: string } } } } }',
        ],
        `x-amazon-apigateway-gateway-responses: { DEFAULT_4XX: { responseParameters: { gatewayresponse.header.Access-Control-Allow-Origin: "'*'" } }, DEFAULT_5XX: { responseParameters: { gatewayresponse.header.access-control-allow-origin: "'*'" } } }\n`,
      ),
    ],
    invalid: [
      {
        text: post(
          [
            'responses: { "200": { description: ok, headers: { Access-Control-Allow-Origin: { schema: { type: string } } } } }',
          ],
          `x-amazon-apigateway-gateway-responses: { DEFAULT_4XX: { responseParameters: { gatewayresponse.header.Access-Control-Allow-Origin: "'*'" } } }\n`,
        ),
        messageId: 'missing',
        pointer: '/x-amazon-apigateway-gateway-responses',
      },
      {
        // Placed at the gateway response written without the header.
        text: post(
          [
            'responses: { "200": { description: ok, headers: { Access-Control-Allow-Origin: { schema: { type: string } } } } }',
          ],
          `x-amazon-apigateway-gateway-responses: { DEFAULT_4XX: { responseParameters: { gatewayresponse.header.Access-Control-Allow-Origin: "'*'" } }, DEFAULT_5XX: { statusCode: "500" } }\n`,
        ),
        messageId: 'missing',
        pointer: '/x-amazon-apigateway-gateway-responses/DEFAULT_5XX',
      },
    ],
  },
  'hardcoded-region-account': {
    valid: [
      // Every value written out: an export, meant for one place.
      integrated(
        `type: aws, httpMethod: POST, credentials: "arn:aws:iam::123456789012:role/r", uri: "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem", responses: { ${ERRORS} }`,
      ),
      integrated(`${DDB}, responses: { ${ERRORS} }`),
    ],
    invalid: [
      {
        text: integrated(
          `type: aws, httpMethod: POST, ${ROLE}, uri: "arn:aws:apigateway:us-west-2:states:action/StartSyncExecution", responses: { ${ERRORS} }`,
        ),
        messageId: 'region',
        pointer: `${INTEGRATION}/uri`,
      },
      {
        text: integrated(
          `type: aws, httpMethod: POST, ${ROLE}, uri: !Sub "arn:aws:apigateway:\${AWS::Region}:sqs:path/123456789012/q", responses: { ${ERRORS} }`,
        ),
        messageId: 'account',
        pointer: `${INTEGRATION}/uri`,
      },
    ],
  },
  'hardcoded-partition': {
    valid: [
      integrated(
        `type: aws, httpMethod: POST, ${ROLE}, uri: !Sub "arn:\${AWS::Partition}:apigateway:\${AWS::Region}:dynamodb:action/PutItem", responses: { ${ERRORS} }`,
      ),
    ],
    invalid: [
      { text: integrated(`${DDB}, responses: { ${ERRORS} }`), messageId: 'partition', pointer: `${INTEGRATION}/uri` },
    ],
  },
  'vtl-form-urlencode': {
    valid: [
      integrated(
        `type: aws, httpMethod: POST, ${ROLE}, uri: x, responses: { ${ERRORS} }, requestTemplates: { application/json: "Action=SendMessage&MessageBody=$util.urlEncode($input.body)" }`,
      ),
    ],
    invalid: [
      {
        text: integrated(
          `type: aws, httpMethod: POST, ${ROLE}, uri: x, responses: { ${ERRORS} }, requestTemplates: { application/json: "Action=SendMessage&MessageBody=$input.body" }`,
        ),
        messageId: 'unencoded',
        pointer: `${INTEGRATION}/requestTemplates/application~1json`,
      },
    ],
  },
  'vtl-json-escape': {
    valid: [
      integrated(
        `${DDB}, responses: { ${ERRORS} }, requestTemplates: { application/json: "{\\"Item\\": {\\"id\\": {\\"S\\": \\"$util.escapeJavaScript($input.params('id'))\\"}, \\"m\\": {\\"S\\": $input.json('$.m')}}}" }`,
      ),
    ],
    invalid: [
      {
        text: integrated(
          `${DDB}, responses: { ${ERRORS} }, requestTemplates: { application/json: "#set($root = $input.path('$'))\\n{\\"Item\\": {\\"id\\": {\\"S\\": \\"$root.id\\"}}}" }`,
        ),
        messageId: 'unescaped',
        pointer: `${INTEGRATION}/requestTemplates/application~1json`,
      },
    ],
  },
  'vtl-loop-variable': {
    valid: [
      integrated(
        `${DDB}, responses: { ${ERRORS} }, requestTemplates: { application/json: "[#foreach($elem in $input.path('$.records')){\\"d\\": \\"$elem.data\\"}#if($foreach.hasNext),#end#end]" }`,
      ),
    ],
    invalid: [
      {
        text: integrated(
          `${DDB}, responses: { ${ERRORS} }, requestTemplates: { application/json: "{\\"s\\": \\"$input.params('s')\\", \\"d\\": \\"$elem.data\\"}" }`,
        ),
        messageId: 'unbound',
        pointer: `${INTEGRATION}/requestTemplates/application~1json`,
      },
      {
        text: integrated(
          `${DDB}, responses: { ${ERRORS} }, requestTemplates: { application/json: "[{\\"d\\": \\"$input.body\\"}#if($foreach.hasNext),#end]" }`,
        ),
        messageId: 'foreach',
        pointer: `${INTEGRATION}/requestTemplates/application~1json`,
      },
      {
        text: integrated(
          `${DDB}, responses: { ${ERRORS} }, requestTemplates: { application/json: "#foreach($e in $input.path('$'))#end $e.x" }`,
        ),
        messageId: 'outside',
        pointer: `${INTEGRATION}/requestTemplates/application~1json`,
      },
    ],
  },
};
