/**
 * What every direct AWS service integration shares: `type: aws`, the JSON request template, passthrough
 * `never` (a request the template cannot map is refused with 415 rather than forwarded raw), and responses
 * for success, client mistakes (4XX → 400) and service failures (5XX → 500) with JSON bodies that do not
 * leak the service's internals.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
 */
import { type AwsValue, type CfnString, type Json, placeholderNames, referencedNames } from '../model/aws-value.js';
import type { Route, ServiceIntegration } from '../model/ir.js';
import { pascalCase } from '../model/names.js';
import type { IamStatement } from './iam.js';
import type { IntegrationOutput, ServiceRole } from './types.js';
import { wholeReference } from './resource-form.js';
import { renderVtl } from './vtl.js';
import { restMapping } from './mapping.js';

export interface ServiceRequest {
  /** Service name for messages: "SQS", "DynamoDB". */
  readonly service: string;
  readonly uri: CfnString;
  readonly httpMethod: string;
  /** `integration.request.*` → mapping expression. */
  readonly requestParameters?: Readonly<Record<string, CfnString>>;
  readonly requestTemplate?: CfnString;
  readonly responseTemplate?: CfnString;
  /** Content types the request template is registered for. Default application/json. */
  readonly contentTypes?: readonly string[];
  readonly passthroughBehavior?: 'never' | 'when_no_match';
  /** Response headers mapped from the service's response (`method.response.header.X` → expression). */
  readonly responseParameters?: Readonly<Record<string, string>>;
  readonly statements: readonly IamStatement[];
  /** Error codes in a 4XX answer that mean the item or object does not exist (answered 404). */
  readonly notFound?: readonly string[];
  /** Error codes of the service's own that mean it is throttling the API (answered 429, as the common ones are). */
  readonly throttled?: readonly string[];
  /** The AWS resource the role's statements are about; routes with the same target share a role. */
  readonly target: AwsValue;
}

/** What a service integration needs to know of its route: the statuses it declares. */
export type ServiceRoute = Pick<Route, 'responses'>;

/** The success status: the operation's first declared 2XX response, else 200. */
export function successStatus(route: ServiceRoute): number {
  const declared = route.responses.map(Number).filter((code) => code >= 200 && code < 300);
  return declared.length > 0 ? Math.min(...declared) : 200;
}

export function renderServiceIntegration(
  route: ServiceRoute,
  integration: ServiceIntegration,
  request: ServiceRequest,
): IntegrationOutput {
  const success = successStatus(route);
  // The user's own templates are plain strings in the template (no Fn::Sub), so they stay as written.
  const requestTemplate = integration.requestTemplate ?? request.requestTemplate;
  const responseTemplate = integration.responseTemplate ?? request.responseTemplate;
  const notFound = request.notFound ?? [];
  const mapped = restMapping({ parameters: [] }, integration.mapping);
  const responseParameters = { ...request.responseParameters, ...mapped.responseParameters };
  const errorTemplate = (text: string, codes: readonly string[]): CfnString =>
    renderVtl('common/error.response', {
      service: request.service,
      message: text,
      notFound: codes,
      throttled: request.throttled ?? [],
    });
  const responses: Record<string, Json> = {
    default: {
      statusCode: String(success),
      ...(Object.keys(responseParameters).length > 0 && { responseParameters }),
      ...(responseTemplate !== undefined && { responseTemplates: { 'application/json': responseTemplate } }),
    },
    // AWS integrations select by the service's status code; the template then reads the error code.
    '4\\d{2}': {
      statusCode: '400',
      responseTemplates: { 'application/json': errorTemplate(`${request.service} rejected the request.`, notFound) },
    },
    '5\\d{2}': {
      statusCode: '500',
      responseTemplates: { 'application/json': errorTemplate(`${request.service} could not handle the request.`, []) },
    },
  };
  return {
    integration: {
      type: 'aws',
      httpMethod: request.httpMethod,
      uri: request.uri,
      ...(request.requestParameters &&
        Object.keys(request.requestParameters).length > 0 && { requestParameters: { ...request.requestParameters } }),
      ...(requestTemplate !== undefined && {
        requestTemplates: Object.fromEntries(
          (request.contentTypes ?? ['application/json']).map((type) => [type, requestTemplate]),
        ),
      }),
      passthroughBehavior: request.passthroughBehavior ?? 'never',
      timeoutInMillis: integration.timeout,
      responses,
    },
    statusCodes: [success, 400, ...(notFound.length > 0 ? [404] : []), 429, 500],
    // The headers the success response sets, the service's own (S3's Content-Type) and the mapped ones.
    ...(Object.keys(responseParameters).length > 0 && {
      responseHeaders: Object.keys(responseParameters).map((key) => key.replace('method.response.header.', '')),
    }),
    role: serviceRole(integration, request.target, request.statements),
  };
}

/** The role API Gateway assumes for `integration`: shared by the routes on `target`, or the user's own. */
export function serviceRole(
  integration: ServiceIntegration,
  target: AwsValue,
  statements: readonly IamStatement[],
): ServiceRole {
  return {
    service: integration.kind,
    name: targetName(target),
    target: targetKey(target),
    statements,
    ...(integration.role && { existing: integration.role }),
  };
}

/**
 * What identifies a target: the resource or parameter a whole reference names (`!Ref Table`,
 * `!GetAtt Table.Arn` and `${Table}` are one table), else the value itself.
 */
function targetKey(value: AwsValue): string {
  return wholeReference(value)?.name ?? JSON.stringify(value);
}

/** A readable name for a target, for the role's logical ID: `${OrdersQueueArn}` → `OrdersQueueArn`. */
function targetName(value: AwsValue): string {
  if (value.kind === 'literal') return pascalCase(value.value.split(/[:/]/).filter(Boolean).pop() ?? value.value);
  const names =
    value.kind === 'sub'
      ? placeholderNames(value.template).filter((n) => !n.startsWith('AWS::'))
      : referencedNames(value.value);
  return pascalCase(names.join('-')) || 'Target';
}
