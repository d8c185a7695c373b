/**
 * Access control in the model: authorizers, each route's auth and API key requirement, usage plans and
 * keys, the resource policy. Each check is a small function, reported where the setting was written.
 */
import { childPointer, valueAtPointer } from '../diagnostics/diagnostic.js';
import {
  type AwsValue,
  cfnValue,
  hasPlaceholder,
  isIntrinsic,
  type Json,
  placeholderNames,
  referencedNames,
} from './aws-value.js';
import { asBlock, type Block, type ModelContext, type RouteScope, setting } from './context.js';
import type {
  AccessControl,
  ApiKey,
  Authorizer,
  EndpointType,
  PolicyPrincipals,
  PrivateSources,
  ResourcePolicy,
  Route,
  RouteAuth,
  Throttle,
  UsagePlan,
  WebSocketApi,
} from './ir.js';
import { pascalCase, someRoutes } from './names.js';
import { numberSetting } from './placeholders.js';
import { throttleSetting } from './stage.js';
import { lambdaFunction } from '../integrations/lambda.js';
import { requirePackageFile } from '../package-files.js';
import { closest } from './rewrites.js';

const AUTHORIZERS = '/x-gateway/authorizers';
/** The security scheme API Gateway reads as "this method requires an API key". */
export const API_KEY_SCHEME = 'api_key';
const BUILT_IN = ['iam', 'none'] as const;
const DEFAULT_TTL = 300;
const MAX_TTL = 3600;

export function buildAuthorizers(ctx: ModelContext): Authorizer[] {
  return namedEntries(ctx, asBlock(ctx.root['authorizers']), AUTHORIZERS, 'authorizer')
    .filter(([name]) => authorizerNameOk(ctx, name))
    .map(([name, raw]) => {
      const block = asBlock(raw);
      const pointer = childPointer(AUTHORIZERS, name);
      const origin = ctx.origin(pointer);
      const usage = `authorizer ${name}`;
      const role =
        'role' in block
          ? { role: ctx.value(block['role'], childPointer(pointer, 'role'), `Role that invokes the ${usage}`) }
          : {};
      const lambdaOf = () =>
        lambdaFunction(ctx, block['function'], childPointer(pointer, 'function'), `Lambda function of the ${usage}`);
      switch (block['type']) {
        case 'jwt':
          return {
            kind: 'jwt',
            name,
            issuer: ctx.value(block['issuer'], childPointer(pointer, 'issuer'), `Token issuer URL of the ${usage}`),
            audience: (block['audience'] as unknown[]).map((value, i) =>
              ctx.value(value, childPointer(pointer, 'audience', i), `Accepted token audience of the ${usage}`),
            ),
            header: typeof block['header'] === 'string' ? block['header'] : 'Authorization',
            origin,
          };
        case 'cognito':
          if (ctx.apiType === 'http') return cognitoJwt(ctx, name, block, pointer);
          return {
            kind: 'cognito',
            name,
            userPools: (block['userPools'] as unknown[]).map((pool, i) =>
              ctx.value(pool, childPointer(pointer, 'userPools', i), `Cognito user pool ARN for the ${usage}`),
            ),
            header: typeof block['header'] === 'string' ? block['header'] : 'Authorization',
            origin,
          };
        case 'token':
          return {
            kind: 'token',
            name,
            function: lambdaOf(),
            header: typeof block['header'] === 'string' ? block['header'] : 'Authorization',
            ttl: ttlOf(ctx, block, pointer),
            ...(typeof block['pattern'] === 'string' && { pattern: block['pattern'] }),
            ...role,
            origin,
          };
        default: {
          const ttl = ttlOf(ctx, block, pointer);
          if (!('identity' in block) && ttl > 0) {
            ctx.report(
              'authorizer-identity-required',
              'error',
              `The request authorizer \`${name}\` caches its answers (TTL ${ttl} s) but names no identity source, the cache key API Gateway requires.`,
              pointer,
              'List the identity sources (e.g. `identity: [header.Authorization]`), or set `ttl: 0` to call the function on every request.',
            );
          }
          return {
            kind: 'request',
            name,
            function: lambdaOf(),
            identity: Array.isArray(block['identity']) ? (block['identity'] as string[]).map(identitySource) : [],
            ttl,
            simpleResponses: block['simpleResponses'] !== false,
            ...role,
            origin,
          };
        }
      }
    });
}

