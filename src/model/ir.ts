/**
 * The intermediate representation: a plain, fully resolved description of the gateway (DESIGN.md
 * principle 2). Built once by `buildModel`; emitters and lint rules read it and never re-parse `x-gateway`.
 * Every node keeps the JSON pointer it came from, so any later stage can report a location.
 */
import type { AwsValue, CfnString, Json } from './aws-value.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'ANY';

export type EndpointType = 'edge' | 'regional' | 'private';

/** A REST API (AWS::ApiGateway::RestApi) or an HTTP API (AWS::ApiGatewayV2::Api). */
export type ApiType = 'rest' | 'http';

/** Where something was written: file and JSON pointer. */
export interface Origin {
  readonly file: string;
  readonly pointer: string;
}

export interface LambdaIntegration {
  readonly kind: 'lambda';
  /** The function's ARN (built from its name when given one). */
  readonly function: AwsValue;
  /** An invoke role API Gateway assumes instead of a resource-based permission on the function. */
  readonly role?: AwsValue;
  readonly timeout: number;
  /** HTTP APIs: the version of the event the function receives. */
  readonly payloadFormat: '1.0' | '2.0';
  /** REST APIs: false for a non-proxy (`aws`) integration, whose templates shape the event and the answer. */
  readonly proxy: boolean;
  /** REST APIs: the function's answer is streamed (`responseTransferMode: STREAM`, InvokeWithResponseStream). */
  readonly stream: boolean;
  /** Non-proxy only: the user's request / success-response mapping templates, used as written. */
  readonly requestTemplate?: string;
  readonly responseTemplate?: string;
  readonly mapping?: ParameterMapping;
  readonly origin: Origin;
}

export interface HttpIntegration {
  readonly kind: 'http';
  /** Backend URL; `{name}` segments are filled from path parameters of the same name. */
  readonly url: AwsValue;
  readonly vpcLink?: VpcLink;
  /** HTTP APIs, private integrations: the name the backend's TLS certificate must carry. */
  readonly tlsServerName?: string;
  readonly timeout: number;
  readonly mapping?: ParameterMapping;
  readonly origin: Origin;
}

/**
 * The VPC link of a private integration: an existing one by id, or one gateform creates, either a VPC link
 * of HTTP APIs placed in subnets (`AWS::ApiGatewayV2::VpcLink`) or a VPC link of REST and WebSocket APIs
 * to Network Load Balancers (`AWS::ApiGateway::VpcLink`).
 */
export type VpcLink =
  | { readonly kind: 'existing'; readonly id: AwsValue }
  | {
      readonly kind: 'subnets';
      readonly subnets: readonly AwsValue[];
      readonly securityGroups: readonly AwsValue[];
      readonly origin: Origin;
    }
  | { readonly kind: 'targets'; readonly targets: readonly AwsValue[]; readonly origin: Origin };

export interface MockIntegration {
  readonly kind: 'mock';
  readonly status: number;
  readonly body?: Json;
  readonly mapping?: ParameterMapping;
  readonly origin: Origin;
}

/** An `x-amazon-apigateway-integration` the spec already carries: kept as written. */
export interface RawIntegration {
  readonly kind: 'raw';
  /** The Lambda function its `uri` invokes without `credentials` ('unreadable': built by an intrinsic other than `Fn::Sub`). */
  readonly invokes?: AwsValue | 'unreadable';
  readonly origin: Origin;
}

export type Integration = LambdaIntegration | HttpIntegration | MockIntegration | RawIntegration | ServiceIntegration;

// Direct AWS service integrations: one member per service, each with what the integration needs (its
// target and where each value comes from in the request). Each has its module in integrations/.

/**
 * Whether a value that names a service's resource gives its ARN, its URL (SQS queues) or its name
 * (integrations/resource-form.ts reads it).
 */
export type ResourceForm = 'arn' | 'url' | 'name';

