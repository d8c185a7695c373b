/**
 * The settings one kind of API has and the other does not. An HTTP API (`api.type: http`) has no request
 * validation, API keys, caching, resource policies, gateway responses, tracing, execution logs, mock or
 * VTL integrations; a REST API has no JWT authorizers, payload format or `$default` stage. Each such
 * setting is an error at the key that makes it, before anything is built from it, so that none is
 * silently dropped.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html
 */
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import type { JsonObject } from '../load/load-document.js';
import { asBlock, type Block, type ModelContext } from './context.js';
import type { ApiType, Route } from './ir.js';

const USE_REST = 'or use `api.type: rest`';

interface Refusal {
  /** Keys from the block down to the setting. */
  readonly path: readonly string[];
  /** Refused only for these values (default: any value). */
  readonly when?: (value: unknown) => boolean;
  /** An authorizer's setting: refused only on authorizers of this type. */
  readonly ofType?: string;
  readonly message: string;
  readonly hint: string;
  /** Default: `rest-only-setting` on HTTP APIs, `http-only-setting` on REST APIs. */
  readonly code?: string;
}

/** Settings of the root x-gateway block that HTTP APIs do not have. */
const REST_ONLY_ROOT: readonly Refusal[] = [
  {
    path: ['api', 'endpoint'],
    when: (v) => v !== 'regional',
    message: 'HTTP APIs have regional endpoints only: no edge-optimized or private ones.',
    hint: `Remove \`endpoint\` (HTTP APIs are regional; put CloudFront in front for an edge), ${USE_REST}.`,
  },
  {
    path: ['api', 'vpcEndpoints'],
    message: 'HTTP APIs cannot be private, so they take no VPC endpoints.',
    hint: `Remove \`vpcEndpoints\` and authorize callers with \`auth: iam\` or an authorizer, ${USE_REST} with \`endpoint: private\`.`,
  },
  {
    path: ['api', 'binaryMediaTypes'],
    message:
      'HTTP APIs have no binary media types: Lambda functions get binary bodies base64-encoded (isBase64Encoded), HTTP backends get them as they are.',
    hint: `Remove \`binaryMediaTypes\`, ${USE_REST}.`,
  },
  {
    path: ['api', 'minimumCompressionSize'],
    message: 'HTTP APIs do not compress responses.',
    hint: `Remove \`minimumCompressionSize\` and compress in the backend or a CDN, ${USE_REST}.`,
  },
  {
    path: ['apiKeys'],
    message: 'HTTP APIs have no API keys.',
    hint: `Remove \`apiKeys\`: authenticate callers with an authorizer, throttle with \`stage.throttle\` and per-route \`throttle\`, ${USE_REST}.`,
  },
  {
    path: ['usagePlans'],
    message: 'HTTP APIs have no usage plans (per-client throttling and quotas).',
    hint: `Remove \`usagePlans\`: throttle with \`stage.throttle\` and per-route \`throttle\`, ${USE_REST}.`,
  },
  {
    path: ['policy'],
    message: 'HTTP APIs have no resource policies.',
    hint: `Remove \`policy\`: use \`auth: iam\` (callers' IAM policies grant execute-api:Invoke) or an authorizer, ${USE_REST}.`,
  },
  {
    path: ['gatewayResponses'],
    message: 'HTTP APIs do not let you customize the responses the gateway sends itself.',
    hint: `Remove \`gatewayResponses\`, ${USE_REST}.`,
  },
  {
    path: ['stage', 'tracing'],
    message: 'HTTP APIs are not traced by AWS X-Ray.',
    hint: `Remove \`tracing\` and trace the backends (Lambda active tracing), ${USE_REST}.`,
  },
  {
    path: ['stage', 'logging'],
    message: 'HTTP APIs write no execution logs, only access logs.',
    hint: `Use \`stage.accessLog\` (its json format logs $context.integrationErrorMessage and $context.authorizer.error), ${USE_REST}.`,
  },
  {
    path: ['stage', 'cache'],
    message: 'HTTP APIs have no response cache.',
    hint: `Remove \`cache\` and cache in the backend or a CDN, ${USE_REST}.`,
  },
  {
    path: ['stage', 'webAcl'],
    message: 'HTTP APIs cannot be associated with AWS WAF.',
    hint: `Remove \`webAcl\` and filter in front of the API (a CloudFront distribution with a web ACL), ${USE_REST}.`,
  },
  {
    path: ['stage', 'clientCertificate'],
    message: 'HTTP APIs have no client certificates for backends.',
    hint:
      `Remove \`clientCertificate\` and authenticate to the backend another way (a secret header the ` +
      `integration sets, or IAM through a Lambda function), ${USE_REST}.`,
  },
  {
    path: ['domain', 'endpoint'],
    when: (v) => v !== 'regional',
    message:
      'Custom domains of HTTP APIs are regional only: no edge-optimized or private ones (HTTP APIs cannot be private).',
    hint: `Remove \`endpoint\` (regional), ${USE_REST} (a private REST API takes a private domain).`,
  },
  {
    path: ['domain', 'vpcEndpoints'],
    message: 'HTTP APIs have no private custom domains, so their domains take no VPC endpoints.',
    hint: `Remove \`vpcEndpoints\`, ${USE_REST} with \`endpoint: private\` on the API and the domain.`,
  },
  {
    path: ['domain', 'share'],
    message: 'HTTP APIs have no private custom domains to share with other accounts.',
    hint: `Remove \`share\`, ${USE_REST} with \`endpoint: private\` on the API and the domain.`,
  },
  {
    path: ['domain', 'securityPolicy'],
    when: (v) => v !== 'TLS_1_2',
    message: 'Custom domains of HTTP APIs accept TLS 1.2 only (TLS_1_2; no enhanced SecurityPolicy_* policy).',
    hint: `Remove \`securityPolicy\` (TLS_1_2), ${USE_REST}.`,
  },
  {
    path: ['domain', 'endpointAccessMode'],
    message: 'Custom domains of HTTP APIs have no endpoint access mode (it comes with the enhanced security policies).',
    hint: `Remove \`endpointAccessMode\`, ${USE_REST}.`,
  },
  {
    path: ['domain', 'routing'],
    message: 'Routing rules cannot invoke HTTP APIs.',
    hint: 'Map the API with `basePath` (an API mapping), or route to REST APIs only.',
  },
];