/**
 * On an HTTP API a Cognito user pool is a JWT issuer: its tokens carry the pool's URL as `iss`, and the
 * app client id as `aud` (ID tokens) or `client_id` (access tokens), either of which API Gateway matches
 * against the audience. https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
function cognitoJwt(ctx: ModelContext, name: string, block: Block, pointer: string): Authorizer {
  const pools = block['userPools'] as unknown[];
  if (pools.length > 1) {
    ctx.report(
      'cognito-several-pools',
      'error',
      `An HTTP API checks tokens of one issuer per authorizer, and \`${name}\` names ${pools.length} user pools.`,
      childPointer(pointer, 'userPools', 1),
      'Declare one cognito authorizer per user pool.',
    );
  }
  if (!('audience' in block)) {
    ctx.report(
      'cognito-audience-required',
      'error',
      `On an HTTP API the Cognito authorizer \`${name}\` is a JWT authorizer, which accepts tokens only for the app clients it lists.`,
      pointer,
      'Add `audience:` with the user pool app client ids (e.g. `audience: [!Ref UserPoolClient]`).',
    );
  }
  const pool = ctx.value(
    pools[0],
    childPointer(pointer, 'userPools', 0),
    `Cognito user pool ARN for the authorizer ${name}`,
  );
  return {
    kind: 'jwt',
    name,
    issuer: cognitoIssuer(pool),
    audience: (Array.isArray(block['audience']) ? block['audience'] : []).map((value, i) =>
      ctx.value(value, childPointer(pointer, 'audience', i), `App client id accepted by the authorizer ${name}`),
    ),
    header: typeof block['header'] === 'string' ? block['header'] : 'Authorization',
    origin: ctx.origin(pointer),
  };
}

/**
 * `arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}` → `https://cognito-idp.{region}.amazonaws.com/{poolId}`,
 * read from a literal ARN, or cut out of any other value at deploy time.
 */
function cognitoIssuer(pool: AwsValue): AwsValue {
  const literal =
    pool.kind === 'literal' ? /^arn:[^:]+:cognito-idp:([^:]+):\d{12}:userpool\/(.+)$/.exec(pool.value) : null;
  if (literal) return { kind: 'sub', template: `https://cognito-idp.${literal[1]}.\${AWS::URLSuffix}/${literal[2]}` };
  const arn = cfnValue(pool);
  return {
    kind: 'intrinsic',
    value: {
      'Fn::Join': [
        '',
        [
          'https://cognito-idp.',
          { 'Fn::Select': [3, { 'Fn::Split': [':', arn] }] },
          '.',
          { Ref: 'AWS::URLSuffix' },
          '/',
          { 'Fn::Select': [1, { 'Fn::Split': ['/', arn] }] },
        ],
      ],
    },
  };
}

/**
 * An authorizer's name becomes its OpenAPI security scheme name, which API Gateway also reads for the
 * built-in kinds: `iam`/`none` are `auth` values of their own, `api_key` is the scheme of API keys.
 */
function authorizerNameOk(ctx: ModelContext, name: string): boolean {
  const pointer = childPointer(AUTHORIZERS, name);
  if ((BUILT_IN as readonly string[]).includes(name)) {
    ctx.report(
      'authorizer-name-reserved',
      'error',
      `\`${name}\` is built in: \`auth: ${name}\` means ` +
        `${name === 'iam' ? 'IAM (SigV4) authorization' : 'no authorization'}, so no authorizer can have that ` +
        `name.`,
      pointer,
      'Rename the authorizer.',
    );
  } else if (name === API_KEY_SCHEME) {
    ctx.report(
      'authorizer-name-reserved',
      'error',
      `\`${API_KEY_SCHEME}\` is the security scheme gateform generates for \`apiKey: true\`, so no authorizer can have that name.`,
      pointer,
      'Rename the authorizer.',
    );
  } else if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    ctx.report(
      'authorizer-name-invalid',
      'error',
      `\`${name}\` is not a valid authorizer name: it becomes a security scheme name, of letters, digits, \`_\` and \`-\`.`,
      pointer,
      `Rename it, e.g. \`${name.replace(/[^A-Za-z0-9_-]+/g, '-')}\`.`,
    );
  } else {
    return true;
  }
  return false;
}

/**
 * The entries of a block of named things, each name checked to give its own logical IDs: `my-auth` and
 * `My_Auth` both become `…MyAuth…`, and the second resource would silently replace the first.
 */
function namedEntries(ctx: ModelContext, block: Block, pointer: string, what: string): [string, unknown][] {
  const seen = new Map<string, string>();
  for (const name of Object.keys(block)) {
    const id = pascalCase(name);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, name);
      continue;
    }
    ctx.report(
      'name-clash',
      'error',
      `The ${what} names \`${first}\` and \`${name}\` both become \`${id}\` in logical IDs, so one would replace the other.`,
      childPointer(pointer, name),
      'Rename one of them: logical IDs keep only the letters and digits of a name, each word capitalized.',
      [{ ...ctx.origin(childPointer(pointer, first)), message: `\`${first}\` is declared here` }],
    );
  }
  return Object.entries(block);
}

