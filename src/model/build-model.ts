/**
 * Build the IR from a loaded document (DESIGN.md principle 2): validate every `x-gateway` block, resolve
 * inheritance (root `defaults` → path item → operation) once, and turn each operation into a route.
 */
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { childPointer, followRefs, splitPointer, valueAtPointer } from '../diagnostics/diagnostic.js';
import type { JsonObject, LoadedDocument } from '../load/load-document.js';
import {
  type AwsValue,
  escapeSub,
  type Json,
  INTRINSIC_HINT,
  intrinsicProblem,
  placeholderNames,
  referencedNames,
  templateText,
  toAwsValue,
  unknownReferenceHint,
} from './aws-value.js';
import {
  type ApiType,
  type Authorizer,
  type EndpointType,
  type IpAddressType,
  type GatewayModel,
  type HttpMethod,
  type Integration,
  type Parameter,
  type ParameterConstraints,
  type ResourceForm,
  type Route,
  SERVICE_KINDS,
  type ServiceKind,
  type Stage,
  type TemplateParameter,
} from './ir.js';
import { SERVICE_PARSERS } from '../integrations/services.js';
import { backendPathVariables } from '../integrations/http.js';
import { lambdaFunction, lambdaOptions, rawInvokedFunction } from '../integrations/lambda.js';
import { mappingTarget, parseMapping } from '../integrations/mapping.js';
import { wholeReference } from '../integrations/resource-form.js';
import { parseVpcLink } from '../integrations/vpc-link.js';
import { buildAccess, buildAuthorizers, routeAccess } from './access.js';
import {
  asBlock,
  type Block,
  isBlock,
  type Declared,
  type ModelContext,
  type Placed,
  type RouteScope,
  setting,
} from './context.js';
import { apiLogicalId, pascalCase, slug, uniqueId } from './names.js';
import { compareCodeUnits } from './order.js';
import {
  buildCors,
  buildGatewayResponses,
  buildStages,
  checkStageCache,
  checkRestStageSettings,
  routeStageSettings,
} from './stage.js';
import { buildDomain, checkDomainCallers } from './domain.js';
import { checkRequestModels, reportModelRenames, routeValidation } from './validation.js';
import { buildWebSocket, MAX_TIMEOUT } from './websocket.js';
import { type BlockKind, checkXGateway } from './x-gateway-schema.js';
import { checkPlaceholders } from './placeholders.js';
import { checkHttpQuotas, settingsOfOtherKind } from './http.js';
import type { BaseTemplate } from './base-template.js';

export interface ModelOptions {
  /** The template the output is merged into (`--into`): the names, types and conditions it declares. */
  readonly base?: BaseTemplate;
  /** Lint knows no template to check `!Ref`/`!GetAtt` targets against: take them on trust. */
  readonly trustReferences?: boolean;
}

export interface ModelResult {
  readonly model?: GatewayModel;
  readonly diagnostics: readonly Diagnostic[];
  /** Values written in AWS's spellings, read as their short forms: infos that `lint` reports. */
  readonly spellings: readonly Diagnostic[];
}

/** OpenAPI operation keys and the API Gateway method each becomes. */
const OPERATION_KEYS: readonly (readonly [string, HttpMethod])[] = [
  ['get', 'GET'],
  ['put', 'PUT'],
  ['post', 'POST'],
  ['delete', 'DELETE'],
  ['options', 'OPTIONS'],
  ['head', 'HEAD'],
  ['patch', 'PATCH'],
  ['x-amazon-apigateway-any-method', 'ANY'],
];

const INTEGRATION_KINDS: readonly string[] = ['lambda', 'http', 'mock', ...SERVICE_KINDS];
/** API-level settings that x-gateway and a raw root extension can both make: what, x-gateway pointer, raw pointer. */
const API_SETTINGS: readonly (readonly [string, string, string])[] = [
  ['list of binary media types', '/x-gateway/api/binaryMediaTypes', '/x-amazon-apigateway-binary-media-types'],
  [
    'minimum compression size',
    '/x-gateway/api/minimumCompressionSize',
    '/x-amazon-apigateway-minimum-compression-size',
  ],
  [
    'list of VPC endpoints',
    '/x-gateway/api/vpcEndpoints',
    '/x-amazon-apigateway-endpoint-configuration/vpcEndpointIds',
  ],
  [
    'default execute-api endpoint setting',
    '/x-gateway/api/disableDefaultEndpoint',
    '/x-amazon-apigateway-endpoint-configuration/disableExecuteApiEndpoint',
  ],
  ['API key source', '/x-gateway/apiKeys/source', '/x-amazon-apigateway-api-key-source'],
];

/**
 * A streamed response may last 15 minutes, on every endpoint type, without a quota increase
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/response-streaming-http.html, read 2026-12-03).
 */
const STREAM_MAX_TIMEOUT = 900000;
/** The most a raised quota lets a buffered REST integration wait (a community answer, not documented by AWS). */
const RAISED_MAX_TIMEOUT = 300000;

/** An HTTP API integration waits at most 30 s, the default (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html). */
const HTTP_MAX_TIMEOUT = 30000;

/** The AllowedPattern of a generated parameter that holds an ARN (a Body moved to S3 narrows it: external-body.ts). */
export const ARN_PATTERN = 'arn:.+';

/**
 * How the template reads a generated parameter that names a resource: said in its description, and
 * enforced by AllowedPattern (which CloudFormation matches against the whole value), so that a value of
 * another form is refused when the stack is created rather than failing calls later.
 */
const FORMS: Readonly<Record<ResourceForm, { readonly label: string; readonly pattern: string }>> = {
  arn: { label: 'its ARN', pattern: ARN_PATTERN },
  url: { label: 'its URL', pattern: 'https://.+' },
  // A name has no `:` (a Lambda function's may add one qualifier, `pets:live`); an ARN has five.
  name: { label: 'its name', pattern: '[^:]+(:[^:]+)?' },
};

/** Keys of an integration block that are options, not kinds. */
const INTEGRATION_OPTIONS = new Set([
  'timeout',
  'vpcLink',
  'tls',
  'role',
  'requestTemplate',
  'responseTemplate',
  'payloadFormat',
  'request',
  'response',
]);

