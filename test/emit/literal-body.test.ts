/**
 * A Body that must move to S3 with intrinsics in it (docs/large-specs.md): compiled for a Region and account,
 * placeholders reach the API through stage variables; what cannot is refused at its place. The large path
 * is forced at small size with a small limit.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitTemplate, type SizedTemplate } from '../../src/emit/external-body.js';
import { literalBody } from '../../src/emit/literal-body.js';
import { isIntrinsic } from '../../src/model/aws-value.js';
import { compile } from '../../src/index.js';
import { renderTemplate } from '../support/apigateway-vtl.js';
import { openApi30Errors } from '../support/openapi30-check.js';
import { tempDir } from '../support/temp.js';

const TARGET = { region: 'eu-west-1', accountId: '123456789012' };
/** A long description makes the Body most of the template, as in a large spec. */
const PADDING = `components:\n  schemas:\n    Order: { type: object, description: "${'An order. '.repeat(400)}" }\n`;

async function fitted(spec: string, target: typeof TARGET | null = TARGET, bodyLimit?: number): Promise<SizedTemplate> {
  const dir = tempDir('gateform-literal-');
  const path = join(dir, 'openapi.yaml');
  writeFileSync(path, spec + PADDING);
  const result = await compile(path);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // One byte under the template's size: the large path, at small size.
  const limit = Buffer.byteLength(JSON.stringify(result.template)) - 1;
  return fitTemplate(result.template!, result.model!, 'template', {
    limit,
    ...(target !== null && { target }),
    ...(bodyLimit !== undefined && { bodyLimit }),
  });
}

const spec = (xGateway: string, operations: string, title = 'Orders') =>
  `openapi: 3.0.3\ninfo: { title: ${title}, version: "1" }\nx-gateway:\n${xGateway}\npaths:\n${operations}`;

const LAMBDA = spec(
  '  defaults: { integration: { lambda: "${OrdersFunctionArn}" } }',
  `  /orders:
    get: { responses: { '200': { description: ok } } }
    post: { responses: { '201': { description: created } } }
`,
);

/** The Body as API Gateway imports it. */
function body(sized: SizedTemplate): {
  paths: Record<string, Record<string, Record<string, Record<string, unknown>>>>;
} {
  expect(sized.diagnostics).toEqual([]);
  return JSON.parse(sized.body!.text);
}

function hasIntrinsic(node: unknown): boolean {
  if (isIntrinsic(node)) return true;
  if (node === null || typeof node !== 'object') return false;
  return Object.values(node).some(hasIntrinsic);
}