function ttlOf(ctx: ModelContext, block: Block, pointer: string): number {
  const ttl = typeof block['ttl'] === 'number' ? block['ttl'] : DEFAULT_TTL;
  if (ttl < 0 || ttl > MAX_TTL) {
    ctx.report(
      'authorizer-ttl',
      'error',
      `Authorizer result TTL ${ttl} is outside 0..3600 seconds.`,
      childPointer(pointer, 'ttl'),
      'Use 0 to turn caching off, or at most 3600.',
    );
  }
  return ttl;
}

/** `header.X-Partner` → `method.request.header.X-Partner`, `query.tenant` → `method.request.querystring.tenant`. */
export function identitySource(source: string): string {
  const dot = source.indexOf('.');
  const [kind, name] = [source.slice(0, dot), source.slice(dot + 1)];
  if (kind === 'header') return `method.request.header.${name}`;
  if (kind === 'query') return `method.request.querystring.${name}`;
  return `${kind}.${name}`;
}

/** The route's auth (nearest `auth` along the chain) and whether it requires an API key. */
export function routeAccess(
  ctx: ModelContext,
  scope: RouteScope,
  authorizers: readonly Authorizer[],
): Pick<Route, 'auth' | 'apiKey' | 'apiKeyOrigin'> {
  const key = setting(scope, 'apiKey');
  const apiKey = key?.value === true;
  const written = setting(scope, 'auth');
  const auth = written && routeAuth(ctx, written, authorizers);
  // An unknown authorizer is reported already.
  if (key && apiKey && (auth || !written)) checkKeyFromAuthorizer(ctx, scope, auth, key.pointer);
  return { ...(auth && { auth }), apiKey, ...(key && apiKey && { apiKeyOrigin: ctx.origin(key.pointer) }) };
}

/**
 * With `apiKeys.source: authorizer`, the key of a call is the `usageIdentifierKey` its Lambda authorizer
 * returns: an operation that requires a key but has no Lambda authorizer gets 403 on every call.
 */
function checkKeyFromAuthorizer(
  ctx: ModelContext,
  scope: RouteScope,
  auth: RouteAuth | undefined,
  pointer: string,
): void {
  if (asBlock(ctx.root['apiKeys'])['source'] !== 'authorizer') return;
  if (auth?.kind === 'authorizer' && auth.authorizer.kind !== 'cognito') return;
  const by = !auth
    ? 'no authorizer'
    : auth.kind === 'authorizer'
      ? `the Cognito authorizer \`${auth.authorizer.name}\``
      : `\`${auth.kind}\``;
  ctx.report(
    'api-key-source-without-authorizer',
    'error',
    `${scope.method} ${scope.path} requires an API key, which comes from a Lambda authorizer ` +
      `(apiKeys.source: authorizer), but it is authorized by ${by}: every call would be refused.`,
    pointer,
    'Authorize the operation with a token or request authorizer that returns usageIdentifierKey, set `apiKey: false` on it, or use `apiKeys.source: header`.',
  );
}

function routeAuth(
  ctx: ModelContext,
  written: { readonly value: unknown; readonly pointer: string },
  authorizers: readonly Authorizer[],
): RouteAuth | undefined {
  const origin = ctx.origin(written.pointer);
  const [name, options] = Array.isArray(written.value)
    ? [written.value[0] as string, asBlock(written.value[1])]
    : [written.value as string, {}];
  const scopes = Array.isArray(options['scopes']) ? (options['scopes'] as string[]) : [];
  const namePointer = Array.isArray(written.value) ? childPointer(written.pointer, 0) : written.pointer;
  if (name === 'iam' || name === 'none') {
    if (scopes.length > 0) scopesNotAllowed(ctx, name, childPointer(written.pointer, 1, 'scopes'));
    return { kind: name, origin };
  }
  const authorizer = authorizers.find((a) => a.name === name);
  if (!authorizer) {
    const known = [...BUILT_IN, ...authorizers.map((a) => a.name)];
    const guess = closest(name, known);
    ctx.report(
      'authorizer-unknown',
      'error',
      `\`${name}\` is not an authorizer.` + (guess ? ` Did you mean \`${guess}\`?` : ''),
      namePointer,
      (guess ? `Write \`${guess}\`. ` : '') +
        `Known: ${known.join(', ')}. Declare authorizers under x-gateway.authorizers.`,
    );
    return undefined;
  }
  const scoped = authorizer.kind === 'cognito' || authorizer.kind === 'jwt';
  if (scopes.length > 0 && !scoped)
    scopesNotAllowed(ctx, `${name} (a ${authorizer.kind} authorizer)`, childPointer(written.pointer, 1, 'scopes'));
  return { kind: 'authorizer', authorizer, scopes: scoped ? scopes : [], origin };
}

function scopesNotAllowed(ctx: ModelContext, what: string, pointer: string): void {
  ctx.report(
    'scopes-on-non-cognito',
    'error',
    `OAuth scopes apply only to Cognito and JWT authorizers, not to ${what}.`,
    pointer,
    'Remove the scopes, or use a cognito (or, on an HTTP API, jwt) authorizer.',
  );
}