/**
 * Where a service integration takes a value from the request: `body` (the whole body), `body.a.b` (a
 * field), `path.id`, `query.q`, `header.X-Id`, `context.requestId`, `stageVariables.name`, or a
 * `'literal'` (integrations/request-values.ts turns it into Velocity).
 */
export type RequestValue = string;

/** What every service integration has. */
export interface ServiceCommon {
  /** An existing role API Gateway assumes, instead of the generated least-privilege one. */
  readonly role?: AwsValue;
  /** The user's own request / success-response mapping templates, used as written. */
  readonly requestTemplate?: string;
  readonly responseTemplate?: string;
  readonly timeout: number;
  readonly mapping?: ParameterMapping;
  readonly origin: Origin;
}

/** One value an integration maps: the parameter or header it sets, and the request or response value it takes. */
export interface MappedValue {
  readonly name: string;
  readonly value: RequestValue;
  readonly origin: Origin;
}

/**
 * Parameter mapping (`integration.request` / `integration.response`): the headers, query string
 * parameters and URL path variables sent to the backend, and the headers of the answer. In
 * `responseHeaders`, `header.X` and `body…` name the backend's response.
 */
export interface ParameterMapping {
  readonly headers: readonly MappedValue[];
  readonly query: readonly MappedValue[];
  readonly path: readonly MappedValue[];
  readonly responseHeaders: readonly MappedValue[];
}

export interface MessageAttribute {
  readonly name: string;
  readonly value: RequestValue;
}

export type SqsAction = 'SendMessage' | 'ReceiveMessage' | 'DeleteMessage' | 'PurgeQueue';

export interface SqsIntegration extends ServiceCommon {
  readonly kind: 'sqs';
  /** Queue ARN, URL or name. */
  readonly queue: AwsValue;
  readonly queueForm: ResourceForm;
  /** ReceiveMessage, DeleteMessage and PurgeQueue: HTTP APIs only (the model refuses them elsewhere). */
  readonly action: SqsAction;
  /** SendMessage: the message; the other actions send no message. */
  readonly body?: RequestValue;
  /** DeleteMessage: the receipt handle of the message. */
  readonly receiptHandle?: RequestValue;
  /** ReceiveMessage: MaxNumberOfMessages, VisibilityTimeout, WaitTimeSeconds. */
  readonly maxMessages?: RequestValue;
  readonly visibilityTimeout?: RequestValue;
  readonly waitTime?: RequestValue;
  readonly attributes: readonly MessageAttribute[];
  readonly groupId?: RequestValue;
  readonly deduplicationId?: RequestValue;
  /** The ARN of the customer managed KMS key the queue is encrypted with, when `--into` names one. */
  readonly encryptionKey?: CfnString;
}

export interface SnsIntegration extends ServiceCommon {
  readonly kind: 'sns';
  /** Topic ARN or name. */
  readonly topic: AwsValue;
  readonly topicForm: ResourceForm;
  readonly message: RequestValue;
  readonly subject?: RequestValue;
  readonly attributes: readonly MessageAttribute[];
  readonly groupId?: RequestValue;
  readonly deduplicationId?: RequestValue;
  /** The ARN of the customer managed KMS key the topic is encrypted with, when `--into` names one. */
  readonly encryptionKey?: CfnString;
}

export type DynamoDbAction = 'PutItem' | 'GetItem' | 'Query' | 'Scan' | 'UpdateItem' | 'DeleteItem';

export interface DynamoDbAttribute {
  readonly name: string;
  readonly value: RequestValue;
  /** DynamoDB type: S (string), N (number) or BOOL. */
  readonly type: 'S' | 'N' | 'BOOL';
}