describe('a Body moved to S3, compiled for a Region and account', () => {
  it('reaches a Lambda function named by a placeholder through a stage variable, and pins the rest', async () => {
    const sized = await fitted(LAMBDA);
    const document = body(sized);
    expect(hasIntrinsic(document)).toBe(false);
    expect(openApi30Errors(document)).toEqual([]);
    expect(document.paths['/orders']!['get']!['x-amazon-apigateway-integration']!['uri']).toBe(
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:' +
        '${stageVariables.gateform_fn_OrdersFunctionArn}/invocations',
    );
    const { template } = sized;
    // The stage variable holds what follows `function:`: the name, and the alias or version when there is one.
    expect(template.Resources['OrdersApiStage']!.Properties!['Variables']).toEqual({
      gateform_fn_OrdersFunctionArn: {
        'Fn::Select': [1, { 'Fn::Split': [':function:', { Ref: 'OrdersFunctionArn' }] }],
      },
    });
    // The function the stage variable reaches is the one the parameter names, and its permission is for.
    expect(template.Parameters!['OrdersFunctionArn']!.AllowedPattern).toBe(
      '^arn:aws:lambda:eu-west-1:123456789012:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$',
    );
    expect(template['Rules']).toEqual({
      OrdersApiDeployTarget: {
        Assertions: [
          expect.objectContaining({ Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] } }),
          expect.objectContaining({ Assert: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '123456789012'] } }),
        ],
      },
    });
    expect(template.Resources['OrdersApi']!.Properties!['BodyS3Location']).toBe(sized.body!.file);
  });

  it('writes the partition of the Region', async () => {
    const sized = await fitted(LAMBDA, { region: 'cn-north-1', accountId: '123456789012' });
    expect(body(sized).paths['/orders']!['get']!['x-amazon-apigateway-integration']!['uri']).toMatch(
      /^arn:aws-cn:apigateway:cn-north-1:lambda:path\/2015-03-31\/functions\/arn:aws-cn:lambda:cn-north-1:123456789012:function:/,
    );
  });

  it('sets the stage variables on an HTTP API stage too', async () => {
    const sized = await fitted(
      spec(
        '  api: { type: http }\n  defaults: { integration: { lambda: "${OrdersFunctionArn}" } }',
        "  /orders:\n    get: { responses: { '200': { description: ok } } }\n",
      ),
    );
    expect(hasIntrinsic(body(sized))).toBe(false);
    const stage = Object.values(sized.template.Resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage');
    expect(stage?.Properties?.['StageVariables']).toHaveProperty('gateform_fn_OrdersFunctionArn');
  });

  it('reads an HTTP backend placeholder and a mapping template placeholder from stage variables', async () => {
    const sized = await fitted(
      spec(
        '  parameters: { BackendHost: { description: backend host } }',
        `  /orders:
    get:
      x-gateway: { integration: { http: "https://\${BackendHost}/orders" } }
      responses: { '200': { description: ok } }
`,
      ),
    );
    expect(body(sized).paths['/orders']!['get']!['x-amazon-apigateway-integration']!['uri']).toBe(
      'https://${stageVariables.gateform_BackendHost}/orders',
    );
    expect(sized.template.Resources['OrdersApiStage']!.Properties!['Variables']).toEqual({
      gateform_BackendHost: { Ref: 'BackendHost' },
    });
    // Nothing needed pinning: the parameter is not an ARN the stage variable must keep in the account.
    expect(sized.template.Parameters!['BackendHost']!.AllowedPattern).toBeUndefined();
  });

  it('writes a URI whose only intrinsics are the Region, account and partition literally', () => {
    const resolved = literalBody(
      {
        uri: {
          'Fn::Sub':
            'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/' +
            'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:auth/invocations',
        },
        note: { 'Fn::Sub': 'cost ${!Literal}' },
      },
      TARGET,
    );
    expect(resolved).toEqual({
      body: {
        uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations',
        note: 'cost ${Literal}',
      },
      variables: {},
      pins: {},
      left: [],
    });
  });

  it('reads a role and the parts of a !Sub with its own variables from stage variables', () => {
    const integration = '/paths/~1q/post/x-amazon-apigateway-integration';
    const resolved = literalBody(
      {
        paths: {
          '/q': {
            post: {
              'x-amazon-apigateway-integration': {
                credentials: { 'Fn::GetAtt': ['QueueRole', 'Arn'] },
                uri: {
                  'Fn::Sub': [
                    'arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Name}',
                    { Name: { 'Fn::GetAtt': ['Queue', 'QueueName'] } },
                  ],
                },
              },
            },
          },
        },
      },
      TARGET,
    );
    expect(resolved.left).toEqual([]);
    expect(JSON.stringify(resolved.body)).not.toContain(integration);
    const read = (resolved.body as { paths: Record<string, Record<string, Record<string, Record<string, string>>>> })
      .paths['/q']!['post']!['x-amazon-apigateway-integration']!;
    expect(read).toEqual({
      credentials: 'arn:aws:iam::123456789012:${stageVariables.gateform_role_QueueRole_Arn}',
      uri: 'arn:aws:apigateway:eu-west-1:sqs:path/123456789012/${stageVariables.gateform_Queue}',
    });
    expect(resolved.variables).toEqual({
      gateform_role_QueueRole_Arn: {
        'Fn::Select': [5, { 'Fn::Split': [':', { 'Fn::GetAtt': ['QueueRole', 'Arn'] }] }],
      },
      gateform_Queue: { 'Fn::GetAtt': ['Queue', 'QueueName'] },
    });
  });
});