export function buildAccess(
  ctx: ModelContext,
  routes: readonly Route[],
  declared: readonly Authorizer[],
  endpoint: EndpointType,
  vpcEndpoints: readonly AwsValue[],
  websocket?: WebSocketApi,
): AccessControl {
  const authorizers = restAuthorizers(ctx, routes, declared, websocket);
  const plans = buildUsagePlans(ctx, routes);
  const keys = buildApiKeys(ctx, plans);
  const apiKeySource = asBlock(ctx.root['apiKeys'])['source'] === 'authorizer' ? 'AUTHORIZER' : 'HEADER';
  checkApiKeyUse(ctx, routes, plans);
  checkDefaultEndpoint(ctx);
  checkSchemeNames(
    ctx,
    authorizers,
    routes.some((r) => r.apiKey),
  );
  const policy = buildPolicy(ctx, routes, endpoint, vpcEndpoints);
  return { authorizers, apiKeySource, usagePlans: plans, apiKeys: keys, ...(policy && { policy }) };
}

/**
 * The authorizers of the REST API: all but those only the WebSocket API's `$connect` uses (there they
 * are an ApiGatewayV2 authorizer with a permission of their own; on the REST API they would do nothing
 * but hold an invoke permission). One that an operation's raw `security` names stays.
 */
function restAuthorizers(
  ctx: ModelContext,
  routes: readonly Route[],
  declared: readonly Authorizer[],
  websocket: WebSocketApi | undefined,
): readonly Authorizer[] {
  const webSocket = new Set(
    websocket?.routes.flatMap((r) => (r.auth?.kind === 'authorizer' ? [r.auth.authorizer.name] : [])) ?? [],
  );
  if (webSocket.size === 0) return declared;
  const rest = new Set(routes.flatMap((r) => (r.auth?.kind === 'authorizer' ? [r.auth.authorizer.name] : [])));
  const requirements = [
    ctx.document['security'],
    ...routes.map(
      (r) =>
        asBlock(
          valueAtPointer(
            ctx.document,
            childPointer(
              '/paths',
              r.path,
              r.method === 'ANY' ? 'x-amazon-apigateway-any-method' : r.method.toLowerCase(),
            ),
          ),
        )['security'],
    ),
  ];
  for (const list of requirements)
    if (Array.isArray(list))
      for (const requirement of list) for (const name of Object.keys(asBlock(requirement))) rest.add(name);
  return declared.filter((a) => rest.has(a.name) || !webSocket.has(a.name));
}

function buildUsagePlans(ctx: ModelContext, routes: readonly Route[]): UsagePlan[] {
  return namedEntries(ctx, asBlock(ctx.root['usagePlans']), '/x-gateway/usagePlans', 'usage plan').map(
    ([name, raw]) => {
      const block = asBlock(raw);
      const pointer = childPointer('/x-gateway/usagePlans', name);
      const quota = asBlock(block['quota']);
      if ('quota' in block && typeof quota['limit'] === 'number' && quota['limit'] <= 0) {
        ctx.report(
          'usage-plan-limit-not-positive',
          'error',
          `Quota limit ${String(quota['limit'])} must be positive.`,
          childPointer(pointer, 'quota', 'limit'),
          'Set the number of requests allowed per period.',
        );
      }
      if (typeof quota['offset'] === 'number')
        checkQuotaOffset(ctx, quota['offset'], String(quota['period']), childPointer(pointer, 'quota', 'offset'));
      const methods = Object.entries(asBlock(block['methods'])).flatMap(([key, throttle]) => {
        const at = childPointer(pointer, 'methods', key);
        const [method, path] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
        const route = routes.find((r) => r.method === method && r.path === path);
        if (!route) {
          ctx.report(
            'usage-plan-unknown-method',
            'error',
            `\`${key}\` is not an operation of this API.`,
            at,
            'Write the method and the path as the spec has them, e.g. "POST /pets".',
          );
          return [];
        }
        // A usage plan meters only calls that carry a key.
        if (!route.apiKey) {
          ctx.report(
            'usage-plan-method-without-api-key',
            'warning',
            `${key} does not require an API key, so the plan's throttle for it never applies.`,
            at,
            'Set `apiKey: true` on the operation, or remove this entry.',
          );
        }
        return [{ route, throttle: throttleOf(ctx, throttle, at, `${key} in the usage plan ${name}`) }];
      });
      return {
        name,
        ...(typeof block['description'] === 'string' && {
          description: described(
            ctx,
            block['description'],
            childPointer(pointer, 'description'),
            `Description of the usage plan ${name}`,
          ),
        }),
        ...('throttle' in block && {
          throttle: throttleOf(ctx, block['throttle'], childPointer(pointer, 'throttle'), `the usage plan ${name}`),
        }),
        ...('quota' in block && {
          quota: {
            limit: numberSetting(
              ctx,
              quota['limit'],
              childPointer(pointer, 'quota', 'limit'),
              `Requests per period for the usage plan ${name}`,
              { min: 1 },
            ),
            period: String(quota['period']).toUpperCase() as 'DAY' | 'WEEK' | 'MONTH',
            ...('offset' in quota && {
              offset: numberSetting(
                ctx,
                quota['offset'],
                childPointer(pointer, 'quota', 'offset'),
                `Quota offset of the usage plan ${name}`,
                { min: 0 },
              ),
            }),
          },
        }),
        methods,
        origin: ctx.origin(pointer),
      };
    },
  );
}