/** Whether the document says anything in x-gateway (at the root, on a path item or an operation). */
export function usesXGateway(document: JsonObject): boolean {
  if ('x-gateway' in document) return true;
  return Object.values(asBlock(document['paths'])).some((item) => {
    const block = asBlock(item);
    return 'x-gateway' in block || OPERATION_KEYS.some(([key]) => 'x-gateway' in asBlock(block[key]));
  });
}

export function buildModel(loaded: LoadedDocument, options: ModelOptions = {}): ModelResult {
  const doc = loaded.document;
  const diagnostics: Diagnostic[] = [];
  const locate = loaded.locate;

  const spellings: Diagnostic[] = [];
  /** Pointers of the operations and path items whose block cannot be read: their routes are left out. */
  const unreadable = new Set<string>();
  /** The root's parts that cannot be read (`stage`, `api/tags`): left out, and what needs them is not checked. */
  const broken = new Set<string>();
  /** Keys read as another, misspelt or in AWS's name: not in the file, and already reported. */
  const renamed: string[] = [];
  /** Whether the root as a whole cannot be read: nothing more is checked. */
  let rootUnreadable = false;
  const leaveOut = (pointer: string): void => {
    if (pointer === '/x-gateway' || pointer.startsWith('/x-gateway/')) {
      const part = rootPart(pointer.slice('/x-gateway'.length));
      if (part === undefined) rootUnreadable = true;
      else broken.add(part);
    } else {
      const [, path, key] = splitPointer(pointer);
      unreadable.add(key === 'x-gateway' ? childPointer('/paths', path!) : childPointer('/paths', path!, key!));
    }
  };
  const check = (block: unknown, kind: BlockKind, pointer: string): void => {
    const checked = checkXGateway(block, kind, pointer, locate);
    diagnostics.push(...checked.diagnostics);
    spellings.push(...checked.spellings);
    for (const at of checked.broken) leaveOut(kind === 'root' ? pointer + at : pointer);
    for (const at of checked.renamed) renamed.push(pointer + at);
  };
  if ('x-gateway' in doc) check(doc['x-gateway'], 'root', '/x-gateway');
  const paths = asBlock(doc['paths']);
  for (const [path, item] of Object.entries(paths)) {
    const itemPointer = childPointer('/paths', path);
    const pathItem = asBlock(item);
    if ('x-gateway' in pathItem) check(pathItem['x-gateway'], 'operation', childPointer(itemPointer, 'x-gateway'));
    for (const [key] of OPERATION_KEYS) {
      const operation = asBlock(pathItem[key]);
      if ('x-gateway' in operation)
        check(operation['x-gateway'], 'operation', childPointer(itemPointer, key, 'x-gateway'));
    }
  }
  if (rootUnreadable) return { diagnostics, spellings };
  // What the other kind of API has is refused, and left out like a broken part, so that nothing is built from it.
  const type: ApiType = asBlock(asBlock(doc['x-gateway'])['api'])['type'] === 'http' ? 'http' : 'rest';
  for (const { pointer, diagnostic } of settingsOfOtherKind(doc, type, locate)) {
    diagnostics.push(diagnostic);
    leaveOut(pointer);
  }
  if (rootUnreadable) return { diagnostics, spellings };

  const builder = new ModelBuilder(
    loaded,
    withoutParts(asBlock(doc['x-gateway']), broken),
    type,
    options.trustReferences === true,
    options.base,
    unreadable,
  );
  const model = builder.build();
  if (diagnostics.length === 0) return { model, diagnostics: builder.diagnostics, spellings };
  // Besides the blocks' own errors, every finding that does not need what was left out.
  const left = [...broken, ...(unreadable.size > 0 ? ['routes'] : [])];
  const needed = new Set(left.flatMap((part) => NEEDS[part] ?? []));
  const under = (pointer: string, places: Iterable<string>): boolean =>
    [...places].some((p) => pointer === p || pointer.startsWith(p + '/'));
  // A finding at a key read under another name would point at a place the file does not have.
  const kept = builder.diagnostics.filter(
    (d) =>
      !needed.has(d.code) &&
      !(d.location !== undefined && (under(d.location.pointer, unreadable) || under(d.location.pointer, renamed))),
  );
  return { diagnostics: [...diagnostics, ...kept], spellings };
}

/**
 * The part of the root block a path in it (`/stage/name`) belongs to: one of its keys, or for `api`, one of
 * its keys. `api.type` and `api.endpoint` say what every other part means: a path there, or at the root
 * itself, belongs to no part that can be left out alone.
 */
function rootPart(path: string): string | undefined {
  const [key, sub] = splitPointer(path);
  if (key === undefined) return undefined;
  if (key !== 'api') return key;
  return sub === undefined || sub === 'type' || sub === 'endpoint' ? undefined : `api/${sub}`;
}

/** The root block without its broken parts. */
function withoutParts(root: Block, parts: ReadonlySet<string>): Block {
  if (parts.size === 0) return root;
  const kept = Object.fromEntries(Object.entries(root).filter(([key]) => !parts.has(key)));
  if (!isBlock(root['api'])) return kept;
  return { ...kept, api: Object.fromEntries(Object.entries(root['api']).filter(([key]) => !parts.has(`api/${key}`))) };
}

/**
 * The findings about what a part of the document does not say, by the part (`routes`: the routes of the
 * operations left out). When that part cannot be read, what it was meant to say is unknown: they are not
 * reported (the part's own errors say what to fix).
 */
const NEEDS: Readonly<Record<string, readonly string[]>> = {
  authorizers: ['authorizer-unknown', 'api-key-source-without-authorizer'],
  defaults: [
    'integration-missing',
    'api-key-source-without-authorizer',
    'usage-plan-without-api-key',
    'usage-plan-method-without-api-key',
  ],
  usagePlans: ['unknown-usage-plan', 'api-key-without-usage-plan'],
  stage: ['cache-without-cluster'],
  domain: ['default-endpoint-disabled-without-domain'],
  policy: ['private-api-unreachable'],
  parameters: ['unknown-reference'],
  'api/vpcEndpoints': ['private-api-unreachable'],
  'api/binaryMediaTypes': ['service-binary-media-types'],
  routes: [
    'usage-plan-unknown-method',
    'usage-plan-without-api-key',
    'cache-cluster-unused',
    'domain-without-rest-api',
    'web-acl-without-rest-api',
    'websocket-stage-variables-unused',
  ],
};

