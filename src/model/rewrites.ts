/**
 * What to write instead of a value or key the x-gateway schema refuses: the rewrite itself, found from the
 * refused value, the schema, AWS's own names for the same settings, and the other places of the language.
 */
import type { ErrorObject } from 'ajv';
import { typeWords } from '../diagnostics/schema-problem.js';
import { requirePackageFile } from '../package-files.js';
import { ambiguousParams, shortRequestValue } from './spellings.js';

/** Where the short form of a key AWS names otherwise lives: a key of the same object, or a place of the language. */
const AWS_NAMES: Readonly<Record<string, readonly string[]>> = {
  apiKeySource: ['apiKeys.source'],
  identitySource: ['header', 'identity'],
  routeSelectionExpression: ['routeSelection'],
  tracingEnabled: ['tracing', 'stage.tracing'],
  metricsEnabled: ['metrics', 'stage.metrics'],
  dataTraceEnabled: ['dataTrace', 'logging.dataTrace', 'stage.logging.dataTrace'],
  loggingLevel: ['logging.level', 'logging', 'stage.logging.level'],
  rateLimit: ['rate'],
  burstLimit: ['burst'],
  throttlingRateLimit: ['rate'],
  throttlingBurstLimit: ['burst'],
  accessLogSetting: ['accessLog', 'stage.accessLog'],
  accessLogSettings: ['accessLog', 'stage.accessLog'],
  destinationArn: ['destination'],
  cacheClusterEnabled: ['cache', 'stage.cache'],
  cacheClusterSize: ['cache.size', 'stage.cache.size'],
  cacheTtlInSeconds: ['ttl', 'cache.ttl'],
  cacheDataEncrypted: ['encrypted', 'cache.encrypted'],
  cacheKeyParameters: ['keys', 'cache.keys'],
  stageName: ['name', 'stage.name'],
  endpointConfiguration: ['endpoint', 'api.endpoint'],
  disableExecuteApiEndpoint: ['disableDefaultEndpoint', 'api.disableDefaultEndpoint'],
  vpcEndpointIds: ['vpcEndpoints', 'api.vpcEndpoints'],
  authorizationType: ['auth'],
  authorizer: ['auth'],
  authorizerId: ['auth'],
  authorizationScopes: ['auth'],
  apiKeyRequired: ['apiKey'],
  requestValidator: ['validate'],
  requestValidatorId: ['validate'],
  providerARNs: ['userPools'],
  authorizerUri: ['function'],
  authorizerResultTtlInSeconds: ['ttl'],
  identityValidationExpression: ['pattern'],
  authorizerCredentials: ['role'],
  timeoutInMillis: ['timeout'],
  connectionId: ['vpcLink'],
  credentials: ['role'],
  requestTemplates: ['requestTemplate'],
  responseTemplates: ['responseTemplate'],
  payloadFormatVersion: ['payloadFormat'],
  domainName: ['name', 'domain.name'],
  certificateArn: ['certificate', 'domain.certificate'],
  regionalCertificateArn: ['certificate', 'domain.certificate'],
};

/**
 * Keys of a raw `x-amazon-apigateway-integration`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
 */
const RAW_INTEGRATION_KEYS = new Set([
  'type',
  'uri',
  'httpMethod',
  'passthroughBehavior',
  'contentHandling',
  'requestParameters',
  'requestTemplates',
  'responses',
  'credentials',
  'timeoutInMillis',
  'connectionType',
  'connectionId',
  'cacheKeyParameters',
  'cacheNamespace',
  'integrationSubtype',
  'payloadFormatVersion',
  'tlsConfig',
]);

/** A key AWS names otherwise: its short form here (`sibling`), or the place of the language it belongs to. */
export type KeyRewrite =
  | { readonly kind: 'sibling'; readonly key: string; readonly short: string; readonly value?: string }
  | { readonly kind: 'elsewhere'; readonly key: string; readonly place: string };

/**
 * The rewrite of `key` written in an object whose keys are `known`; `root`: whether that object is a
 * root x-gateway block (places of the language are written from there).
 */