const SERVICE_ALTERNATIVE = `Call it from a Lambda function (\`lambda:\`), ${USE_REST}, whose direct integrations include it.`;

/** Settings of an operation, path item or `defaults` block that HTTP APIs do not have. */
const REST_ONLY_OPERATION: readonly Refusal[] = [
  {
    path: ['validate'],
    message: 'HTTP APIs do not validate requests.',
    hint: `Remove \`validate\` and validate in the backend, ${USE_REST}.`,
  },
  {
    path: ['apiKey'],
    message: 'HTTP APIs have no API keys.',
    hint: `Remove \`apiKey\` and authenticate callers with an authorizer, ${USE_REST}.`,
  },
  {
    path: ['cache'],
    message: 'HTTP APIs have no response cache.',
    hint: `Remove \`cache\` and cache in the backend or a CDN, ${USE_REST}.`,
  },
  {
    path: ['integration', 'lambda', 'proxy'],
    when: (v) => v === false,
    message:
      'HTTP APIs have no non-proxy Lambda integrations: the function receives the request as an event and answers for itself.',
    hint: `Remove \`proxy: false\` and shape the event in the function (map headers and query parameters with \`integration.request\`), ${USE_REST}.`,
  },
  {
    path: ['integration', 'lambda', 'stream'],
    when: (v) => v === true,
    message: 'HTTP APIs do not stream responses: only REST APIs do (responseTransferMode).',
    hint: `Remove \`stream\`, stream from a Lambda function URL, ${USE_REST}.`,
  },
  {
    path: ['integration', 'mock'],
    message: 'HTTP APIs have no mock integrations: every route reaches a backend.',
    hint: `Answer from a Lambda function, ${USE_REST}.`,
  },
  {
    path: ['integration', 'dynamodb'],
    message:
      'HTTP APIs have no DynamoDB integration: their AWS service integrations are SQS, EventBridge, Kinesis, Step Functions and AppConfig.',
    hint: SERVICE_ALTERNATIVE,
  },
  {
    path: ['integration', 'firehose'],
    message:
      'HTTP APIs have no Firehose integration: their AWS service integrations are SQS, EventBridge, Kinesis, Step Functions and AppConfig.',
    hint: SERVICE_ALTERNATIVE,
  },
  {
    path: ['integration', 's3'],
    message:
      'HTTP APIs have no S3 integration: their AWS service integrations are SQS, EventBridge, Kinesis, Step Functions and AppConfig.',
    hint: SERVICE_ALTERNATIVE,
  },
  {
    path: ['integration', 'sns'],
    message:
      'HTTP APIs have no SNS integration: their AWS service integrations are SQS, EventBridge, Kinesis, Step Functions and AppConfig.',
    hint: SERVICE_ALTERNATIVE,
  },
  {
    path: ['integration', 'sqs', 'attributes'],
    code: 'http-sqs-attributes',
    message:
      'gateform does not map SQS message attributes on HTTP APIs: AWS does not document how SQS-SendMessage reads request values into MessageAttributes.',
    hint: `Send them in the message body, ${USE_REST}.`,
  },
  {
    path: ['integration', 'requestTemplate'],
    message: 'HTTP APIs have no mapping templates: they cannot transform a request body.',
    hint: `Remove \`requestTemplate\`, ${USE_REST}.`,
  },
  {
    path: ['integration', 'responseTemplate'],
    message: 'HTTP APIs have no mapping templates: they cannot transform a response body.',
    hint: `Remove \`responseTemplate\`, ${USE_REST}.`,
  },
];