/** The days a period may start on, if the offset is a start day: to Saturday; to the 28th, which every month has. */
const START_DAYS: Readonly<Record<string, { last: number; text: string }>> = {
  day: { last: 0, text: 'only 0' },
  week: { last: 6, text: '0 (Sunday) to 6' },
  month: { last: 27, text: '0 (the 1st) to 27' },
};

/**
 * AWS documents a quota's offset two ways: as "the number of requests subtracted from the given limit in
 * the initial time period" (API reference, CloudFormation: an integer, minimum 0) and as "the day that a
 * time period starts", `WEEK` 0 being Sunday (some SDK references). No documented error bounds it, so a
 * value that fits only the request reading is a warning, not an error.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_QuotaSettings.html
 */
function checkQuotaOffset(ctx: ModelContext, offset: number, period: string, pointer: string): void {
  const days = START_DAYS[period] ?? { last: 0, text: 'only 0' };
  if (offset <= days.last) return;
  const adjective = period === 'day' ? 'daily' : `${period}ly`;
  ctx.report(
    'usage-plan-quota-offset',
    'warning',
    `Quota offset ${offset} is not a start day of a ${adjective} quota, which is ${days.text}: AWS ` +
      `documents the offset both as the day a period starts and as the number of requests taken off the ` +
      `first period's limit, so API Gateway may refuse or read it differently.`,
    pointer,
    `Leave the offset out unless you mean requests taken off the first ` +
      `${period}${days.last === 0 ? '' : `; to start each ${period} on another day use 0 to ${days.last}`}.`,
  );
}

function throttleOf(ctx: ModelContext, raw: unknown, pointer: string, what: string): Throttle {
  const throttle = throttleSetting(ctx, raw, pointer, what);
  for (const key of ['rate', 'burst'] as const) {
    if (typeof throttle[key] === 'number' && throttle[key] <= 0)
      ctx.report(
        'usage-plan-limit-not-positive',
        'error',
        `Throttle ${key} ${throttle[key]} must be positive.`,
        childPointer(pointer, key),
        'A zero or negative limit would block every request.',
      );
  }
  if (
    typeof throttle.burst === 'number' &&
    typeof throttle.rate === 'number' &&
    throttle.burst > 0 &&
    throttle.rate > 0 &&
    throttle.burst < throttle.rate
  ) {
    ctx.report(
      'usage-plan-burst-below-rate',
      'warning',
      `Burst ${throttle.burst} is below the rate ${throttle.rate}: a second's worth of requests can never arrive at once.`,
      childPointer(pointer, 'burst'),
      'Set burst to at least the rate (commonly twice it).',
    );
  }
  return throttle;
}

function buildApiKeys(ctx: ModelContext, plans: readonly UsagePlan[]): ApiKey[] {
  return namedEntries(ctx, asBlock(asBlock(ctx.root['apiKeys'])['keys']), '/x-gateway/apiKeys/keys', 'API key').flatMap(
    ([name, raw]) => {
      const block = asBlock(raw);
      const pointer = childPointer('/x-gateway/apiKeys/keys', name);
      // The key's own values are read whatever its plan, which may be missing or unreadable.
      const value =
        typeof block['value'] === 'string'
          ? keyValue(ctx, block['value'], childPointer(pointer, 'value'), name)
          : undefined;
      const description =
        typeof block['description'] === 'string'
          ? described(
              ctx,
              block['description'],
              childPointer(pointer, 'description'),
              `Description of the API key ${name}`,
            )
          : undefined;
      const plan = plans.find((p) => p.name === block['plan']);
      if (!plan) {
        ctx.report(
          'unknown-usage-plan',
          'error',
          `Key \`${name}\` names the usage plan \`${String(block['plan'])}\`, which is not declared.`,
          childPointer(pointer, 'plan'),
          `Declared plans: ${plans.map((p) => p.name).join(', ') || 'none'} (x-gateway.usagePlans).`,
        );
        return [];
      }
      return [
        {
          name,
          plan,
          ...(description !== undefined && { description }),
          ...(value && { valueParameter: value }),
          origin: ctx.origin(pointer),
        },
      ];
    },
  );
}