it('renders a mapping template that reads a stage variable as the !Sub it replaces renders', async () => {
  const path = 'fixtures/service-dynamodb/openapi.yaml';
  const result = await compile(path);
  const limit = Buffer.byteLength(JSON.stringify(result.template)) - 1;
  const sized = fitTemplate(result.template!, result.model!, 'template', { limit, target: TARGET });
  type Operation = { 'x-amazon-apigateway-integration': { requestTemplates: Record<string, unknown> } };
  const template = (document: unknown) =>
    (document as { paths: Record<string, Record<string, Operation>> }).paths['/pets/{petId}']!['get']![
      'x-amazon-apigateway-integration'
    ].requestTemplates['application/json'];
  const inline = template(result.template!.Resources['PetsTableApi']!.Properties!['Body']) as { 'Fn::Sub': string };
  const moved = template(body(sized)) as string;
  expect(moved).toContain('${stageVariables.gateform_PetsTable}');
  // What CloudFormation would write for a table named `pets-prod`, and what the stage variable holds.
  const deployed = inline['Fn::Sub'].replaceAll('${PetsTable}', 'pets-prod');
  const variables = sized.template.Resources['PetsTableApiStage']!.Properties!['Variables'] as Record<string, unknown>;
  expect(variables['gateform_PetsTable']).toEqual({ Ref: 'PetsTable' });
  for (const petId of ['p-1', 'quote " and \\ backslash', 'ünï', '']) {
    const request = { path: { petId }, stageVariables: { gateform_PetsTable: 'pets-prod' } };
    expect(renderTemplate(moved, '', request).text).toBe(renderTemplate(deployed, '', request).text);
  }
});

describe("API Gateway's limit on a REST API definition", () => {
  it('writes the Body indented when it fits, minified when only that fits, and refuses it when neither does', async () => {
    const indented = await fitted(LAMBDA);
    expect(indented.body!.text).toMatch(/^\{\n {2}"openapi"/);
    const bytes = Buffer.byteLength(indented.body!.text);
    const minified = await fitted(LAMBDA, TARGET, bytes - 1);
    expect(minified.body!.text).toBe(JSON.stringify(JSON.parse(indented.body!.text)) + '\n');
    const refused = await fitted(LAMBDA, TARGET, Buffer.byteLength(minified.body!.text) - 1);
    expect(refused.body).toBeUndefined();
    expect(refused.diagnostics[0]!.message).toContain('bytes API Gateway imports as a REST API definition');
  });
});

describe('a Body that cannot move to S3', () => {
  it('asks for the Region and account when it holds intrinsics', async () => {
    const sized = await fitted(LAMBDA, null);
    expect(sized.body).toBeUndefined();
    expect(sized.diagnostics).toHaveLength(1);
    expect(sized.diagnostics[0]!.code).toBe('template-quota-exceeded');
    expect(sized.diagnostics[0]!.message).toContain('which gateform writes literally for one Region and account');
    expect(sized.diagnostics[0]!.hint).toContain('--region eu-west-1 --account-id 123456789012');
  });

  it('names the intrinsics no stage variable can carry: a Lambda authorizer named by a placeholder', async () => {
    const sized = await fitted(
      spec(
        `  defaults: { integration: { lambda: "arn:aws:lambda:eu-west-1:123456789012:function:orders" } }
  authorizers:
    tokens: { type: token, function: "\${AuthFunctionArn}" }`,
        "  /orders:\n    get:\n      x-gateway: { auth: tokens }\n      responses: { '200': { description: ok } }\n",
      ),
    );
    expect(sized.body).toBeUndefined();
    expect(sized.diagnostics[0]!.message).toContain(
      'it holds 1 that gateform cannot write literally (at `Body/components/securitySchemes/tokens/x-amazon-apigateway-authorizer/authorizerUri`)',
    );
  });

  it('refuses to narrow a parameter that has an allowedPattern of its own', async () => {
    const sized = await fitted(
      spec(
        `  parameters: { OrdersFunctionArn: { description: orders, allowedPattern: "arn:aws:lambda:.*" } }
  defaults: { integration: { lambda: "\${OrdersFunctionArn}" } }`,
        "  /orders:\n    get: { responses: { '200': { description: ok } } }\n",
      ),
    );
    expect(sized.body).toBeUndefined();
    expect(sized.diagnostics[0]!.message).toContain(
      'the parameter `OrdersFunctionArn` names what a stage variable reaches, which must be in eu-west-1 and account 123456789012',
    );
  });

  it("refuses a stage variable of the user's that gateform would set", async () => {
    const sized = await fitted(
      spec(
        `  stage: { variables: { gateform_fn_OrdersFunctionArn: mine } }
  defaults: { integration: { lambda: "\${OrdersFunctionArn}" } }`,
        "  /orders:\n    get: { responses: { '200': { description: ok } } }\n",
      ),
    );
    expect(sized.body).toBeUndefined();
    expect(sized.diagnostics[0]!.message).toContain(
      'the stage variable `gateform_fn_OrdersFunctionArn`, which gateform sets, is defined on OrdersApiStage',
    );
  });
});