/**
 * Integration settings of HTTP API routes only: service actions that are HTTP API subtypes (gateform has
 * no mapping template for them), and the TLS server name of a private integration.
 */
const HTTP_ONLY_ROUTE_SETTINGS: readonly Refusal[] = [
  {
    path: ['integration', 'sqs', 'action'],
    when: (v) => v !== 'SendMessage',
    code: 'http-only-setting',
    message: 'gateform receives, deletes and purges SQS messages through the SQS subtypes of HTTP APIs only.',
    hint: 'Set `api.type: http` (a WebSocket route can send messages only), or call SQS from a Lambda function.',
  },
  {
    path: ['integration', 'stepfunctions', 'action'],
    when: (v) => v === 'StopExecution',
    code: 'http-only-setting',
    message:
      'gateform stops Step Functions executions through the StepFunctions-StopExecution subtype of HTTP APIs only.',
    hint: 'Set `api.type: http`, or call Step Functions from a Lambda function.',
  },
  {
    path: ['integration', 'tls'],
    code: 'http-only-setting',
    message: '`tls` sets the name an HTTP API verifies on a private backend; gateform sets it on HTTP APIs only.',
    hint: 'Remove it, or set `api.type: http`.',
  },
];

/** Settings that only HTTP APIs have, anywhere an integration is written. */
const HTTP_ONLY_INTEGRATION: readonly Refusal[] = [
  {
    path: ['integration', 'payloadFormat'],
    message: '`payloadFormat` is the Lambda event version of HTTP APIs; REST and WebSocket APIs send one event format.',
    hint: 'Remove it, or set `api.type: http`.',
  },
  ...HTTP_ONLY_ROUTE_SETTINGS,
];

const WEBSOCKET_REFUSALS: readonly Refusal[] = [
  ...HTTP_ONLY_ROUTE_SETTINGS,
  {
    path: ['integration', 'payloadFormat'],
    code: 'websocket-payload-format',
    message: '`payloadFormat` is the Lambda event version of HTTP API routes; WebSocket routes send one event format.',
    hint: 'Remove it.',
  },
];

const HTTP_ONLY_ROOT: readonly Refusal[] = [
  {
    path: ['stage', 'name'],
    when: (v) => v === '$default',
    message: '`$default` is a stage name of HTTP APIs only; REST stage names are letters, digits, `_` and `-`.',
    hint: 'Name the stage (e.g. prod), or set `api.type: http`.',
  },
];

/** HTTP-only fields of a REST authorizer (the schema allows them on its type). */
const HTTP_ONLY_AUTHORIZER: readonly Refusal[] = [
  {
    path: ['type'],
    when: (v) => v === 'jwt',
    message: 'gateform compiles JWT authorizers for HTTP APIs only.',
    hint: 'Set `api.type: http`, or use a `cognito` or `request` authorizer.',
  },
  {
    path: ['audience'],
    ofType: 'cognito',
    message:
      '`audience` applies to HTTP APIs, where a Cognito authorizer is a JWT authorizer; a REST Cognito ' +
      "authorizer accepts the pool's tokens for any app client.",
    hint: 'Remove it, or set `api.type: http`.',
  },
  {
    path: ['simpleResponses'],
    message: '`simpleResponses` applies to Lambda authorizers of HTTP APIs; REST ones answer with an IAM policy.',
    hint: 'Remove it, or set `api.type: http`.',
  },
];