export function rewriteKey(
  key: string,
  value: unknown,
  known: readonly string[],
  root: boolean,
): KeyRewrite | undefined {
  const lower = key.charAt(0).toLowerCase() + key.slice(1);
  const targets = Object.hasOwn(AWS_NAMES, key)
    ? AWS_NAMES[key]
    : Object.hasOwn(AWS_NAMES, lower)
      ? AWS_NAMES[lower]
      : undefined;
  if (targets === undefined) return elsewhere(key, root);
  for (const target of targets) {
    const [first, ...rest] = target.split('.');
    if (!known.includes(first!)) continue;
    const short = target;
    if (rest.length > 0) return { kind: 'sibling', key, short, ...(isScalar(value) && { value: String(value) }) };
    return { kind: 'sibling', key, short, ...valueFor(first!, value) };
  }
  const place = targets.find((t) => t.includes('.'));
  return place !== undefined && root ? { kind: 'elsewhere', key, place } : elsewhere(key, root);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The value an AWS identity source becomes: `header: Name`, or `identity: [header.Name, …]`. */
function valueFor(target: string, value: unknown): { value?: string } {
  if (typeof value !== 'string') return {};
  const sources = value.split(',').map((s) => s.trim());
  const short = sources.map((s) => shortRequestValue(s) ?? s);
  if (target === 'header' && short.length === 1 && short[0]!.startsWith('header.'))
    return { value: short[0]!.slice('header.'.length) };
  if (target === 'identity') return { value: `[${short.join(', ')}]` };
  return {};
}

/** A key of another place of the language (`tracing` written at the root is `stage.tracing`). */
function elsewhere(key: string, root: boolean): KeyRewrite | undefined {
  if (!root) return undefined;
  const places = languagePlaces().get(key.toLowerCase());
  return places !== undefined && places.length === 1 ? { kind: 'elsewhere', key, place: places[0]! } : undefined;
}

let places: Map<string, string[]> | undefined;

/** Each key of the root x-gateway block's objects (two levels down, where settings live), by lowercased name: its dotted places. */
function languagePlaces(): Map<string, string[]> {
  if (places) return places;
  const schema = requirePackageFile('./schemas/x-gateway.schema.json') as SchemaNode;
  const defs = (schema['$defs'] ?? {}) as Record<string, SchemaNode>;
  const resolve = (node: SchemaNode): SchemaNode => {
    const ref = node['$ref'];
    return typeof ref === 'string' && ref.startsWith('#/$defs/')
      ? resolve(defs[ref.slice(8).split('/')[0]!] ?? {})
      : node;
  };
  const found = new Map<string, string[]>();
  const visit = (node: SchemaNode, at: string[]): void => {
    const properties = (resolve(node)['properties'] ?? {}) as Record<string, SchemaNode>;
    for (const [name, child] of Object.entries(properties)) {
      const place = [...at, name];
      if (at.length > 0)
        (found.get(name.toLowerCase()) ?? found.set(name.toLowerCase(), []).get(name.toLowerCase())!).push(
          place.join('.'),
        );
      if (place.length < 2) visit(child, place);
    }
  };
  visit(schema, []);
  places = found;
  return found;
}

type SchemaNode = Record<string, unknown>;

/**
 * A raw `x-amazon-apigateway-integration` written as x-gateway's `integration`: the x-gateway form of it.
 * undefined when `block` has no `type` or `uri` of one.
 */
export function rawIntegrationRewrite(block: unknown): string | undefined {
  if (block === null || typeof block !== 'object') return undefined;
  const raw = block as Record<string, unknown>;
  if (!('type' in raw) && !('uri' in raw)) return undefined;
  const type = String(raw['type'] ?? '').toLowerCase();
  const uri = typeof raw['uri'] === 'string' ? raw['uri'] : undefined;
  const lambda = uri && /:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/.exec(uri)?.[1];
  if (lambda) return `integration: { lambda: "${lambda}" }`;
  if ((type === 'http' || type === 'http_proxy') && uri) return `integration: { http: "${uri}" }`;
  if (type === 'mock') return 'integration: { mock: {} }';
  return undefined;
}

/** Whether every key of `keys` is a key of a raw `x-amazon-apigateway-integration`. */
export function rawIntegrationKeys(keys: readonly string[]): boolean {
  return keys.every((k) => RAW_INTEGRATION_KEYS.has(k));
}

/** Request value kinds, and whether a pattern takes each. */
const KINDS = ['body', 'path', 'query', 'header', 'context', 'stageVariables'];

/** What to write instead of a value the schema refuses with `error`: a sentence that starts with "Write" or "Remove". */
export function rewriteValue(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const value = error.data;
  switch (error.keyword) {
    case 'enum': {
      const allowed = params['allowedValues'] as unknown[];
      const guess = typeof value === 'string' ? nearestOf(value, allowed.map(String)) : undefined;
      return guess !== undefined
        ? `Write \`${guess}\`.`
        : `Write one of: ${allowed.map((a) => `\`${String(a)}\``).join(', ')}.`;
    }
    case 'const':
      return `Write \`${String(params['allowedValue'])}\`.`;
    case 'pattern':
      return rewritePattern(error);
    case 'type':
      return `Write ${typeWords(String(params['type']))}.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `Write a number ${error.keyword === 'minimum' ? 'of at least' : 'above'} ${String(params['limit'])}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `Write a number ${error.keyword === 'maximum' ? 'of at most' : 'below'} ${String(params['limit'])}.`;
    case 'minLength':
      return params['limit'] === 1
        ? 'Write a value that is not empty.'
        : `Write at least ${String(params['limit'])} characters.`;
    case 'maxLength':
      return `Write at most ${String(params['limit'])} characters.`;
    case 'minItems':
      return `Write at least ${String(params['limit'])} ${params['limit'] === 1 ? 'entry' : 'entries'}.`;
    case 'maxItems':
      return `Write at most ${String(params['limit'])} ${params['limit'] === 1 ? 'entry' : 'entries'}.`;
    case 'minProperties':
      return `Write at least ${String(params['limit'])} ${params['limit'] === 1 ? 'key' : 'keys'}.`;
    case 'maxProperties':
      return `Write at most ${String(params['limit'])} keys.`;
    case 'required':
      return `Write \`${String(params['missingProperty'])}\` here.`;
    case 'uniqueItems':
      return `Remove entry ${String(params['i'])}: it repeats entry ${String(params['j'])}.`;
    case 'false schema':
      return 'Remove it.';
    case 'anyOf':
      return error.schemaPath.endsWith('awsValue/anyOf')
        ? 'Write a string (`${Name}` placeholders become template parameters) or one intrinsic such as `!Ref Name`.'
        : `Write ${branchWords(error.schema)}.`;
    default:
      return 'Write a value of this form:';
  }
}

