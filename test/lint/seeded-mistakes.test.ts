/**
 * Seeded mistakes: for each API Gateway rule, a real spec of the corpus (../shared/corpus, read in place,
 * never copied here) with one mistake an engineer makes put into it. The rule reports the mutated spec at
 * the mistake, and says nothing on the spec as written. Where the corpus holds the mistake itself, the
 * case runs the other way: the rule reports the spec as written, and not once the mistake is fixed.
 * Skipped when the corpus is absent, as `npm run corpus` is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPointer } from '../../src/diagnostics/diagnostic.js';
import { lintDocument } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { loadText } from '../../src/load/load-document.js';
import { parseSource } from '../../src/load/parse.js';

const ROOT = join(process.env['GATEFORM_CORPUS'] ?? '../shared/corpus', 'apigw');

type Json = Record<string, unknown>;

/** The mapping at `keys` under `node` (the test knows the spec's shape). */
function get(node: Json, ...keys: string[]): Json {
  return keys.reduce((at, key) => at[key] as Json, node);
}

interface Seed {
  readonly rule: string;
  readonly file: string;
  /** The mistake, made in place on the parsed spec. */
  readonly mutate: (spec: Json) => void;
  /** Where the rule must report it. */
  readonly pointer: string;
  /** The corpus spec already holds the mistake; `mutate` fixes it. */
  readonly real?: boolean;
}

const paths = (...tokens: string[]): string => childPointer('/paths', ...tokens);
const integration = (spec: Json, path: string, method: string): Json =>
  get(spec, 'paths', path, method, 'x-amazon-apigateway-integration');

