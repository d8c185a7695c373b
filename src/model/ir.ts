/**
 * The intermediate representation: a plain, fully resolved description of the gateway (DESIGN.md
 * principle 2). Built once by `buildModel`; emitters and lint rules read it and never re-parse `x-gateway`.
 * Every node keeps the JSON pointer it came from, so any later stage can report a location.
 */
import type { AwsValue, Json } from './aws-value.js';
import type { ServiceIntegration } from '../integrations/service-types.js';
import type { ResourceForm } from '../integrations/resource-form.js';

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
  readonly function: AwsValue;
  readonly timeout: number;
  /** HTTP APIs: the version of the event the function receives. */
  readonly payloadFormat: '1.0' | '2.0';
  readonly origin: Origin;
}

export interface HttpIntegration {
  readonly kind: 'http';
  /** Backend URL; `{name}` segments are filled from path parameters of the same name. */
  readonly url: AwsValue;
  readonly vpcLink?: AwsValue;
  readonly timeout: number;
  readonly origin: Origin;
}

export interface MockIntegration {
  readonly kind: 'mock';
  readonly status: number;
  readonly body?: Json;
  readonly origin: Origin;
}

/** An `x-amazon-apigateway-integration` the spec already carries: kept as written. */
export interface RawIntegration {
  readonly kind: 'raw';
  readonly origin: Origin;
}

export type Integration = LambdaIntegration | HttpIntegration | MockIntegration | RawIntegration | ServiceIntegration;

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
  | { readonly kind: 'authorizer'; readonly authorizer: Authorizer; readonly scopes: readonly string[]; readonly origin: Origin };

export interface Throttle {
  readonly rate: number;
  readonly burst: number;
}

export interface UsagePlan {
  readonly name: string;
  readonly description?: string;
  readonly throttle?: Throttle;
  readonly quota?: { readonly limit: number; readonly period: 'DAY' | 'WEEK' | 'MONTH'; readonly offset?: number };
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

export type ResourcePolicy =
  | {
      readonly kind: 'rules';
      readonly allow: PolicyPrincipals;
      readonly deny: PolicyPrincipals;
      /** Some operation takes unauthenticated callers, whom only an explicit Allow admits. */
      readonly anonymousCallers: boolean;
      readonly origin: Origin;
    }
  | { readonly kind: 'raw'; readonly document: Json; readonly origin: Origin }
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
  readonly cache?: { readonly ttl?: number; readonly keys: readonly string[] };
  /** The operation object (for `ANY`, the `x-amazon-apigateway-any-method` object). */
  readonly origin: Origin;
}

export interface TemplateParameter {
  readonly name: string;
  readonly description: string;
  readonly default?: string;
  readonly allowedPattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly noEcho?: boolean;
  readonly origin?: Origin;
}

export interface Stage {
  readonly name: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly tracing: boolean;
  readonly metrics: boolean;
  readonly logging?: { readonly level: 'ERROR' | 'INFO' | 'OFF'; readonly dataTrace: boolean; readonly accountRole: boolean };
  /** Access log format (one line) and where it goes: a generated log group, or an existing destination. */
  readonly accessLog?: { readonly format: string; readonly retentionDays?: number; readonly destination?: AwsValue };
  readonly throttle?: Throttle;
  readonly cache?: { readonly size: string; readonly ttl: number; readonly encrypted: boolean };
  readonly origin?: Origin;
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

export interface CustomDomain {
  readonly name: string;
  readonly certificate: AwsValue;
  readonly endpoint: 'regional' | 'edge';
  readonly securityPolicy: 'TLS_1_0' | 'TLS_1_2';
  /** Undefined: no base path mapping (routing rules only); '' maps the root. */
  readonly basePath?: string;
  readonly hostedZoneId?: AwsValue;
  readonly rules: readonly RoutingRule[];
  readonly origin: Origin;
}

export interface Api {
  readonly type: ApiType;
  /** The API's name in AWS. */
  readonly name: string;
  /** PascalCase prefix of every logical ID: `PetsApi`. */
  readonly logicalId: string;
  readonly endpoint: EndpointType;
  /** Private APIs: the VPC endpoints that may call it. */
  readonly vpcEndpoints: readonly AwsValue[];
  readonly disableDefaultEndpoint: boolean;
  readonly binaryMediaTypes: readonly string[];
  readonly minimumCompressionSize?: number;
  readonly description?: string;
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
  readonly stage: { readonly name: string; readonly logging?: 'ERROR' | 'INFO'; readonly dataTrace: boolean; readonly metrics: boolean; readonly throttle?: Throttle; readonly accessLog?: Stage['accessLog'] };
  /** Connection ids kept in DynamoDB by `$connect` / `$disconnect` without code. */
  readonly connections?: { readonly table: AwsValue; readonly tableForm: ResourceForm; readonly ttl?: number; readonly attributes: readonly { readonly name: string; readonly value: string }[] };
  readonly routes: readonly WebSocketRoute[];
  readonly origin: Origin;
}

export interface GatewayModel {
  readonly file: string;
  /** OpenAPI version family of the input (the Body is always 3.0). */
  readonly version: '3.0' | '3.1';
  readonly api: Api;
  readonly stage: Stage;
  readonly routes: readonly Route[];
  readonly access: AccessControl;
  readonly cors?: Cors;
  readonly gatewayResponses: readonly GatewayResponse[];
  readonly domain?: CustomDomain;
  readonly websocket?: WebSocketApi;
  /** Template parameters declared in `x-gateway.parameters` or implied by `${Name}` placeholders. */
  readonly parameters: readonly TemplateParameter[];
}