export interface DynamoDbIntegration extends ServiceCommon {
  readonly kind: 'dynamodb';
  readonly action: DynamoDbAction;
  /** Table name or ARN. */
  readonly table: AwsValue;
  readonly tableForm: ResourceForm;
  readonly key: readonly DynamoDbAttribute[];
  readonly item: readonly DynamoDbAttribute[];
  readonly update: readonly DynamoDbAttribute[];
  readonly index?: string;
  /** Query and Scan: the page size and the page to start at. */
  readonly page?: DynamoDbPage;
}

/** A key attribute of the items a Query or Scan reads (LastEvaluatedKey holds them): S, N or B. */
export interface DynamoDbKeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
}

export interface DynamoDbPage {
  /** The page size the request asks for; capped at `maxLimit`. */
  readonly limit?: RequestValue;
  /** The Limit sent when the request asks for more or for no size; undefined: no Limit unless `limit` is given. */
  readonly maxLimit?: number;
  /** The token of the page to start at (the `next` of the previous page), and the key attributes it holds. */
  readonly startKey?: { readonly from: RequestValue; readonly attributes: readonly DynamoDbKeyAttribute[] };
}

export type S3Action = 'GetObject' | 'PutObject' | 'DeleteObject';

export interface S3Integration extends ServiceCommon {
  readonly kind: 's3';
  readonly action: S3Action;
  /** Bucket name or ARN. */
  readonly bucket: AwsValue;
  readonly bucketForm: ResourceForm;
  /** Object key template: literal text and `{pathParameter}` segments. */
  readonly key: string;
}

export interface StepFunctionsIntegration extends ServiceCommon {
  readonly kind: 'stepfunctions';
  /** StopExecution: HTTP APIs only (the model refuses it elsewhere). */
  readonly action: 'StartExecution' | 'StartSyncExecution' | 'StopExecution';
  /** State machine ARN or name (StopExecution: the machine whose executions the route may stop). */
  readonly stateMachine: AwsValue;
  readonly stateMachineForm: ResourceForm;
  /** StartExecution, StartSyncExecution: the execution input (StopExecution has none). */
  readonly input?: RequestValue;
  readonly name?: RequestValue;
  /** StopExecution: the execution ARN, and the optional cause and error it is stopped with. */
  readonly execution?: RequestValue;
  readonly cause?: RequestValue;
  readonly error?: RequestValue;
}

export interface EventBridgeIntegration extends ServiceCommon {
  readonly kind: 'eventbridge';
  /** Event bus name or ARN. */
  readonly bus: AwsValue;
  readonly busForm: ResourceForm;
  readonly source: string;
  readonly detailType: string;
  readonly detail: RequestValue;
}

export interface KinesisIntegration extends ServiceCommon {
  readonly kind: 'kinesis';
  /** Stream name or ARN. */
  readonly stream: AwsValue;
  readonly streamForm: ResourceForm;
  readonly partitionKey: RequestValue;
  readonly data: RequestValue;
  /** The ARN of the customer managed KMS key the stream is encrypted with, when `--into` names one. */
  readonly encryptionKey?: CfnString;
}

export interface FirehoseIntegration extends ServiceCommon {
  readonly kind: 'firehose';
  /** Firehose stream name or ARN. */
  readonly stream: AwsValue;
  readonly streamForm: ResourceForm;
  readonly data: RequestValue;
}

export type ServiceIntegration =
  | SqsIntegration
  | SnsIntegration
  | DynamoDbIntegration
  | S3Integration
  | StepFunctionsIntegration
  | EventBridgeIntegration
  | KinesisIntegration
  | FirehoseIntegration;

export type ServiceKind = ServiceIntegration['kind'];

export const SERVICE_KINDS: readonly ServiceKind[] = [
  'sqs',
  'sns',
  'dynamodb',
  's3',
  'stepfunctions',
  'eventbridge',
  'kinesis',
  'firehose',
];

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly origin: Origin;
}

// ---- Access control -------------------------------------------------------------------------------

export interface CognitoAuthorizer {
  readonly kind: 'cognito';
  readonly name: string;
  readonly userPools: readonly AwsValue[];
  readonly header: string;
  readonly origin: Origin;
}