/**
 * An imported key value: a NoEcho parameter as long as API Gateway allows (20 to 128 characters). A
 * default would write the secret into the template, where anyone who can read the stack sees it.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
function keyValue(ctx: ModelContext, placeholder: string, pointer: string, key: string): string {
  const name = ctx.secret(placeholder, pointer, `Existing value of the API key ${key}`, { min: 20, max: 128 });
  const [other] = parameterUses(ctx.document, name, '').filter(
    (at) => at !== pointer && !at.startsWith('/x-gateway/parameters/'),
  );
  if (other !== undefined) {
    ctx.report(
      'api-key-value-reused',
      'error',
      `The parameter \`${name}\` holds the value of the API key \`${key}\`, a NoEcho secret of 20 to 128 characters, and is also used here.`,
      other,
      `Give the key value a parameter of its own, e.g. \`\${${pascalCase(key)}KeyValue}\`.`,
      [{ ...ctx.origin(pointer), message: 'the key value is taken from here' }],
    );
  }
  if ('default' in asBlock(asBlock(ctx.root['parameters'])[name])) {
    ctx.report(
      'api-key-value-default',
      'error',
      `The parameter \`${name}\` holds the value of the API key \`${key}\`, and its default would write that secret into the template.`,
      childPointer('/x-gateway/parameters', name, 'default'),
      'Remove the default and pass the value when the stack is deployed (e.g. from Secrets Manager).',
      [{ ...ctx.origin(pointer), message: 'the key value is taken from here' }],
    );
  }
  return name;
}

/** Where a document uses the template parameter `name`: a `${name}` placeholder, a `Ref`, or an `Fn::Sub`. */
export function parameterUses(node: unknown, name: string, pointer: string): string[] {
  if (typeof node === 'string') return placeholderNames(node).includes(name) ? [pointer] : [];
  if (node === null || typeof node !== 'object') return [];
  if (isIntrinsic(node)) return referencedNames(node).includes(name) ? [pointer] : [];
  return Object.entries(node).flatMap(([key, inner]) =>
    parameterUses(inner, name, childPointer(pointer, Array.isArray(node) ? Number(key) : key)),
  );
}

function checkApiKeyUse(ctx: ModelContext, routes: readonly Route[], plans: readonly UsagePlan[]): void {
  const metered = routes.find((r) => r.apiKey);
  if (plans.length > 0 && !metered) {
    ctx.report(
      'usage-plan-without-api-key',
      'warning',
      'Usage plans are declared, but no operation requires an API key, so none of them applies.',
      '/x-gateway/usagePlans',
      'Set `apiKey: true` on the operations the plans should meter (or in x-gateway.defaults).',
    );
  }
  // API Gateway accepts only keys in a usage plan of the stage: without one, every call is refused.
  if (metered && plans.length === 0) {
    ctx.report(
      'api-key-without-usage-plan',
      'warning',
      `${metered.method} ${metered.path} requires an API key, but no usage plan is declared: unless a plan ` +
        `of another stack covers this stage, every call is refused (403).`,
      metered.apiKeyOrigin ?? metered.origin,
      'Declare x-gateway.usagePlans and apiKeys.keys, or remove `apiKey: true`.',
    );
  }
}

/** Turning the execute-api endpoint off leaves only custom domains to reach the API. */
function checkDefaultEndpoint(ctx: ModelContext): void {
  if (asBlock(ctx.root['api'])['disableDefaultEndpoint'] !== true || 'domain' in ctx.root) return;
  ctx.report(
    'default-endpoint-disabled-without-domain',
    'warning',
    'The default execute-api endpoint is turned off and no custom domain is declared: the API answers every call through its default URL with 403.',
    '/x-gateway/api/disableDefaultEndpoint',
    'Declare x-gateway.domain (or map a domain of another stack to this stage), or remove `disableDefaultEndpoint`. The template gives no invoke URL.',
  );
}

/** A scheme the spec declares under a name gateform generates would be silently replaced. */
function checkSchemeNames(ctx: ModelContext, authorizers: readonly Authorizer[], usesKeys: boolean): void {
  const declared = asBlock(asBlock(ctx.document['components'])['securitySchemes']);
  const generated = [...authorizers.map((a) => a.name), ...(usesKeys ? [API_KEY_SCHEME] : [])];
  for (const name of generated.filter((n) => Object.hasOwn(declared, n))) {
    const ours = name === API_KEY_SCHEME ? '/x-gateway' : childPointer(AUTHORIZERS, name);
    ctx.report(
      'duplicate-setting',
      'error',
      `The security scheme \`${name}\` is declared in components.securitySchemes and generated by x-gateway.`,
      childPointer('/components/securitySchemes', name),
      name === API_KEY_SCHEME
        ? 'Rename your scheme: gateform generates `api_key` for operations with `apiKey: true`.'
        : 'Rename the authorizer or the scheme.',
      [{ ...ctx.origin(ours), message: 'generated from here' }],
    );
  }
}