class ModelBuilder implements ModelContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly document: JsonObject;
  private readonly parameters = new Map<string, TemplateParameter>();
  private readonly conditionalReported = new Set<string>();
  /** Diagnostics already reported (code, message, location), so that none is said twice. */
  private readonly said = new Set<string>();
  /** Pointers of the strings whose `${Name}` placeholders are substituted. */
  private readonly substituted = new Set<string>();
  private readonly file: string;

  constructor(
    private readonly loaded: LoadedDocument,
    readonly root: Block,
    readonly apiType: ApiType,
    private readonly trustReferences: boolean,
    private readonly base: BaseTemplate | undefined,
    /** Operations and path items (pointers) whose x-gateway block cannot be read: their routes are left out. */
    private readonly unreadable: ReadonlySet<string> = new Set(),
  ) {
    this.document = loaded.document;
    this.file = loaded.root.path;
  }

  build(): GatewayModel {
    const root = this.root;
    const api = asBlock(root['api']);
    const info = asBlock(this.document['info']);
    const title = slug(String(info['title'] ?? 'api'));
    const name = typeof api['name'] === 'string' ? api['name'] : title;
    if (typeof api['name'] === 'string') this.value(name, '/x-gateway/api/name', 'Name of the REST API');
    if (typeof api['description'] === 'string')
      this.value(api['description'], '/x-gateway/api/description', 'Description of the REST API');
    const endpoint = (api['endpoint'] as EndpointType | undefined) ?? 'regional';
    const defaults: Placed = { block: asBlock(root['defaults']), pointer: '/x-gateway/defaults' };
    this.declareParameters(asBlock(root['parameters']));
    this.checkSetTwice();
    const vpcEndpoints = this.vpcEndpointsOf(api, endpoint);
    const authorizers = buildAuthorizers(this);
    const logicalId = apiLogicalId(name, 'Api', title);
    const stages = buildStages(this, logicalId);
    const stageSettings = stages[0]!;
    const routes = this.buildRoutes(defaults, endpoint, authorizers, stages);
    for (const stage of stages) {
      checkStageCache(this, stage, routes);
      checkRestStageSettings(this, stage, routes);
    }
    checkHttpQuotas(this, routes);
    const cors = buildCors(this, routes);
    // Model schemas already checked (by the WebSocket messages), so each finding is reported once.
    const checkedSchemas = new Set<string>();
    const websocket = buildWebSocket(
      this,
      { name, logicalId, routes: routes.length },
      stageSettings,
      authorizers,
      this.loaded.version,
      checkedSchemas,
    );
    const domain = buildDomain(this, endpoint, vpcEndpoints, routes, websocket?.logicalId);
    const access = buildAccess(this, routes, authorizers, endpoint, vpcEndpoints, websocket);
    if (domain) checkDomainCallers(this, domain, access.policy);
    checkRequestModels(this, routes, this.loaded.version, checkedSchemas);
    reportModelRenames(this);
    // info.description is the document's, where `${…}` is text: escaped, so that it stays as written.
    const description =
      typeof api['description'] === 'string'
        ? api['description']
        : typeof info['description'] === 'string'
          ? escapeSub(info['description'])
          : undefined;
    const stage = stageSettings;
    const tags = Object.entries(asBlock(api['tags'])).map(([key, value]) => {
      if (value !== '') this.value(value, childPointer('/x-gateway/api/tags', key), `Value of the tag ${key}`);
      return { key, value: String(value) };
    });
    checkPlaceholders(this, this.xGatewayBlocks(), {
      substituted: this.substituted,
      reported: new Set(
        this.diagnostics.filter((d) => d.severity === 'error').flatMap((d) => (d.location ? [d.location.pointer] : [])),
      ),
      defines: (name) => name.startsWith('AWS::') || this.base?.names.has(name) === true || this.parameters.has(name),
    });
    return {
      file: this.file,
      version: this.loaded.version,
      api: {
        type: this.apiType,
        name,
        logicalId,
        endpoint,
        vpcEndpoints,
        disableDefaultEndpoint: api['disableDefaultEndpoint'] === true,
        ...this.ipAddressTypeOf(api, endpoint),
        binaryMediaTypes: Array.isArray(api['binaryMediaTypes']) ? (api['binaryMediaTypes'] as string[]) : [],
        ...(typeof api['minimumCompressionSize'] === 'number' && {
          minimumCompressionSize: api['minimumCompressionSize'],
        }),
        ...(description !== undefined && { description }),
        tags,
        origin: this.origin('name' in api ? '/x-gateway/api/name' : '/info/title'),
      },
      stage,
      stages,
      routes,
      access,
      ...(cors && { cors }),
      gatewayResponses: buildGatewayResponses(this),
      ...(domain && { domain }),
      ...(websocket && { websocket }),
      parameters: [...this.parameters.values()].sort((a, b) => compareCodeUnits(a.name, b.name)),
    };
  }

  /** Every x-gateway block of the document: the root's, and those of path items and operations. */
  private xGatewayBlocks(): Placed[] {
    const blocks: Placed[] = [{ block: this.root, pointer: '/x-gateway' }];
    for (const [path, item] of Object.entries(asBlock(this.document['paths']))) {
      const pathItem = asBlock(item);
      const at = childPointer('/paths', path);
      if ('x-gateway' in pathItem)
        blocks.push({ block: asBlock(pathItem['x-gateway']), pointer: childPointer(at, 'x-gateway') });
      for (const [key] of OPERATION_KEYS) {
        const operation = asBlock(pathItem[key]);
        if ('x-gateway' in operation)
          blocks.push({ block: asBlock(operation['x-gateway']), pointer: childPointer(at, key, 'x-gateway') });
      }
    }
    return blocks;
  }

  /** An API-level setting made both by a raw root extension and by x-gateway: one of them would be silently lost. */
  private checkSetTwice(): void {
    for (const [what, ours, raw] of API_SETTINGS) {
      if (valueAtPointer(this.document, ours) === undefined || valueAtPointer(this.document, raw) === undefined)
        continue;
      this.report(
        'duplicate-setting',
        'error',
        `The ${what} is set twice: by ${dotted(ours)} and by ${dotted(raw)}.`,
        ours,
        'Keep one of them.',
        [{ ...this.origin(raw), message: 'also set here' }],
      );
    }
  }

  /** Private APIs take dual-stack only. https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-endpoint-types.html */
  private ipAddressTypeOf(api: Block, endpoint: EndpointType): { ipAddressType?: IpAddressType } {
    const value = api['ipAddressType'];
    if (value !== 'ipv4' && value !== 'dualstack') return {};
    if (endpoint === 'private' && value === 'ipv4')
      this.report(
        'ip-address-type-private',
        'error',
        'Private APIs are dual-stack only: `ipAddressType: ipv4` cannot apply to one.',
        this.origin('/x-gateway/api/ipAddressType', 'value'),
        'Remove `ipAddressType` (private APIs are dualstack), or make the API regional.',
      );
    return { ipAddressType: value };
  }

  private vpcEndpointsOf(api: Block, endpoint: EndpointType): AwsValue[] {
    if (!Array.isArray(api['vpcEndpoints'])) return [];
    if (endpoint !== 'private') {
      this.report(
        'vpc-endpoints-not-private',
        'error',
        'VPC endpoints apply only to private APIs.',
        '/x-gateway/api/vpcEndpoints',
        'Set `api.endpoint: private`, or remove `vpcEndpoints`.',
      );
    }
    return api['vpcEndpoints'].map((v, i) =>
      this.value(
        v,
        childPointer('/x-gateway/api/vpcEndpoints', i),
        'Interface VPC endpoint that may call the private API',
      ),
    );
  }

  private buildRoutes(
    defaults: Placed,
    endpoint: EndpointType,
    authorizers: readonly Authorizer[],
    stages: readonly Stage[],
  ): Route[] {
    const routes: Route[] = [];
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(asBlock(this.document['paths']))) {
      const itemPointer = childPointer('/paths', path);
      const pathItem = asBlock(item);
      const pathBlock: Placed = {
        block: asBlock(pathItem['x-gateway']),
        pointer: childPointer(itemPointer, 'x-gateway'),
      };
      if ('trace' in pathItem) {
        this.report(
          'unsupported-method',
          'error',
          'API Gateway REST APIs do not support the TRACE method.',
          childPointer(itemPointer, 'trace'),
          'Remove the operation; REST APIs accept GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH and ANY.',
        );
      }
      for (const [key, method] of OPERATION_KEYS) {
        // Not an operation (the OpenAPI schema, or extension-schema for `x-amazon-apigateway-any-method`, reports it).
        if (!isBlock(pathItem[key])) continue;
        const pointer = childPointer(itemPointer, key);
        if (this.unreadable.has(pointer) || this.unreadable.has(itemPointer)) continue;
        const operation = pathItem[key];
        const opBlock: Placed = { block: asBlock(operation['x-gateway']), pointer: childPointer(pointer, 'x-gateway') };
        const parameters = this.parametersOf(pathItem, operation, itemPointer, pointer);
        const scope: RouteScope = {
          method,
          path,
          pointer,
          operation,
          parameters,
          chain: [opBlock, pathBlock, defaults],
        };
        const integration = this.integrationOf(scope, defaults, endpoint);
        if (!integration) continue;
        const id = uniqueId(routeId(method, path), ids);
        const operationId = operation['operationId'];
        const validate = routeValidation(this, scope);
        routes.push({
          id,
          method,
          path,
          ...(typeof operationId === 'string' && { operationId }),
          parameters,
          hasRequestBody: operation['requestBody'] !== undefined,
          responses: Object.keys(asBlock(operation['responses'])).filter((code) => code !== 'default'),
          integration,
          ...routeAccess(this, scope, authorizers),
          ...(validate !== undefined && { validate }),
          ...routeStageSettings(this, scope, stages),
          origin: this.origin(pointer),
        });
      }
    }
    return routes;
  }

  /** Path-item parameters overridden by operation parameters of the same name and location. */
  private parametersOf(pathItem: Block, operation: Block, itemPointer: string, pointer: string): Parameter[] {
    const byKey = new Map<string, Parameter>();
    const collect = (list: unknown, listPointer: string): void => {
      if (!Array.isArray(list)) return;
      list.forEach((entry, index) => {
        const param = asBlock(this.deref(entry));
        const name = param['name'];
        const where = param['in'];
        if (
          typeof name !== 'string' ||
          (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie')
        )
          return;
        byKey.set(`${where} ${name}`, {
          name,
          in: where,
          required: param['required'] === true,
          origin: this.origin(childPointer(listPointer, index)),
        });
      });
    };
    collect(pathItem['parameters'], childPointer(itemPointer, 'parameters'));
    collect(operation['parameters'], childPointer(pointer, 'parameters'));
    return [...byKey.values()];
  }

  private integrationOf(scope: RouteScope, defaults: Placed, endpoint: EndpointType): Integration | undefined {
    const { method, path, pointer, operation, chain } = scope;
    const own = chain.slice(0, 2).find((p) => 'integration' in p.block);
    if ('x-amazon-apigateway-integration' in operation) {
      const rawPointer = childPointer(pointer, 'x-amazon-apigateway-integration');
      if (own) {
        this.report(
          'duplicate-setting',
          'error',
          'The integration is set twice: by x-gateway and by x-amazon-apigateway-integration.',
          childPointer(own.pointer, 'integration'),
          'Keep one of them.',
          [{ ...this.loaded.locate(rawPointer), message: 'also set here' }],
        );
        return undefined;
      }
      const invokes = rawInvokedFunction(asBlock(operation['x-amazon-apigateway-integration']));
      return { kind: 'raw', ...(invokes !== undefined && { invokes }), origin: this.origin(rawPointer) };
    }
    const placed = own ?? chain.slice(2).find((p) => 'integration' in p.block);
    if (!placed) {
      this.report(
        'integration-missing',
        'error',
        `${method} ${path} has no integration.`,
        pointer,
        'Add `x-gateway: { integration: … }` to the operation, its path item, or `x-gateway.defaults` (lambda, http or mock).',
      );
      return undefined;
    }
    return this.integration(
      asBlock(placed.block['integration']),
      childPointer(placed.pointer, 'integration'),
      scope,
      defaults,
      endpoint,
    );
  }

  /** An integration block (REST operation or WebSocket route) as IR. */
  integration(
    block: Block,
    at: string,
    scope: RouteScope,
    defaults: Placed = { block: asBlock(this.root['defaults']), pointer: '/x-gateway/defaults' },
    endpoint: EndpointType = 'regional',
  ): Integration | undefined {
    const { method, path, parameters } = scope;
    const kinds = Object.keys(block).filter((k) => !INTEGRATION_OPTIONS.has(k));
    if (kinds.length !== 1) {
      this.report(
        kinds.length === 0 ? 'integration-missing' : 'multiple-integrations',
        'error',
        kinds.length === 0
          ? 'The integration names no kind.'
          : `The integration names ${kinds.length} kinds (${kinds.join(', ')}); it must name exactly one.`,
        at,
        `Use one of: ${INTEGRATION_KINDS.join(', ')}.`,
      );
      return undefined;
    }
    const kind = kinds[0]!;
    const usage = `${method} ${path}`;
    const origin = this.origin(childPointer(at, kind));
    const service = (SERVICE_KINDS as readonly string[]).includes(kind);
    const lambdaBlock = kind === 'lambda' ? lambdaOptions(block['lambda']) : undefined;
    const nonProxyLambda = lambdaBlock?.['proxy'] === false;
    for (const option of ['role', 'requestTemplate', 'responseTemplate'].filter(
      (o) => o in block && !service && !(o === 'role' && kind === 'lambda') && !(o !== 'role' && nonProxyLambda),
    )) {
      this.report(
        'integration-option-unused',
        'error',
        option === 'role'
          ? `\`role\` applies only to Lambda and AWS service integrations, not to \`${kind}\`.`
          : `\`${option}\` applies only to AWS service integrations and non-proxy Lambda integrations, not to ` +
              `\`${kind}\`${kind === 'lambda' ? ' (a proxy integration)' : ''}.`,
        childPointer(at, option),
        kind === 'lambda' && option !== 'role'
          ? 'Write `lambda: { function: …, proxy: false }` to shape the event and the answer with templates, or remove it.'
          : 'Remove it.',
      );
    }
    if ('payloadFormat' in block && kind !== 'lambda') {
      this.report(
        'payload-format-not-lambda',
        'error',
        `Only Lambda integrations choose a payload format; \`${kind}\` integrations of HTTP APIs use 1.0.`,
        childPointer(at, 'payloadFormat'),
        'Remove `payloadFormat`.',
      );
    }
    if ('tls' in block && (kind !== 'http' || !('vpcLink' in block))) {
      this.report(
        'tls-without-vpc-link',
        'error',
        '`tls` verifies the certificate of a private backend: it applies to an `http` integration with a `vpcLink`.',
        childPointer(at, 'tls'),
        'Remove it, or reach the backend through a `vpcLink` (a public https:// backend is verified by its URL).',
      );
    }
    if ('vpcLink' in block && kind !== 'http') {
      this.report(
        'vpc-link-without-http',
        'error',
        '`vpcLink` only applies to an `http` integration.',
        childPointer(at, 'vpcLink'),
        'Remove it, or make this an `http` integration.',
      );
    }
    const stream = lambdaBlock?.['stream'] === true;
    const timeout = this.timeoutOf(block, at, scope.chain, defaults, endpoint, stream);
    const mapping = parseMapping(this, block, at, scope, mappingTarget(this.apiType, kind, !nonProxyLambda));
    switch (kind) {
      case 'lambda': {
        const fnPointer = childPointer(at, 'lambda', ...(lambdaBlock ? ['function'] : []));
        const fn = lambdaFunction(
          this,
          lambdaBlock?.['function'] ?? block['lambda'],
          fnPointer,
          `Lambda function for ${usage}`,
        );
        if (stream) this.checkStreaming(scope, at, endpoint, nonProxyLambda);
        const role =
          'role' in block
            ? this.value(
                block['role'],
                childPointer(at, 'role'),
                `Role API Gateway assumes to invoke the function of ${usage}`,
              )
            : undefined;
        return {
          kind: 'lambda',
          function: fn,
          ...(role && { role }),
          timeout,
          payloadFormat: block['payloadFormat'] === '1.0' ? '1.0' : '2.0',
          proxy: !nonProxyLambda,
          stream,
          ...(nonProxyLambda &&
            typeof block['requestTemplate'] === 'string' && { requestTemplate: block['requestTemplate'] }),
          ...(nonProxyLambda &&
            typeof block['responseTemplate'] === 'string' && { responseTemplate: block['responseTemplate'] }),
          ...(mapping && { mapping }),
          origin,
        };
      }
      case 'http': {
        // A WebSocket route of the document reaches its backend as REST APIs do, whatever `api.type` says.
        const apiKind = at.startsWith('/x-gateway/websocket/') ? 'websocket' : this.apiType;
        const privateHttp = apiKind === 'http' && 'vpcLink' in block;
        const url = this.value(
          block['http'],
          childPointer(at, 'http'),
          privateHttp ? `Load balancer listener or Cloud Map service ARN for ${usage}` : `Backend URL for ${usage}`,
        );
        if (privateHttp) this.checkPrivateTarget(url, childPointer(at, 'http'));
        else
          this.checkBackendUrl(
            url,
            path,
            parameters,
            childPointer(at, 'http'),
            (mapping?.path ?? []).map((m) => m.name),
          );
        const vpcLink =
          'vpcLink' in block
            ? parseVpcLink(this, block['vpcLink'], childPointer(at, 'vpcLink'), apiKind, usage)
            : undefined;
        const serverName = asBlock(block['tls'])['serverName'];
        return {
          kind: 'http',
          url,
          ...(vpcLink && { vpcLink }),
          ...(typeof serverName === 'string' && vpcLink && { tlsServerName: serverName }),
          timeout,
          ...(mapping && { mapping }),
          origin,
        };
      }
      case 'mock': {
        const mock = asBlock(block['mock']);
        return {
          kind: 'mock',
          status: typeof mock['status'] === 'number' ? mock['status'] : 200,
          ...('body' in mock && { body: mock['body'] as Json }),
          ...(mapping && { mapping }),
          origin,
        };
      }
      default: {
        const common = {
          ...('role' in block && {
            role: this.value(block['role'], childPointer(at, 'role'), `Role API Gateway assumes for ${usage}`),
          }),
          ...(typeof block['requestTemplate'] === 'string' && { requestTemplate: block['requestTemplate'] }),
          ...(typeof block['responseTemplate'] === 'string' && { responseTemplate: block['responseTemplate'] }),
          timeout,
          ...(mapping && { mapping }),
          origin,
        };
        return SERVICE_PARSERS[kind as ServiceKind](this, asBlock(block[kind]), childPointer(at, kind), scope, common);
      }
    }
  }

  /**
   * The integration's own timeout, else the nearest `integration.timeout` along the chain (an operation
   * with its own integration keeps the timeout its path item or the defaults give theirs), else
   * `defaults.timeout`, else the maximum.
   */
  private timeoutOf(
    block: Block,
    at: string,
    chain: readonly Placed[],
    defaults: Placed,
    endpoint: EndpointType,
    stream: boolean,
  ): number {
    const inherited = chain.find((p) => typeof asBlock(p.block['integration'])['timeout'] === 'number');
    const [timeout, pointer] =
      typeof block['timeout'] === 'number'
        ? [block['timeout'], childPointer(at, 'timeout')]
        : inherited
          ? [
              asBlock(inherited.block['integration'])['timeout'] as number,
              childPointer(inherited.pointer, 'integration', 'timeout'),
            ]
          : typeof defaults.block['timeout'] === 'number'
            ? [defaults.block['timeout'], childPointer(defaults.pointer, 'timeout')]
            : [this.apiType === 'http' ? HTTP_MAX_TIMEOUT : stream ? STREAM_MAX_TIMEOUT : MAX_TIMEOUT, undefined];
    if (pointer && stream) {
      if (timeout > STREAM_MAX_TIMEOUT)
        this.report(
          'integration-timeout',
          'error',
          `Timeout ${timeout} ms is over the ${STREAM_MAX_TIMEOUT} ms (15 minutes) a streamed response may last.`,
          this.origin(pointer, 'value'),
          `Use at most ${STREAM_MAX_TIMEOUT}.`,
        );
    } else if (pointer && this.apiType === 'http') {
      if (timeout > HTTP_MAX_TIMEOUT)
        this.report(
          'integration-timeout',
          'error',
          `Timeout ${timeout} ms is over the ${HTTP_MAX_TIMEOUT} ms that HTTP API integrations allow.`,
          this.origin(pointer, 'value'),
          `Use at most ${HTTP_MAX_TIMEOUT}: the limit of HTTP APIs cannot be raised.`,
        );
    } else if (pointer && timeout > MAX_TIMEOUT) {
      if (timeout > RAISED_MAX_TIMEOUT) {
        this.report(
          'integration-timeout',
          'error',
          `Timeout ${timeout} ms is over the ${RAISED_MAX_TIMEOUT} ms an integration that buffers its answer may wait.`,
          this.origin(pointer, 'value'),
          `Use at most ${RAISED_MAX_TIMEOUT}, or stream the answer of a Lambda function (\`lambda: { function: ` +
            `…, stream: true }\`), which may last ${STREAM_MAX_TIMEOUT} ms.`,
        );
      } else if (endpoint === 'edge') {
        this.report(
          'integration-timeout',
          'error',
          `Timeout ${timeout} ms is over the 29000 ms that edge-optimized APIs allow.`,
          this.origin(pointer, 'value'),
          'Use at most 29000, or make the API regional (longer timeouts need a quota increase).',
        );
      } else {
        this.report(
          'integration-timeout-needs-quota',
          'warning',
          `Timeout ${timeout} ms is over the default 29000 ms quota.`,
          this.origin(pointer, 'value'),
          'Request the integration-timeout quota increase for this account and Region before deploying; it may lower the account throttle.',
        );
      }
    }
    return timeout;
  }

  /**
   * What a streamed answer cannot have: it is not buffered, so no response cache (nor response mapping,
   * which no proxy integration has); only proxy integrations stream. On edge-optimized APIs a stream idle for 30 s is closed.
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html (read 2026-12-03)
   */
  private checkStreaming(scope: RouteScope, at: string, endpoint: EndpointType, nonProxy: boolean): void {
    const pointer = childPointer(at, 'lambda', 'stream');
    if (nonProxy)
      this.report(
        'stream-not-proxy',
        'error',
        'Only a proxy integration can stream its answer: a non-proxy one passes it through a response mapping, which needs all of it.',
        pointer,
        'Remove `proxy: false` (the function then answers in the streaming proxy format), or remove `stream`.',
      );
    const cache = setting(scope, 'cache');
    if (cache !== undefined)
      this.report(
        'stream-cached',
        'error',
        'A streamed answer cannot be cached: API Gateway caches only answers it buffers.',
        cache.pointer,
        'Remove `cache` from this operation (or set it elsewhere only), or remove `stream`.',
        [{ ...this.origin(pointer), message: 'the answer is streamed here' }],
      );
    if (endpoint === 'edge')
      this.report(
        'stream-edge-idle',
        'warning',
        'On an edge-optimized API, a stream that sends nothing for 30 s is closed (5 minutes on regional and private APIs).',
        pointer,
        'Send data (or a keep-alive such as an SSE comment) at least every 30 s, or make the API regional.',
      );
  }

  /**
   * An HTTP API reaches a private backend through a VPC link (V2) by a load balancer listener's ARN or a
   * Cloud Map service's ARN, not by URL.
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-private.html
   */
  private checkPrivateTarget(target: AwsValue, pointer: string): void {
    const text = templateText(target);
    if (text === undefined || text.startsWith('${') || /^arn:[^:]+:(elasticloadbalancing|servicediscovery):/.test(text))
      return;
    this.report(
      'vpc-link-target',
      'error',
      `\`${text}\` is not what an HTTP API's private integration calls: it takes the ARN of a load balancer listener or of a Cloud Map service.`,
      this.origin(pointer, 'value'),
      'Write the listener ARN (arn:…:elasticloadbalancing:…:listener/…) or the Cloud Map service ARN ' +
        '(arn:…:servicediscovery:…:service/…), e.g. `!Ref Listener`.',
    );
  }

  /** `{name}` segments of an HTTP backend URL must be path parameters of the route, or path variables the integration maps. */
  private checkBackendUrl(
    url: AwsValue,
    path: string,
    parameters: readonly Parameter[],
    pointer: string,
    mapped: readonly string[],
  ): void {
    const text = templateText(url);
    if (text !== undefined && !text.startsWith('${') && !/^https?:\/\/\S+$/i.test(text)) {
      this.report(
        'http-url-invalid',
        'error',
        `The backend URL \`${text}\` is not an http:// or https:// URL.`,
        this.origin(pointer, 'value'),
        'Write the full URL, e.g. `https://backend.example.com/items/{id}`, or a `${Name}` placeholder for one.',
      );
      return;
    }
    const names = backendPathVariables(url);
    if (names === undefined) {
      if (url.kind === 'intrinsic' && /(?<!\$)\{[\w.+-]+\}/.test(JSON.stringify(url.value))) {
        this.report(
          'http-url-params-unmapped',
          'warning',
          "The backend URL is built by an intrinsic, so its `{…}` path variables cannot be filled from the route's path parameters.",
          this.origin(pointer, 'value'),
          'Write the URL as a string with `${Name}` placeholders or as `!Sub`, whose `{name}` segments are mapped.',
        );
      }
      return;
    }
    for (const name of names) {
      if (!mapped.includes(name) && !parameters.some((p) => p.in === 'path' && p.name === name)) {
        this.report(
          'http-url-unknown-param',
          'error',
          `The backend URL uses \`{${name}}\`, which is not a path parameter of \`${path}\`.`,
          this.origin(pointer, 'value'),
          `Path parameters here: ${
            parameters
              .filter((p) => p.in === 'path')
              .map((p) => p.name)
              .join(', ') || 'none'
          }.`,
        );
      }
    }
  }

  /**
   * Classify a user value, make template parameters of its placeholders and check its references. The
   * constraints a whole-value placeholder's parameter gets are the ones a literal is held to here.
   */
  value(raw: unknown, pointer: string, usage: string, constraints: ParameterConstraints = {}): AwsValue {
    const value = toAwsValue(raw)!;
    this.substituted.add(pointer);
    const problem = value.kind === 'intrinsic' ? intrinsicProblem(value.value) : undefined;
    if (problem !== undefined) {
      this.report('invalid-intrinsic', 'error', problem, this.origin(pointer, 'value'), INTRINSIC_HINT);
      return value;
    }
    if (value.kind === 'literal') this.checkLiteral(value.value, pointer, usage, constraints);
    const names =
      value.kind === 'literal'
        ? []
        : value.kind === 'sub'
          ? placeholderNames(value.template)
          : referencedNames(value.value);
    const direct = value.kind === 'intrinsic' ? new Set(directReferences(value.value)) : new Set<string>();
    for (const name of names) {
      const head = name.split('.')[0]!;
      if (this.base?.names.has(head)) this.checkConditional(head, pointer);
      if (head.startsWith('AWS::') || this.base?.names.has(head) || this.parameters.has(head)) continue;
      if (name.includes('.') || direct.has(head)) {
        if (this.trustReferences) continue;
        this.report(
          'unknown-reference',
          'error',
          `\`${head}\` is not defined in the template.`,
          this.origin(pointer, 'value'),
          unknownReferenceHint(this.base?.path, true),
        );
        continue;
      }
      if (!/^[A-Za-z0-9]+$/.test(head)) {
        this.report(
          'invalid-parameter-name',
          'error',
          `\`\${${head}}\` cannot become a template parameter: CloudFormation logical IDs are alphanumeric.`,
          this.origin(pointer, 'value'),
          `Rename the placeholder, e.g. \`\${${pascalCase(head) || 'Name'}}\`.`,
        );
        continue;
      }
      const whole = value.kind === 'sub' && value.template === `\${${head}}`;
      this.parameters.set(head, {
        name: head,
        description: usage,
        ...(whole && constraints),
        origin: this.origin(pointer),
      });
    }
    return value;
  }

  /** A literal value that breaks what a parameter in its place would be held to (CloudFormation would refuse it there). */
  private checkLiteral(text: string, pointer: string, usage: string, constraints: ParameterConstraints): void {
    const { allowedPattern, allowedValues } = constraints;
    // `Name of the stage` reads as `the name of the stage`; `ARN of …` keeps its capitals.
    const what = /^[A-Z][a-z]/.test(usage) ? usage.charAt(0).toLowerCase() + usage.slice(1) : usage;
    if (allowedValues !== undefined && !allowedValues.includes(text))
      this.report(
        'invalid-x-gateway-value',
        'error',
        `\`${text}\` is not a possible ${what}.`,
        pointer,
        `Write one of: ${allowedValues.map((v) => `\`${v}\``).join(', ')}.`,
      );
    else if (allowedPattern !== undefined && !new RegExp(allowedPattern, 'u').test(text))
      this.report(
        'invalid-x-gateway-value',
        'error',
        `\`${text}\` is not of the form API Gateway takes for the ${what} (\`${allowedPattern}\`).`,
        pointer,
        `Write a value of that form, or a \`\${Name}\` placeholder (its template parameter is held to the same form).`,
      );
  }

  /**
   * A resource of the --into template created only under a condition: the generated resources refer to it
   * in any case, and CloudFormation refuses a reference to a resource the condition leaves out.
   */
  private checkConditional(name: string, pointer: string): void {
    const condition = this.base?.conditionOf(name);
    if (condition === undefined || this.conditionalReported.has(`${pointer} ${name}`)) return;
    this.conditionalReported.add(`${pointer} ${name}`);
    this.report(
      'conditional-reference',
      'error',
      `\`${name}\` exists only when the condition \`${condition}\` of ${this.base?.path} is true, but the API refers to it in any case.`,
      this.origin(pointer, 'value'),
      `Deploying with \`${condition}\` false fails with "Unresolved resource dependencies". Create ` +
        `\`${name}\` without a condition, or pass the value in through a \`\${Name}\` placeholder.`,
    );
  }

  readAs(value: AwsValue, form: ResourceForm, pointer: string): void {
    const whole = wholeReference(value);
    const parameter = whole && whole.attribute === undefined ? this.parameters.get(whole.name) : undefined;
    // Only parameters gateform describes itself: a declared one says what its author wrote.
    if (
      !parameter ||
      parameter.origin?.pointer.startsWith('/x-gateway/parameters/') ||
      parameter.noEcho ||
      parameter.form === form
    )
      return;
    if (parameter.form !== undefined) {
      this.report(
        'parameter-form-conflict',
        'error',
        `\`\${${parameter.name}}\` is read as ${FORMS[form].label} here and as ${FORMS[parameter.form].label} elsewhere: one value cannot be both.`,
        this.origin(pointer, 'value'),
        'Use a parameter for each form (e.g. `${TableName}` and `${TableArn}`).',
        parameter.origin && [{ ...parameter.origin, message: `read as ${FORMS[parameter.form].label} here` }],
      );
      return;
    }
    const { label, pattern } = FORMS[form];
    this.parameters.set(parameter.name, {
      ...parameter,
      description: `${parameter.description}: ${label}${form === 'arn' ? '' : ', not an ARN'}`,
      allowedPattern: pattern,
      constraintDescription: `must be ${label}${form === 'arn' ? ' (arn:…)' : ', not an ARN'}`,
      form,
    });
  }

  secret(
    placeholder: string,
    pointer: string,
    usage: string,
    length?: { readonly min: number; readonly max: number },
  ): string {
    const name = placeholder.slice(2, -1);
    this.substituted.add(pointer);
    this.parameters.set(name, {
      ...(this.parameters.get(name) ?? { name, description: usage, origin: this.origin(pointer) }),
      noEcho: true,
      ...(length && { minLength: length.min, maxLength: length.max }),
    });
    return name;
  }

  private declareParameters(declared: Block): void {
    for (const [name, spec] of Object.entries(declared)) {
      const p = asBlock(spec);
      this.parameters.set(name, {
        name,
        description: typeof p['description'] === 'string' ? p['description'] : `Parameter ${name}`,
        ...(typeof p['default'] === 'string' && { default: p['default'] }),
        ...(typeof p['allowedPattern'] === 'string' && { allowedPattern: p['allowedPattern'] }),
        ...(p['noEcho'] === true && { noEcho: true }),
        origin: this.origin(childPointer('/x-gateway/parameters', name)),
      });
    }
  }

  declared(name: string): Declared | undefined {
    const resource = asBlock(this.base?.resources[name]);
    if (typeof resource['Type'] === 'string')
      return { kind: 'resource', type: resource['Type'], properties: asBlock(resource['Properties']) };
    const written = [asBlock(this.root['parameters'])[name], this.base?.parameters[name]].map(asBlock);
    const described = written.find((p) => typeof p['description'] === 'string' || typeof p['Description'] === 'string');
    if (described)
      return { kind: 'parameter', description: String(described['description'] ?? described['Description']) };
    return this.parameters.has(name) || (this.base !== undefined && Object.hasOwn(this.base.parameters, name))
      ? { kind: 'parameter' }
      : undefined;
  }

  /** Follow internal `$ref`s (the bundled document has no other kind). */
  deref(node: unknown): unknown {
    return followRefs(this.document, node);
  }

  /**
   * Placed when first read: every IR node keeps an origin, and few are ever reported (finding the file and
   * pointer of each up front costs more than the rest of the model on a large spec).
   */
  origin(pointer: string, part?: 'value'): Location {
    const locate = this.loaded.locate;
    let located: Location | undefined;
    const at = (): Location => (located ??= locate(pointer));
    return {
      get file() {
        return at().file;
      },
      get pointer() {
        return at().pointer;
      },
      ...(part && { part }),
    };
  }

  report(
    code: string,
    severity: Diagnostic['severity'],
    message: string,
    at: string | Location,
    hint?: string,
    related?: Diagnostic['related'],
  ): void {
    const location: Location = typeof at === 'string' ? this.loaded.locate(at) : at;
    // A setting shared by several stages is checked once per stage, and said once.
    const said = JSON.stringify([code, message, location]);
    if (this.said.has(said)) return;
    this.said.add(said);
    this.diagnostics.push({
      code,
      severity,
      message,
      location,
      ...(hint !== undefined && { hint }),
      ...(related && { related }),
    });
  }
}

/** Names written as `Ref X` / `Fn::GetAtt X.…` (not inside a Sub), which must already exist. */
function directReferences(value: Json): string[] {
  return referencedNames(stripSubs(value));
}

function stripSubs(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripSubs);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as { readonly [key: string]: Json };
  return Object.fromEntries(
    Object.entries(obj)
      .filter(([k]) => k !== 'Fn::Sub')
      .map(([k, v]) => [k, stripSubs(v)]),
  );
}

/** `/x-gateway/api/name` → `x-gateway.api.name`. */
function dotted(pointer: string): string {
  return splitPointer(pointer).join('.');
}

/** `GET /pets/{petId}` → `GetPetsPetId`; `ANY /` → `AnyRoot`. */
function routeId(method: HttpMethod, path: string): string {
  const verb = method[0] + method.slice(1).toLowerCase();
  return verb + (pascalCase(path) || 'Root');
}