export interface TokenAuthorizer {
  readonly kind: 'token';
  readonly name: string;
  readonly function: AwsValue;
  readonly header: string;
  readonly ttl: number;
  readonly pattern?: string;
  readonly role?: AwsValue;
  readonly origin: Origin;
}

export interface RequestAuthorizer {
  readonly kind: 'request';
  readonly name: string;
  readonly function: AwsValue;
  /** API Gateway identity source expressions: `method.request.header.X`, `method.request.querystring.q`, … */
  readonly identity: readonly string[];
  readonly ttl: number;
  readonly role?: AwsValue;
  /** HTTP APIs: the function answers `{isAuthorized, context}` rather than an IAM policy. */
  readonly simpleResponses: boolean;
  readonly origin: Origin;
}

/** HTTP APIs: a JWT authorizer (a `cognito` one becomes one for its user pool). */
export interface JwtAuthorizer {
  readonly kind: 'jwt';
  readonly name: string;
  readonly issuer: AwsValue;
  readonly audience: readonly AwsValue[];
  readonly header: string;
  readonly origin: Origin;
}

export type Authorizer = CognitoAuthorizer | TokenAuthorizer | RequestAuthorizer | JwtAuthorizer;

/** How one route is authorized. */
export type RouteAuth =
  | { readonly kind: 'none'; readonly origin: Origin }
  | { readonly kind: 'iam'; readonly origin: Origin }
  | {
      readonly kind: 'authorizer';
      readonly authorizer: Authorizer;
      readonly scopes: readonly string[];
      readonly origin: Origin;
    };

/** A number, or a `${Name}` placeholder for one (a template parameter of type Number). */
export type NumberSetting = number | string;

export interface Throttle {
  readonly rate: NumberSetting;
  readonly burst: NumberSetting;
}

export interface UsagePlan {
  readonly name: string;
  readonly description?: string;
  readonly throttle?: Throttle;
  readonly quota?: {
    readonly limit: NumberSetting;
    readonly period: 'DAY' | 'WEEK' | 'MONTH';
    readonly offset?: NumberSetting;
  };
  /** Per-method throttles by the route they apply to. */
  readonly methods: readonly { readonly route: Route; readonly throttle: Throttle }[];
  readonly origin: Origin;
}

export interface ApiKey {
  readonly name: string;
  readonly plan: UsagePlan;
  readonly description?: string;
  /** Name of the NoEcho template parameter that imports an existing value. */
  readonly valueParameter?: string;
  readonly origin: Origin;
}

export interface PolicyPrincipals {
  readonly accounts: readonly AwsValue[];
  readonly vpcEndpoints: readonly AwsValue[];
  readonly vpcs: readonly AwsValue[];
  readonly sourceIps: readonly string[];
}

/** Where the calls to a private API may come from: a call through any other VPC endpoint is denied. */
export interface PrivateSources {
  readonly vpcEndpoints: readonly AwsValue[];
  readonly vpcs: readonly AwsValue[];
}

export type ResourcePolicy =
  | {
      readonly kind: 'rules';
      readonly allow: PolicyPrincipals;
      readonly deny: PolicyPrincipals;
      /** Some operation takes unauthenticated callers, whom only an explicit Allow admits. */
      readonly anonymousCallers: boolean;
      readonly privateTo?: PrivateSources;
      readonly origin: Origin;
    }
  /** `policy.raw`, or on a private API the document's own `x-amazon-apigateway-policy`. */
  | { readonly kind: 'raw'; readonly document: Json; readonly privateTo?: PrivateSources; readonly origin: Origin }
  /** Generated for a private API that names VPC endpoints and no policy. */
  | { readonly kind: 'vpc-endpoints'; readonly vpcEndpoints: readonly AwsValue[]; readonly origin: Origin };