const POLICY_EXTENSION = '/x-amazon-apigateway-policy';

function buildPolicy(
  ctx: ModelContext,
  routes: readonly Route[],
  endpoint: EndpointType,
  vpcEndpoints: readonly AwsValue[],
): ResourcePolicy | undefined {
  const raw = ctx.root['policy'];
  const pointer = '/x-gateway/policy';
  const extension = Object.hasOwn(ctx.document, 'x-amazon-apigateway-policy')
    ? (ctx.document['x-amazon-apigateway-policy'] as Json)
    : undefined;
  if (extension !== undefined && raw !== undefined) {
    ctx.report(
      'duplicate-setting',
      'error',
      'The resource policy is set twice: by x-gateway.policy and by x-amazon-apigateway-policy.',
      pointer,
      'Keep one of them.',
      [{ ...ctx.origin(POLICY_EXTENSION), message: 'also set here' }],
    );
  }
  const isPrivate = endpoint === 'private';
  if (isPrivate && vpcEndpoints.length === 0 && raw === undefined && extension === undefined) {
    ctx.report(
      'private-api-unreachable',
      'error',
      'A private API with neither VPC endpoints nor a resource policy can never be called.',
      '/x-gateway/api/endpoint',
      'List the interface VPC endpoints in `api.vpcEndpoints`, or write a `policy`.',
    );
  }
  if (raw === undefined) {
    if (!isPrivate) return undefined;
    if (extension !== undefined) return rawPolicy(ctx, extension, POLICY_EXTENSION, vpcEndpoints, true);
    return vpcEndpoints.length > 0
      ? { kind: 'vpc-endpoints', vpcEndpoints, origin: ctx.origin('/x-gateway/api/vpcEndpoints') }
      : undefined;
  }
  const block = asBlock(raw);
  if ('raw' in block) {
    for (const rules of ['allow', 'deny'].filter((key) => key in block)) {
      ctx.report(
        'duplicate-setting',
        'error',
        `The resource policy is set twice: by \`policy.raw\` and by \`policy.${rules}\`, which would be ignored.`,
        childPointer(pointer, rules),
        'Keep `raw` alone, or write its statements as `allow`/`deny`.',
        [{ ...ctx.origin(childPointer(pointer, 'raw')), message: 'also set here' }],
      );
    }
    return rawPolicy(ctx, block['raw'] as Json, childPointer(pointer, 'raw'), vpcEndpoints, isPrivate);
  }
  const allow = principals(ctx, block['allow'], childPointer(pointer, 'allow'));
  const anonymous = routes.filter((r) => !r.auth || r.auth.kind === 'none');
  if (allow.accounts.length > 0) checkAccountAllow(ctx, routes, anonymous, childPointer(pointer, 'allow', 'accounts'));
  // The places `allow` lists confine a private API's callers already; else the API's own endpoints do.
  const listed =
    allow.vpcEndpoints.length + allow.vpcs.length > 0
      ? { vpcEndpoints: allow.vpcEndpoints, vpcs: allow.vpcs }
      : { vpcEndpoints, vpcs: [] };
  const privateTo = isPrivate ? confined(ctx, listed, pointer) : undefined;
  return {
    kind: 'rules',
    allow,
    deny: principals(ctx, block['deny'], childPointer(pointer, 'deny')),
    anonymousCallers: anonymous.length > 0,
    ...(privateTo && { privateTo }),
    origin: ctx.origin(pointer),
  };
}

/**
 * A policy document used as written; on a private API, with the API's VPC endpoints as the only way in.
 * Without `api.vpcEndpoints`, the document must confine the callers itself (`aws:SourceVpce`/`aws:SourceVpc`).
 */
function rawPolicy(
  ctx: ModelContext,
  raw: Json,
  pointer: string,
  vpcEndpoints: readonly AwsValue[],
  isPrivate: boolean,
): ResourcePolicy {
  const origin = ctx.origin(pointer);
  const document = substitutePolicy(ctx, raw, pointer);
  if (!isPrivate || (vpcEndpoints.length === 0 && conditionsOnVpc(document))) return { kind: 'raw', document, origin };
  const privateTo = confined(ctx, { vpcEndpoints, vpcs: [] }, pointer);
  return { kind: 'raw', document, ...(privateTo && { privateTo }), origin };
}

/** Whether a policy document has a condition on the VPC endpoint or VPC of the call (condition keys ignore case). */
export function conditionsOnVpc(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  return Object.entries(node).some(([key, value]) => /^aws:sourcevpce?$/i.test(key) || conditionsOnVpc(value));
}

/**
 * A resource policy can admit VPC endpoints "in any account", and one that names none admits them all:
 * only conditions on `aws:SourceVpce`/`aws:SourceVpc` keep out the interface endpoints of other accounts.
 * A private API's policy therefore always denies calls from anywhere else.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html
 */
