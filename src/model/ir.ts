/**
 * The intermediate representation: a plain, fully resolved description of the gateway (DESIGN.md
 * principle 2). Built once by `buildModel`; emitters and lint rules read it and never re-parse `x-gateway`.
 * Every node keeps the JSON pointer it came from, so any later stage can report a location.
 */
import type { AwsValue, Json } from './aws-value.js';
import type { ServiceIntegration } from '../integrations/service-types.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'ANY';

export type EndpointType = 'edge' | 'regional' | 'private';

/** Where something was written: file and JSON pointer. */
export interface Origin {
  readonly file: string;
  readonly pointer: string;
}

export interface LambdaIntegration {
  readonly kind: 'lambda';
  readonly function: AwsValue;
  readonly timeout: number;
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

export interface Route {
  /** PascalCase name unique within the API, used in logical IDs: `GetPetsPetId`. */
  readonly id: string;
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/pets/{petId}`. */
  readonly path: string;
  readonly operationId?: string;
  readonly parameters: readonly Parameter[];
  readonly hasRequestBody: boolean;
  readonly integration: Integration;
  /** The operation object (for `ANY`, the `x-amazon-apigateway-any-method` object). */
  readonly origin: Origin;
}

export interface TemplateParameter {
  readonly name: string;
  readonly description: string;
  readonly default?: string;
  readonly allowedPattern?: string;
  readonly noEcho?: boolean;
  readonly origin?: Origin;
}

export interface Stage {
  readonly name: string;
  readonly origin?: Origin;
}

export interface Api {
  /** The API's name in AWS. */
  readonly name: string;
  /** PascalCase prefix of every logical ID: `PetsApi`. */
  readonly logicalId: string;
  readonly endpoint: EndpointType;
  readonly description?: string;
  /** Where the name came from (`x-gateway.api.name`, else `info.title`). */
  readonly origin: Origin;
}

export interface GatewayModel {
  readonly file: string;
  readonly api: Api;
  readonly stage: Stage;
  readonly routes: readonly Route[];
  /** Template parameters declared in `x-gateway.parameters` or implied by `${Name}` placeholders. */
  readonly parameters: readonly TemplateParameter[];
}