export interface AccessControl {
  readonly authorizers: readonly Authorizer[];
  readonly apiKeySource: 'HEADER' | 'AUTHORIZER';
  readonly usagePlans: readonly UsagePlan[];
  readonly apiKeys: readonly ApiKey[];
  readonly policy?: ResourcePolicy;
}

/** What API Gateway validates before calling the backend. */
export type Validation = 'all' | 'body' | 'params' | 'none';

// ---- Routes -----------------------------------------------------------------------------------------

export interface Route {
  /** PascalCase name unique within the API, used in logical IDs: `GetPetsPetId`. */
  readonly id: string;
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/pets/{petId}`. */
  readonly path: string;
  readonly operationId?: string;
  readonly parameters: readonly Parameter[];
  readonly hasRequestBody: boolean;
  /** Status codes the operation declares (`default` left out). */
  readonly responses: readonly string[];
  readonly integration: Integration;
  /** Undefined when nothing sets it: the operation keeps what the spec says (no authorization). */
  readonly auth?: RouteAuth;
  readonly apiKey: boolean;
  /** Where `apiKey: true` was written: on the operation, its path item, or in the defaults. */
  readonly apiKeyOrigin?: Origin;
  /** Undefined when nothing sets it: the operation keeps what the spec says. */
  readonly validate?: Validation;
  readonly throttle?: Throttle;
  /** Response caching: TTL and the method request parameters (`method.request.path.id`) that key it. */
  readonly cache?: { readonly ttl?: NumberSetting; readonly keys: readonly string[] };
  /** The operation object (for `ANY`, the `x-amazon-apigateway-any-method` object). */
  readonly origin: Origin;
}

/** What a template parameter must hold, from the checks of the one place it stands for whole. */
export interface ParameterConstraints {
  readonly type?: 'Number';
  readonly allowedPattern?: string;
  readonly allowedValues?: readonly string[];
  readonly minValue?: number;
  readonly maxValue?: number;
}

export interface TemplateParameter extends ParameterConstraints {
  readonly name: string;
  readonly description: string;
  readonly default?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly noEcho?: boolean;
  /** Said when a value breaks `allowedPattern`. */
  readonly constraintDescription?: string;
  /** The form the template reads a generated parameter in (a name, an ARN, a URL), once a use decides it. */
  readonly form?: ResourceForm;
  readonly origin?: Origin;
}

export interface Stage {
  /** Its key under `stages` (undefined: the single `stage`), which names its logical IDs: never a placeholder's value. */
  readonly key?: string;
  /** The Stage's logical ID: `<Api>Stage`, or `<Api>Stage<Key>` for an entry of `stages`. */
  readonly logicalId: string;
  /** Where it was written: `/x-gateway/stage` or `/x-gateway/stages/<key>`. */
  readonly pointer: string;
  readonly name: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly tracing: boolean;
  readonly metrics: boolean;
  readonly logging?: {
    readonly level: 'ERROR' | 'INFO' | 'OFF';
    readonly dataTrace: boolean;
    readonly accountRole: boolean;
  };
  /** Access log format (one line) and where it goes: a generated log group, or an existing destination. */
  readonly accessLog?: { readonly format: string; readonly retentionDays?: number; readonly destination?: AwsValue };
  readonly throttle?: Throttle;
  /** `size` as written: a size, or a `${Name}` placeholder. */
  readonly cache?: { readonly size: string; readonly ttl: NumberSetting; readonly encrypted: boolean };
  /** The AWS WAF web ACL (regional scope) that filters the stage's requests (REST). */
  readonly webAcl?: AwsValue;
  /** A client certificate the stage presents to HTTP backends (REST). */
  readonly clientCertificate: boolean;
  /** CloudWatch alarms on the stage's metrics: thresholds (percent, milliseconds), undefined when turned off. */
  readonly alarms?: Alarms;
  /** One CloudWatch dashboard for the API. */
  readonly dashboard: boolean;
  /** A canary release: this template's deployment serves `percent` of the requests, the stage's base deployment the rest (REST). */
  readonly canary?: Canary;
  readonly origin?: Origin;
}

export interface Canary {
  readonly percent: number;
  /** Stage variables the canary's requests see instead of the stage's (added to them). */
  readonly variables: Readonly<Record<string, string>>;
  readonly useStageCache: boolean;
}

export interface Alarms {
  /** SNS topics told when an alarm goes off and when it recovers. */
  readonly notify: readonly AwsValue[];
  readonly serverErrorRate?: number;
  readonly clientErrorRate?: number;
  readonly latencyP99?: number;
  readonly integrationLatencyP99?: number;
}

export interface Cors {
  readonly origins: readonly string[];
  readonly headers: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly credentials: boolean;
  readonly maxAge?: number;
  readonly origin: Origin;
}

export interface GatewayResponse {
  readonly type: string;
  readonly status?: number;
  /** Header → mapping expression (`'literal'`, `method.request.header.X`, …). */
  readonly headers: Readonly<Record<string, string>>;
  readonly templates: Readonly<Record<string, string>>;
}

export interface RoutingRule {
  readonly priority: number;
  readonly headers: readonly { readonly name: string; readonly glob: string }[];
  readonly basePaths: readonly string[];
  /** Undefined: this API. */
  readonly api?: AwsValue;
  readonly stage?: AwsValue;
  readonly stripBasePath: boolean;
  readonly origin: Origin;
}

export type IpAddressType = 'ipv4' | 'dualstack';

/** https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies-list.html */
export type SecurityPolicy =
  | 'TLS_1_0'
  | 'TLS_1_2'
  | 'SecurityPolicy_TLS13_1_3_2025_09'
  | 'SecurityPolicy_TLS13_1_3_FIPS_2025_09'
  | 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09'
  | 'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09'
  | 'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09'
  | 'SecurityPolicy_TLS13_1_2_PQ_2025_09'
  | 'SecurityPolicy_TLS13_1_2_2021_06'
  | 'SecurityPolicy_TLS13_2025_EDGE'
  | 'SecurityPolicy_TLS12_PFS_2025_EDGE'
  | 'SecurityPolicy_TLS12_2018_EDGE';

export interface CustomDomain {
  readonly name: string;
  readonly certificate: AwsValue;
  /** `private`: a private custom domain (AWS::ApiGateway::DomainNameV2) in front of a private REST API. */
  readonly endpoint: 'regional' | 'edge' | 'private';
  readonly securityPolicy: SecurityPolicy;
  /** Set with an enhanced (`SecurityPolicy_*`) policy only. */
  readonly endpointAccessMode?: 'BASIC' | 'STRICT';
  readonly ipAddressType?: IpAddressType;
  /**
   * Mutual TLS: the truststore's S3 URI and object version, and the ACM-issued certificate that proves the
   * domain is owned when the server certificate is imported or from a private CA.
   */
  readonly mtls?: {
    readonly truststore: AwsValue;
    readonly version?: AwsValue;
    readonly ownershipCertificate?: AwsValue;
  };
  /** A private domain's callers. */
  readonly access?: PrivateDomainAccess;
  /** Undefined: no base path mapping (routing rules only); '' maps the root. */
  readonly basePath?: string;
  readonly hostedZoneId?: AwsValue;
  readonly rules: readonly RoutingRule[];
  readonly origin: Origin;
}

/**
 * Who may call a private custom domain: the domain's resource policy admits every VPC endpoint listed;
 * those of this account get a domain name access association each, other accounts get a AWS RAM share and
 * associate their own endpoints (an association is created in the endpoint's account).
 */
export interface PrivateDomainAccess {
  readonly vpcEndpoints: readonly AwsValue[];
  readonly share?: { readonly accounts: readonly AwsValue[]; readonly vpcEndpoints: readonly AwsValue[] };
}

export interface Api {
  readonly type: ApiType;
  /** The API's name in AWS, as written: `${Name}` placeholders are template parameters (`cfnText`). */
  readonly name: string;
  /** PascalCase prefix of every logical ID: `PetsApi`. */
  readonly logicalId: string;
  readonly endpoint: EndpointType;
  /** Private APIs: the VPC endpoints that may call it. */
  readonly vpcEndpoints: readonly AwsValue[];
  readonly disableDefaultEndpoint: boolean;
  /** IPv4 only, or IPv4 and IPv6; undefined: API Gateway's default (ipv4; dualstack for private APIs). */
  readonly ipAddressType?: IpAddressType;
  readonly binaryMediaTypes: readonly string[];
  readonly minimumCompressionSize?: number;
  /** With `${Name}` placeholders, as the name. */
  readonly description?: string;
  /** Tags for every taggable resource of the API, in the order written; values take `${Name}` placeholders. */
  readonly tags: readonly { readonly key: string; readonly value: string }[];
  /** Where the name came from (`x-gateway.api.name`, else `info.title`). */
  readonly origin: Origin;
}

// ---- WebSocket ---------------------------------------------------------------------------------------

export interface WebSocketRoute {
  /** `$connect`, `$disconnect`, `$default` or a custom route key. */
  readonly key: string;
  /** PascalCase name for logical IDs: `Connect`, `SendMessage`. */
  readonly id: string;
  readonly integration?: Integration;
  /** `$connect` only. */
  readonly auth?: { readonly kind: 'iam' } | { readonly kind: 'authorizer'; readonly authorizer: RequestAuthorizer };
  /** The request model API Gateway validates messages with: the component schema, `$ref`s resolved (as written: 3.0 or 3.1). */
  readonly model?: { readonly name: string; readonly schema: Json };
  /** Two-way: the backend's answer (a mock's body) is sent back to the client (a route response). */
  readonly reply: boolean;
  readonly origin: Origin;
}

export interface WebSocketApi {
  readonly name: string;
  readonly logicalId: string;
  readonly routeSelection: string;
  readonly stage: {
    readonly name: string;
    readonly logging?: 'ERROR' | 'INFO';
    readonly dataTrace: boolean;
    /** The stage asks for the account's CloudWatch role (created with the REST stage's when both ask). */
    readonly accountRole: boolean;
    readonly metrics: boolean;
    readonly throttle?: Throttle;
    readonly accessLog?: Stage['accessLog'];
    /** The REST stage's variables, with the WebSocket stage's own on top. */
    readonly variables: Readonly<Record<string, string>>;
  };
  /** Connection ids kept in DynamoDB by `$connect` / `$disconnect` without code. */
  readonly connections?: {
    readonly table: AwsValue;
    readonly tableForm: ResourceForm;
    readonly ttl?: number;
    readonly attributes: readonly { readonly name: string; readonly value: string }[];
  };
  readonly routes: readonly WebSocketRoute[];
  readonly origin: Origin;
}

export interface GatewayModel {
  readonly file: string;
  /** OpenAPI version family of the input (the Body is always 3.0). */
  readonly version: '3.0' | '3.1';
  readonly api: Api;
  /** The first of `stages`: the one the custom domain maps and the WebSocket stage takes its defaults from. */
  readonly stage: Stage;
  /** Every stage of the REST or HTTP API (one for `stage`, one per entry of `stages`), in document order. */
  readonly stages: readonly Stage[];
  readonly routes: readonly Route[];
  readonly access: AccessControl;
  readonly cors?: Cors;
  readonly gatewayResponses: readonly GatewayResponse[];
  readonly domain?: CustomDomain;
  readonly websocket?: WebSocketApi;
  /** Template parameters declared in `x-gateway.parameters` or implied by `${Name}` placeholders. */
  readonly parameters: readonly TemplateParameter[];
}