/** An allowed value that `value` spells nearly: the same word in another case, a word of it, or a close misspelling. */
function nearestOf(value: string, allowed: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  const words = lower.split(/[^a-z0-9.]+/);
  const inside = allowed.filter((a) => words.includes(a.toLowerCase()));
  if (inside.length === 1) return inside[0];
  return closest(value, allowed);
}

/** The forms an `anyOf` takes, by type. */
function branchWords(branches: unknown): string {
  if (!Array.isArray(branches)) return 'a value of one of the forms described below';
  const types = branches.map((b) => {
    const node = b as Record<string, unknown>;
    if (typeof node['$ref'] === 'string' && node['$ref'].endsWith('Placeholder')) return 'a `${Name}` placeholder';
    if (typeof node['$ref'] === 'string' && node['$ref'].endsWith('requestValue')) return 'a request value (`path.id`)';
    if (Array.isArray(node['enum'])) return `one of ${node['enum'].map((v) => `\`${String(v)}\``).join(', ')}`;
    return typeof node['type'] === 'string' ? typeWords(node['type']) : 'a value described below';
  });
  return [...new Set(types)].join(', or ');
}

/** A request value the pattern refuses: where it reads (`$input.params`), or the kinds it may be. */
function rewritePattern(error: ErrorObject): string {
  // API Gateway's own prefix (`method.request.pathx.id`) is the normaliser's to read: what is left is misspelt.
  const value = String(error.data).replace(/^\$?method\.request\./, '');
  const pattern = new RegExp(String(error.params['pattern']), 'u');
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  if (schema['x-requestValue'] !== true) return 'Write a value of this form:';
  const searched = ambiguousParams(value);
  const kinds = KINDS.filter((k) => pattern.test(`${k}.x`));
  if (searched !== undefined) {
    const forms = kinds.filter((k) => k !== 'body' && k !== 'context' && k !== 'stageVariables');
    return `Write ${listed(forms.map((k) => `\`${k}.${searched}\``))}: the one place the value comes from.`;
  }
  const dot = value.indexOf('.');
  const rest = dot < 0 ? '' : value.slice(dot + 1);
  const kind = dot < 0 ? undefined : closest(value.slice(0, dot), kinds);
  if (kind !== undefined && rest !== '' && pattern.test(`${kind}.${rest}`)) return `Write \`${kind}.${rest}\`.`;
  const name = rest || value;
  const guesses = kinds.map((k) => `${k}.${name}`).filter((v) => pattern.test(v));
  return guesses.length > 0
    ? `Write one of: ${guesses.map((g) => `\`${g}\``).join(', ')}.`
    : `Write one of the forms ${kinds.map((k) => `\`${k}.…\``).join(', ')}.`;
}

/** `a, b or c` (`and` with `conjunction: 'and'`). */
export function listed(items: readonly string[], conjunction: 'and' | 'or' = 'or'): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** The known word nearest to `word`, if it is near enough to be a misspelling. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