const REST_ONLY_AUTHORIZER: readonly Refusal[] = [
  {
    path: ['type'],
    when: (v) => v === 'token',
    message: 'HTTP APIs have no token authorizers.',
    hint: 'Use `type: request` with `identity: [header.Authorization]` (the function reads the header from its event), or `type: jwt` for JSON Web Tokens.',
  },
];

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

/** The settings of `document` that its kind of API does not have, each with where it is in the document. */
export function settingsOfOtherKind(
  document: JsonObject,
  type: ApiType,
  locate: (pointer: string) => Location,
): { readonly pointer: string; readonly diagnostic: Diagnostic }[] {
  const code = type === 'http' ? 'rest-only-setting' : 'http-only-setting';
  const found: { pointer: string; diagnostic: Diagnostic }[] = [];
  const check = (block: Block, pointer: string, refusals: readonly Refusal[]): void => {
    for (const refusal of refusals) {
      const value = refusal.path.reduce<unknown>((node, key) => asBlock(node)[key], block);
      const parent = asBlock(refusal.path.slice(0, -1).reduce<unknown>((node, key) => asBlock(node)[key], block));
      if (
        !Object.hasOwn(parent, refusal.path.at(-1)!) ||
        (refusal.when && !refusal.when(value)) ||
        (refusal.ofType !== undefined && block['type'] !== refusal.ofType)
      )
        continue;
      const at = childPointer(pointer, ...refusal.path);
      found.push({
        pointer: at,
        diagnostic: {
          code: refusal.code ?? code,
          severity: 'error',
          message: refusal.message,
          location: locate(at),
          hint: refusal.hint,
        },
      });
    }
  };
  const root = asBlock(document['x-gateway']);
  const operationRefusals = type === 'http' ? REST_ONLY_OPERATION : HTTP_ONLY_INTEGRATION;
  check(root, '/x-gateway', type === 'http' ? REST_ONLY_ROOT : HTTP_ONLY_ROOT);
  check(asBlock(root['defaults']), '/x-gateway/defaults', operationRefusals);
  for (const [name, authorizer] of Object.entries(asBlock(root['authorizers']))) {
    check(
      asBlock(authorizer),
      childPointer('/x-gateway/authorizers', name),
      type === 'http' ? REST_ONLY_AUTHORIZER : HTTP_ONLY_AUTHORIZER,
    );
  }
  for (const [path, raw] of Object.entries(asBlock(document['paths']))) {
    const item = asBlock(raw);
    check(asBlock(item['x-gateway']), childPointer('/paths', path, 'x-gateway'), operationRefusals);
    for (const key of OPERATION_KEYS)
      check(
        asBlock(asBlock(item[key])['x-gateway']),
        childPointer('/paths', path, key, 'x-gateway'),
        operationRefusals,
      );
  }
  for (const [key, route] of Object.entries(asBlock(asBlock(root['websocket'])['routes']))) {
    check(asBlock(route), childPointer('/x-gateway/websocket/routes', key), WEBSOCKET_REFUSALS);
  }
  return found;
}

/**
 * Routes per HTTP API: 300 unless the quota is raised; integrations per HTTP API: 300, a quota AWS does
 * not raise (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html).
 */
const MAX_HTTP_ROUTES = 300;
const MAX_HTTP_INTEGRATIONS = 300;

export function checkHttpQuotas(ctx: ModelContext, routes: readonly Route[]): void {
  if (ctx.apiType !== 'http') return;
  // Each route's x-amazon-apigateway-integration is an integration of its own in the Body; whether the import
  // merges identical ones is not documented, so this is a warning, not an error.
  if (routes.length > MAX_HTTP_INTEGRATIONS)
    ctx.report(
      'http-api-integrations-over-quota',
      'warning',
      `The HTTP API has ${routes.length} integrations, one per route; API Gateway allows ${MAX_HTTP_INTEGRATIONS} per API, a quota it does not raise.`,
      '/paths',
      'Split the API, or send several paths to one integration through a greedy route (`/{proxy+}`).',
    );
  if (routes.length > MAX_HTTP_ROUTES)
    ctx.report(
      'http-api-routes-over-quota',
      'warning',
      `The HTTP API has ${routes.length} routes; API Gateway allows ${MAX_HTTP_ROUTES} per API unless the quota is raised.`,
      '/paths',
      'Request the routes-per-API quota increase before deploying, or split the API.',
    );
}