function confined(ctx: ModelContext, sources: PrivateSources, pointer: string): PrivateSources | undefined {
  if (sources.vpcEndpoints.length + sources.vpcs.length > 0) return sources;
  ctx.report(
    'private-api-policy-unconfined',
    'error',
    "This private API's resource policy names no VPC endpoint or VPC, so a call through any interface VPC endpoint, of any AWS account, would reach it.",
    pointer,
    "List the API's endpoints in `api.vpcEndpoints` (gateform then denies calls through any other), or " +
      'restrict the policy with `allow.vpcEndpoints` or `allow.vpcs`.',
  );
  return undefined;
}

/** A description, which may take `${Name}` placeholders. */
function described(ctx: ModelContext, text: string, pointer: string, usage: string): string {
  ctx.value(text, pointer, usage);
  return text;
}

/**
 * IAM policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`, `${*}`) are the policy's own, left
 * for IAM: escaped, so that a `Fn::Sub` around the string keeps them.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
const POLICY_VARIABLE = /\$\{(?=[A-Za-z0-9-]+:(?!:)|[*?$]\})/g;

/** A raw policy with its `${Name}` placeholders substituted and its intrinsics checked, as everywhere else. */
function substitutePolicy(ctx: ModelContext, node: Json, pointer: string): Json {
  if (typeof node === 'string') {
    const text = node.replace(POLICY_VARIABLE, '${!');
    return hasPlaceholder(text) ? cfnValue(ctx.value(text, pointer, 'Value in the resource policy')) : node;
  }
  if (isIntrinsic(node)) return cfnValue(ctx.value(node, pointer, 'Value in the resource policy'));
  if (Array.isArray(node)) return node.map((item, i) => substitutePolicy(ctx, item, childPointer(pointer, i)));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, substitutePolicy(ctx, value, childPointer(pointer, key))]),
  );
}

/**
 * `allow.accounts` gives IAM principals of those accounts the explicit Allow that SigV4 callers from
 * another account need. Nobody else gets one, so unauthenticated callers are refused; Lambda and
 * Cognito authorizers and same-account IAM callers do not need it.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
function checkAccountAllow(
  ctx: ModelContext,
  routes: readonly Route[],
  anonymous: readonly Route[],
  pointer: string,
): void {
  if (anonymous.length > 0) {
    const names = someRoutes(anonymous);
    ctx.report(
      'policy-accounts-exclude-anonymous',
      'warning',
      `Only IAM principals of the listed accounts are allowed, so every call to an operation without authorization (${names}) is refused.`,
      pointer,
      'Use `auth: iam` on those operations, or restrict them by `vpcEndpoints`, `vpcs` or `sourceIps` instead of accounts.',
    );
  } else if (!routes.some((r) => r.auth?.kind === 'iam')) {
    ctx.report(
      'policy-accounts-without-iam',
      'warning',
      'Account principals apply only to IAM (SigV4) callers, and no operation uses `auth: iam`: the list has no effect.',
      pointer,
      'Remove `accounts`, or use `auth: iam` on the operations other accounts call.',
    );
  }
}

function principals(ctx: ModelContext, raw: unknown, pointer: string): PolicyPrincipals {
  const block = asBlock(raw);
  const values = (key: string, usage: string): AwsValue[] =>
    Array.isArray(block[key])
      ? (block[key] as unknown[]).map((v, i) => ctx.value(v, childPointer(pointer, key, i), usage))
      : [];
  return {
    accounts: values('accounts', 'AWS account id allowed by the resource policy'),
    vpcEndpoints: values('vpcEndpoints', 'VPC endpoint id in the resource policy'),
    vpcs: values('vpcs', 'VPC id in the resource policy'),
    sourceIps: Array.isArray(block['sourceIps'])
      ? (block['sourceIps'] as string[]).filter((ip, i) =>
          checkSourceIp(ctx, ip, childPointer(pointer, 'sourceIps', i)),
        )
      : [],
  };
}

/** An IPv4 or IPv6 address, or a CIDR range whose prefix fits the address (the schema checks the shape). */
function checkSourceIp(ctx: ModelContext, text: string, pointer: string): boolean {
  const [address, prefix] = text.split('/') as [string, string | undefined];
  // node:net is loaded only here: most specs name no source IP, and it costs a start some milliseconds.
  const { isIP } = requirePackageFile('node:net') as typeof import('node:net');
  const version = isIP(address);
  if (version !== 0 && (prefix === undefined || Number(prefix) <= (version === 4 ? 32 : 128))) return true;
  ctx.report(
    'policy-invalid-source-ip',
    'error',
    `\`${text}\` is not an IPv4 or IPv6 address or CIDR range.`,
    pointer,
    version === 0
      ? 'Write an address such as 203.0.113.7 or 2001:db8::1, or a range such as 203.0.113.0/24.'
      : `The prefix length is at most ${version === 4 ? 32 : 128}.`,
  );
  return false;
}