const SEEDS: readonly Seed[] = [
  {
    rule: 'mapping-undeclared',
    file: 'sp-apigw-sfn-crud.yaml',
    mutate: (spec) => {
      integration(spec, '/{id}', 'x-amazon-apigateway-any-method')['requestParameters'] = {
        'integration.request.header.x-tenant': 'method.request.header.x-tenant',
      };
    },
    pointer: paths(
      '/{id}',
      'x-amazon-apigateway-any-method',
      'x-amazon-apigateway-integration',
      'requestParameters',
      'integration.request.header.x-tenant',
    ),
  },
  {
    rule: 'mapping-undeclared',
    file: 'pm-aws-localstack-openapi.yml.tpl.yaml',
    real: true,
    mutate: (spec) => {
      get(spec, 'paths', '/authorize', 'post')['parameters'] = [
        { name: 'origin', in: 'header', schema: { type: 'string' } },
      ];
      get(spec, 'paths', '/token', 'post')['parameters'] = [
        { name: 'Origin', in: 'header', schema: { type: 'string' } },
      ];
    },
    pointer: paths(
      '/authorize',
      'post',
      'x-amazon-apigateway-integration',
      'requestParameters',
      'integration.request.header.tenant-header',
    ),
  },
  {
    rule: 'mapping-expression',
    file: 'sp-apigw-translate.defbody.yaml',
    mutate: (spec) => {
      get(integration(spec, '/translate', 'post'), 'requestParameters')['integration.request.header.Content-Type'] =
        'application/x-amz-json-1.1';
    },
    pointer: paths(
      '/translate',
      'post',
      'x-amazon-apigateway-integration',
      'requestParameters',
      'integration.request.header.Content-Type',
    ),
  },
  {
    rule: 'integration-response-undeclared',
    file: 'sp-apigw-translate.defbody.yaml',
    mutate: (spec) => {
      get(integration(spec, '/translate', 'post'), 'responses')['4\\d{2}'] = { statusCode: '400' };
    },
    pointer: paths('/translate', 'post', 'x-amazon-apigateway-integration', 'responses', '4\\d{2}', 'statusCode'),
  },
  {
    rule: 'integration-response-default',
    file: 'sp-apigw-dynamodb-scheduler-restapi.yaml',
    mutate: (spec) => {
      const responses = get(integration(spec, '/reminders/{id}', 'get'), 'responses');
      responses['200'] = responses['default'];
      delete responses['default'];
    },
    pointer: paths('/reminders/{id}', 'get', 'x-amazon-apigateway-integration', 'responses'),
  },
  {
    rule: 'integration-response-default',
    file: 'sp-apigw-sfn-crud.yaml',
    real: true,
    mutate: (spec) => {
      for (const path of ['/', '/{id}']) {
        const responses = get(integration(spec, path, 'x-amazon-apigateway-any-method'), 'responses');
        responses['default'] = responses['200'];
        delete responses['200'];
      }
    },
    pointer: paths('/', 'x-amazon-apigateway-any-method', 'x-amazon-apigateway-integration', 'responses'),
  },
  {
    rule: 'integration-errors-as-success',
    file: 'awsdocs-image-s3-binary.oas30.json',
    mutate: (spec) => {
      integration(spec, '/s3', 'get')['responses'] = { default: { statusCode: '200' } };
    },
    pointer: paths('/s3', 'get', 'x-amazon-apigateway-integration', 'responses', 'default'),
  },
  {
    rule: 'integration-credentials',
    file: 'sp-apigw-dynamodb-scheduler-restapi.yaml',
    mutate: (spec) => {
      delete integration(spec, '/reminders', 'post')['credentials'];
    },
    pointer: paths('/reminders', 'post', 'x-amazon-apigateway-integration'),
  },
  {
    rule: 'aws-proxy-target',
    file: 'sp-apigw-rest-response-streaming.defbody.yaml',
    mutate: (spec) => {
      integration(spec, '/story', 'post')['uri'] = { 'Fn::GetAtt': ['StreamingFunction', 'Arn'] };
    },
    pointer: paths('/story', 'post', 'x-amazon-apigateway-integration', 'uri'),
  },
  {
    rule: 'aws-proxy-target',
    file: 'sp-apigw-openapi-lambda-dynamodb-xray-tf.yaml',
    mutate: (spec) => {
      integration(spec, '/customers/{id}', 'get')['httpMethod'] = 'GET';
    },
    pointer: paths('/customers/{id}', 'get', 'x-amazon-apigateway-integration', 'httpMethod'),
  },
  {
    rule: 'integration-passthrough-unmatched',
    file: 'sp-apigw-sfn-crud.yaml',
    mutate: (spec) => {
      integration(spec, '/', 'x-amazon-apigateway-any-method')['passthroughBehavior'] = 'when_no_match';
    },
    pointer: paths('/', 'x-amazon-apigateway-any-method', 'x-amazon-apigateway-integration', 'passthroughBehavior'),
  },
  {
    rule: 'authorizer-cognito-providers',
    file: 'ss-apigw-lambda-powertools-openapi-cdk.json',
    mutate: (spec) => {
      delete get(spec, 'components', 'securitySchemes', 'cognito-authorizer', 'x-amazon-apigateway-authorizer')[
        'providerARNs'
      ];
    },
    pointer: '/components/securitySchemes/cognito-authorizer/x-amazon-apigateway-authorizer',
  },
  {
    rule: 'authorizer-scheme',
    file: 'tna-backend-checks.oas3.json.tpl.json',
    mutate: (spec) => {
      const scheme = get(spec, 'components', 'securitySchemes', 'lambda');
      scheme['type'] = 'http';
      scheme['scheme'] = 'bearer';
      delete scheme['in'];
      delete scheme['name'];
    },
    pointer: '/components/securitySchemes/lambda/type',
  },
  {
    rule: 'authorizer-cache-identity',
    file: 'tna-backend-checks.oas3.json.tpl.json',
    mutate: (spec) => {
      const authorizer = get(spec, 'components', 'securitySchemes', 'lambda', 'x-amazon-apigateway-authorizer');
      authorizer['type'] = 'request';
      authorizer['authorizerResultTtlInSeconds'] = 300;
    },
    pointer: '/components/securitySchemes/lambda/x-amazon-apigateway-authorizer/authorizerResultTtlInSeconds',
  },
  {
    rule: 'cors-preflight-authorized',
    file: 'tna-backend-checks.oas3.json.tpl.json',
    mutate: (spec) => {
      const post = get(spec, 'paths', '/', 'post');
      get(spec, 'paths', '/')['options'] = {
        security: post['security'],
        responses: { '200': { description: 'preflight' } },
        'x-amazon-apigateway-integration': { type: 'mock', responses: { default: { statusCode: '200' } } },
      };
    },
    pointer: paths('/', 'options', 'security'),
  },
  {
    rule: 'cors-options-missing',
    file: 'sw-s12d-api.yaml',
    mutate: (spec) => {
      delete get(spec, 'paths', '/app/{linkId}')['options'];
    },
    pointer: paths('/app/{linkId}', 'put'),
  },
  {
    rule: 'cors-gateway-responses',
    file: 'sp-apigw-dynamodb-scheduler-restapi.yaml',
    mutate: (spec) => {
      get(spec, 'paths', '/reminders', 'get', 'responses', '200')['headers'] = {
        'Access-Control-Allow-Origin': { schema: { type: 'string' } },
      };
      get(integration(spec, '/reminders', 'get'), 'responses', 'default')['responseParameters'] = {
        'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
      };
    },
    pointer: '/x-amazon-apigateway-gateway-responses',
  },
  {
    rule: 'hardcoded-region-account',
    file: 'sp-apigw-ddb-openapi-crud.yaml',
    mutate: (spec) => {
      integration(spec, '/{id}', 'get')['uri'] = 'arn:aws:apigateway:us-east-1:dynamodb:action/GetItem';
    },
    pointer: paths('/{id}', 'get', 'x-amazon-apigateway-integration', 'uri'),
  },
  {
    rule: 'hardcoded-partition',
    file: 'sp-apigw-rest-response-streaming.defbody.yaml',
    real: true,
    mutate: (spec) => {
      const uri = get(integration(spec, '/story', 'post'), 'uri');
      uri['Fn::Sub'] = (uri['Fn::Sub'] as string).replace('arn:aws:', 'arn:${AWS::Partition}:');
    },
    pointer: paths('/story', 'post', 'x-amazon-apigateway-integration', 'uri'),
  },
  {
    rule: 'vtl-form-urlencode',
    file: 'sp-apigw-sqs-terraform.jsonencode.json',
    real: true,
    mutate: (spec) => {
      get(integration(spec, '/submit', 'post'), 'requestTemplates')['application/json'] =
        'Action=SendMessage&MessageBody=$util.urlEncode($input.body)';
    },
    pointer: paths('/submit', 'post', 'x-amazon-apigateway-integration', 'requestTemplates', 'application/json'),
  },
  {
    rule: 'vtl-json-escape',
    file: 'sp-apigw-translate.defbody.yaml',
    mutate: (spec) => {
      const templates = get(integration(spec, '/translate', 'post'), 'requestTemplates');
      templates['application/json'] = (templates['application/json'] as string).replace(
        "$input.json('$.text')",
        `"$input.path('$.text')"`,
      );
    },
    pointer: paths('/translate', 'post', 'x-amazon-apigateway-integration', 'requestTemplates', 'application/json'),
  },
  {
    rule: 'vtl-loop-variable',
    file: 'sp-apigw-dynamodb-scheduler-restapi.yaml',
    mutate: (spec) => {
      const templates = get(integration(spec, '/reminders', 'get'), 'responses', 'default', 'responseTemplates');
      templates['application/json'] = (templates['application/json'] as string).replace(/#foreach\([^)]*\)/, '');
    },
    pointer: paths(
      '/reminders',
      'get',
      'x-amazon-apigateway-integration',
      'responses',
      'default',
      'responseTemplates',
      'application/json',
    ),
  },
  {
    rule: 'vtl-loop-variable',
    file: 'awsdocs-kinesis-proxy.oas30.json',
    real: true,
    mutate: (spec) => {
      const templates = get(integration(spec, '/streams/{stream-name}/records', 'put'), 'requestTemplates');
      for (const [type, text] of Object.entries(templates))
        templates[type] = (text as string)
          .replace(/"records"\s*:\s*\[/i, `$&\n#foreach($elem in $input.path('$.records'))`)
          .replace('#if($foreach.hasNext),#end', '#if($foreach.hasNext),#end\n#end');
    },
    pointer: paths(
      '/streams/{stream-name}/records',
      'put',
      'x-amazon-apigateway-integration',
      'requestTemplates',
      'application/json',
    ),
  },
  // Swagger 2.0 documents (API Gateway imports them too), reported where the 2.0 file has the mistake.
  {
    rule: 'aws-proxy-target',
    file: 'sp-apigw-private-lambda.swagger2.defbody.yaml',
    mutate: (spec) => {
      integration(spec, '/get', 'x-amazon-apigateway-any-method')['uri'] = {
        'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/queue',
      };
    },
    pointer: paths('/get', 'x-amazon-apigateway-any-method', 'x-amazon-apigateway-integration', 'uri'),
  },
  {
    rule: 'mapping-undeclared',
    file: 'ss-fargate-private-api.swagger2.yaml',
    mutate: (spec) => {
      get(integration(spec, '/locations', 'get'), 'requestParameters')['integration.request.header.x-tenant'] =
        'method.request.header.x-tenant';
    },
    pointer: paths(
      '/locations',
      'get',
      'x-amazon-apigateway-integration',
      'requestParameters',
      'integration.request.header.x-tenant',
    ),
  },
  {
    rule: 'vtl-json-escape',
    file: 'tna-backend-checks.swagger2.json.tpl.json',
    real: true,
    mutate: (spec) => {
      const templates = get(integration(spec, '/backend-checks/{consignmentId+}', 'post'), 'requestTemplates');
      templates['application/json'] = (templates['application/json'] as string).replace(
        "$input.params('consignmentId')",
        "$util.escapeJavaScript($util.escapeJavaScript($input.params('consignmentId')))",
      );
    },
    pointer: paths(
      '/backend-checks/{consignmentId+}',
      'post',
      'x-amazon-apigateway-integration',
      'requestTemplates',
      'application/json',
    ),
  },
];

/** The pointers at which `rule` reports the spec written as `text`. */
async function reported(rule: string, path: string, text: string): Promise<string[]> {
  const { loaded } = await loadText(path, text, undefined, { swagger2: true });
  if (!loaded) throw new Error(`${path} does not load`);
  const found = lintDocument(loaded, undefined, { preset: 'all', rules: {}, ignores: [], root: '.' }, [
    RULES.find((r) => r.meta.id === rule)!,
  ]);
  return found.map((d) => d.location?.pointer ?? '');
}

describe.skipIf(!existsSync(ROOT))('seeded mistakes in corpus specs', () => {
  it('seeds a mistake for every rule of the API Gateway checks this test covers', () => {
    expect(new Set(SEEDS.map((s) => s.rule)).size).toBe(19);
    for (const seed of SEEDS) expect(RULES.map((r) => r.meta.id)).toContain(seed.rule);
  });
  for (const seed of SEEDS) {
    it(`${seed.rule}: ${seed.real ? 'the real mistake in' : 'a mistake seeded into'} ${seed.file}`, async () => {
      const path = join(ROOT, seed.file);
      const original = readFileSync(path, 'utf8');
      const parsed = parseSource(path, original);
      if (!parsed.ok) throw new Error(`${seed.file} does not parse`);
      const spec = structuredClone(parsed.file.value) as Json;
      seed.mutate(spec);
      const mutated = await reported(seed.rule, `${path}.seeded.json`, JSON.stringify(spec, null, 2));
      const written = await reported(seed.rule, path, original);
      const [wrong, right] = seed.real ? [written, mutated] : [mutated, written];
      expect(wrong).toContain(seed.pointer);
      expect(right).toEqual([]);
    });
  }
});
