/**
 * The custom domain in the model: public (edge or regional) or private, its security policy, mutual TLS,
 * base path, routing rules, and for a private domain the VPC endpoints that may call it.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-custom-domains.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { declaredResource, wholeReference } from '../integrations/resource-form.js';
import { asBlock, type ModelContext } from './context.js';
import { type AwsValue, cfnValue } from './aws-value.js';
import type {
  CustomDomain,
  EndpointType,
  IpAddressType,
  PrivateDomainAccess,
  ResourcePolicy,
  Route,
  RoutingRule,
  SecurityPolicy,
} from './ir.js';
import { valueText } from './stage.js';

/**
 * `apiVpcEndpoints`: the private API's own VPC endpoints (a private domain's callers by default);
 * `websocketId`: the logical ID of the document's own WebSocket API, if it has one (not a routing target).
 */
export function buildDomain(
  ctx: ModelContext,
  endpoint: EndpointType,
  apiVpcEndpoints: readonly AwsValue[],
  routes: readonly Route[],
  websocketId?: string,
): CustomDomain | undefined {
  if (!('domain' in ctx.root)) return undefined;
  const pointer = '/x-gateway/domain';
  const block = asBlock(ctx.root['domain']);
  // A document with a WebSocket API and no operations has no REST API for the domain to front.
  const websocketOnly = 'websocket' in ctx.root && routes.length === 0;
  if (websocketOnly) {
    ctx.report(
      'domain-without-rest-api',
      'error',
      "The custom domain fronts this document's REST API, and it has none: only a WebSocket API.",
      pointer,
      'Add the REST operations, or map the WebSocket API to a domain outside this document (AWS::ApiGatewayV2::ApiMapping).',
    );
  }
  const domainEndpoint =
    block['endpoint'] === 'edge' || block['endpoint'] === 'private' ? block['endpoint'] : 'regional';
  if (endpoint === 'private' && domainEndpoint !== 'private') {
    ctx.report(
      'domain-private-api',
      'error',
      'A public custom domain can only front a public (edge or regional) API.',
      pointer,
      'Set `domain.endpoint: private` (a private custom domain, reached through VPC endpoints), or make the API regional.',
    );
  }
  if (endpoint !== 'private' && domainEndpoint === 'private' && !websocketOnly) {
    ctx.report(
      'domain-private-public-api',
      'error',
      `A private custom domain fronts private APIs only; this API is ${endpoint}.`,
      childPointer(pointer, 'endpoint'),
      'Set `api.endpoint: private` (with the `vpcEndpoints` that may call it), or make the domain regional or edge.',
    );
  }
  const access = privateAccess(
    ctx,
    block,
    pointer,
    domainEndpoint === 'private',
    endpoint === 'private',
    apiVpcEndpoints,
  );
  const rules = (Array.isArray(block['routing']) ? block['routing'] : []).map((raw, i) =>
    routingRule(ctx, asBlock(raw), childPointer(pointer, 'routing', i), websocketId),
  );
  const priorities = new Map<number, RoutingRule>();
  for (const rule of rules) {
    const first = priorities.get(rule.priority);
    if (first)
      ctx.report(
        'routing-priority-duplicate',
        'error',
        `Two routing rules have priority ${rule.priority}; priorities are unique per domain.`,
        childPointer(rule.origin.pointer, 'priority'),
        'Give each rule its own priority (leave gaps, e.g. 10, 20, 30).',
        [{ ...first.origin, message: 'first used here' }],
      );
    else priorities.set(rule.priority, rule);
  }
  if (rules.length > 50)
    ctx.report(
      'routing-rules-over-quota',
      'warning',
      `${rules.length} routing rules: the default quota is 50 per domain.`,
      childPointer(pointer, 'routing'),
      'Request a quota increase before deploying.',
    );
  // The schema restricts the spelling to the policies API Gateway lists.
  const securityPolicy = (
    typeof block['securityPolicy'] === 'string' ? block['securityPolicy'] : 'TLS_1_2'
  ) as SecurityPolicy;
  const endpointAccessMode = domainAccessMode(ctx, block, pointer, domainEndpoint, securityPolicy);
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html
  // Whether a multi-level mapping takes an enhanced policy is not confirmed: only TLS_1_2 is known to work.
  const multiLevel = typeof block['basePath'] === 'string' && block['basePath'].includes('/');
  if (multiLevel && domainEndpoint === 'private') {
    ctx.report(
      'domain-multi-level-base-path',
      'error',
      `Base path \`${block['basePath']}\` has several levels: gateform maps those with an AWS::ApiGatewayV2::ApiMapping, which names ` +
        'a domain by its name and so cannot reach a private domain (known by its ARN; its mapping is an AWS::ApiGateway::BasePathMappingV2).',
      childPointer(pointer, 'basePath'),
      'Use a single-level base path (no /), or route on base paths with `routing` rules.',
    );
  } else if (multiLevel && (domainEndpoint === 'edge' || securityPolicy !== 'TLS_1_2')) {
    ctx.report(
      'domain-multi-level-base-path',
      'error',
      `Base path \`${block['basePath']}\` has several levels: API Gateway maps those only on a regional domain with the TLS_1_2 security policy.`,
      childPointer(pointer, 'basePath'),
      `Use a single-level base path (no /), or ` +
        `${[domainEndpoint === 'edge' && '`endpoint: regional`', securityPolicy !== 'TLS_1_2' && '`securityPolicy: TLS_1_2`'].filter(Boolean).join(' with ')}.`,
    );
  }
  const certificate = ctx.value(
    block['certificate'],
    childPointer(pointer, 'certificate'),
    'ACM certificate ARN of the custom domain',
  );
  // The Region as written (placeholders masked): only a literal one can be checked.
  const certificateText = valueText(certificate).replace(/\$\{[^}]*\}/g, '$');
  const certificateRegion = /^arn:[^:]*:acm:([^:$]+):/.exec(certificateText)?.[1];
  if (domainEndpoint === 'edge' && certificateRegion !== undefined && certificateRegion !== 'us-east-1') {
    ctx.report(
      'domain-edge-certificate-region',
      'error',
      `An edge domain's certificate must be in us-east-1 (CloudFront serves it); this one is in ${certificateRegion}.`,
      ctx.origin(childPointer(pointer, 'certificate'), 'value'),
      'Request or import the certificate in ACM in us-east-1, or make the domain regional.',
    );
  }
  ctx.value(block['name'], childPointer(pointer, 'name'), 'Custom domain name', { allowedPattern: DOMAIN_NAME });
  if (domainEndpoint === 'private') refusePrivateSettings(ctx, block, pointer);
  const mtls =
    'mtls' in block && domainEndpoint !== 'private'
      ? domainMtls(ctx, asBlock(block['mtls']), pointer, domainEndpoint, securityPolicy)
      : undefined;
  return {
    name: String(block['name']),
    certificate,
    endpoint: domainEndpoint,
    securityPolicy,
    ...(endpointAccessMode && { endpointAccessMode }),
    ...(mtls && { mtls }),
    ...(access && { access }),
    ...(block['ipAddressType'] !== undefined && { ipAddressType: block['ipAddressType'] as IpAddressType }),
    // Without routing rules the API is mapped at the root when no base path is given.
    ...(typeof block['basePath'] === 'string'
      ? { basePath: block['basePath'] }
      : rules.length === 0
        ? { basePath: '' }
        : {}),
    ...('hostedZoneId' in block &&
      domainEndpoint !== 'private' && {
        hostedZoneId: ctx.value(
          block['hostedZoneId'],
          childPointer(pointer, 'hostedZoneId'),
          'Route 53 hosted zone id for the custom domain',
        ),
      }),
    rules,
    origin: ctx.origin(pointer),
  };
}

/**
 * A private domain's callers: this account's VPC endpoints (`vpcEndpoints`, else the API's but those listed
 * under `share`), and the accounts it is shared with, with their VPC endpoints. Neither applies to a public domain.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-custom-domains-associations.html
 */
function privateAccess(
  ctx: ModelContext,
  block: Record<string, unknown>,
  pointer: string,
  isPrivate: boolean,
  apiPrivate: boolean,
  apiVpcEndpoints: readonly AwsValue[],
): PrivateDomainAccess | undefined {
  if (!isPrivate) {
    for (const key of ['vpcEndpoints', 'share'].filter((k) => k in block))
      ctx.report(
        'domain-access-not-private',
        'error',
        `\`${key}\` says who may call a private custom domain; this domain is public.`,
        childPointer(pointer, key),
        'Set `endpoint: private` (in front of a private API), or remove it.',
      );
    return undefined;
  }
  const endpoints = (key: readonly string[], usage: string): AwsValue[] => {
    const list = key.reduce<unknown>((node, k) => asBlock(node)[k], block);
    return (Array.isArray(list) ? list : []).map((v, i) => ctx.value(v, childPointer(pointer, ...key, i), usage));
  };
  const shareBlock = asBlock(block['share']);
  const share =
    'share' in block
      ? {
          accounts: (Array.isArray(shareBlock['accounts']) ? shareBlock['accounts'] : []).map((v, i) =>
            ctx.value(
              v,
              childPointer(pointer, 'share', 'accounts', i),
              'Account, organization or organizational unit the private domain is shared with',
            ),
          ),
          vpcEndpoints: endpoints(
            ['share', 'vpcEndpoints'],
            'Interface VPC endpoint of another account that may call the private domain',
          ),
        }
      : undefined;
  // By default, the API's VPC endpoints that are not another account's (those listed under `share`).
  const shared = new Set((share?.vpcEndpoints ?? []).map((v) => JSON.stringify(cfnValue(v))));
  const own = Array.isArray(block['vpcEndpoints'])
    ? endpoints(['vpcEndpoints'], 'Interface VPC endpoint of this account that may call the private domain')
    : apiVpcEndpoints.filter((v) => !shared.has(JSON.stringify(cfnValue(v))));
  // In front of a public API, the domain is refused already (`domain-private-public-api`).
  if (apiPrivate && own.length === 0 && !share)
    ctx.report(
      'domain-private-unreachable',
      'error',
      'No VPC endpoint may call this private custom domain: it lists none, nor does the API, nor is it shared.',
      childPointer(pointer, 'endpoint'),
      'List the VPC endpoints of this account in `domain.vpcEndpoints` (or `api.vpcEndpoints`), or share the domain with `share`.',
    );
  return { vpcEndpoints: own, ...(share && { share }) };
}

/**
 * Each VPC endpoint a private domain lists must be admitted by the private API's resource policy too: API
 * Gateway checks both policies, the domain's and the API's. Only a policy that names its VPC endpoints can
 * be compared (not one that admits whole VPCs), and values as written (two parameters may be equal).
 */
export function checkDomainCallers(ctx: ModelContext, domain: CustomDomain, policy: ResourcePolicy | undefined): void {
  if (!domain.access || !policy) return;
  const sources = policy.kind === 'vpc-endpoints' ? { vpcEndpoints: policy.vpcEndpoints, vpcs: [] } : policy.privateTo;
  if (!sources || sources.vpcs.length > 0) return;
  const admitted = new Set(sources.vpcEndpoints.map((v) => JSON.stringify(cfnValue(v))));
  const block = asBlock(ctx.root['domain']);
  const listed = [
    ...(Array.isArray(block['vpcEndpoints'])
      ? domain.access.vpcEndpoints.map((v, i) => [v, ['vpcEndpoints', i]] as const)
      : []),
    ...(domain.access.share?.vpcEndpoints ?? []).map((v, i) => [v, ['share', 'vpcEndpoints', i]] as const),
  ];
  for (const [endpoint, path] of listed) {
    if (admitted.has(JSON.stringify(cfnValue(endpoint)))) continue;
    const written = valueText(endpoint) || 'This VPC endpoint';
    ctx.report(
      'domain-endpoint-not-admitted',
      'warning',
      `${written} may call the private custom domain, but the private API's resource policy does not admit it: ` +
        'its calls through the domain would be refused (403).',
      childPointer('/x-gateway/domain', ...path),
      "Add it to `api.vpcEndpoints` (or to the `policy` that admits the API's callers).",
    );
  }
}

/** What AWS::ApiGateway::DomainNameV2 has no property for (no mutual TLS, no regional domain name to alias). */
const PRIVATE_REFUSED: readonly { readonly key: string; readonly why: string; readonly hint: string }[] = [
  {
    key: 'mtls',
    why: 'a private custom domain has no mutual TLS (AWS::ApiGateway::DomainNameV2 takes no MutualTlsAuthentication)',
    hint: 'Remove `mtls`: authenticate callers with IAM (`auth: iam`) or an authorizer, and confine them with the VPC endpoints.',
  },
  {
    key: 'hostedZoneId',
    why: 'a private custom domain is reached through a VPC endpoint, not through a domain name of its own to alias',
    hint: "Remove `hostedZoneId`, and in each caller VPC's private hosted zone make an alias record of the domain to the VPC endpoint's DNS name.",
  },
];

function refusePrivateSettings(ctx: ModelContext, block: Record<string, unknown>, pointer: string): void {
  for (const key of Object.keys(block)) {
    const refused = PRIVATE_REFUSED.find((r) => r.key === key);
    if (refused)
      ctx.report(
        'domain-private-setting',
        'error',
        `\`${key}\` does not apply: ${refused.why}.`,
        childPointer(pointer, key),
        refused.hint,
      );
  }
}

/**
 * An enhanced (`SecurityPolicy_*`) policy needs an endpoint access mode, a legacy one takes none; the `*_EDGE`
 * policies are for edge domains, the others for regional and private ones.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html
 */
function domainAccessMode(
  ctx: ModelContext,
  block: Record<string, unknown>,
  pointer: string,
  endpoint: CustomDomain['endpoint'],
  policy: SecurityPolicy,
): 'BASIC' | 'STRICT' | undefined {
  const enhanced = policy.startsWith('SecurityPolicy_');
  const policyPointer = childPointer(pointer, 'securityPolicy');
  if (enhanced && policy.endsWith('_EDGE') !== (endpoint === 'edge')) {
    ctx.report(
      'domain-security-policy-endpoint',
      'error',
      `Security policy ${policy} is for ${endpoint === 'edge' ? 'regional and private' : 'edge-optimized'} endpoints; this domain is ${endpoint}.`,
      ctx.origin(policyPointer, 'value'),
      endpoint === 'edge'
        ? 'Use an edge policy (SecurityPolicy_TLS13_2025_EDGE, SecurityPolicy_TLS12_PFS_2025_EDGE, ' +
            'SecurityPolicy_TLS12_2018_EDGE), or make the domain regional.'
        : endpoint === 'private'
          ? 'Use a policy for regional and private endpoints (e.g. SecurityPolicy_TLS13_1_3_2025_09).'
          : 'Use a regional policy (e.g. SecurityPolicy_TLS13_1_3_2025_09), or make the domain `endpoint: edge`.',
    );
  }
  const mode = block['endpointAccessMode'];
  if (mode === undefined) {
    if (enhanced)
      ctx.report(
        'domain-endpoint-access-mode-missing',
        'error',
        `The enhanced security policy ${policy} needs an endpoint access mode.`,
        policyPointer,
        'Add `endpointAccessMode: STRICT` (requests must come through this endpoint type, with a matching SNI host), or BASIC while clients migrate.',
      );
    return undefined;
  }
  if (!enhanced) {
    ctx.report(
      'domain-endpoint-access-mode-legacy',
      'error',
      `\`endpointAccessMode\` applies to the enhanced SecurityPolicy_* policies only; this domain uses ${policy}.`,
      childPointer(pointer, 'endpointAccessMode'),
      'Remove `endpointAccessMode`, or choose an enhanced policy such as SecurityPolicy_TLS13_1_2_2021_06.',
    );
    return undefined;
  }
  return mode === 'BASIC' ? 'BASIC' : 'STRICT';
}

/** An S3 URI: a bucket name (3-63 characters) and a key. */
const TRUSTSTORE_URI = '^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/.+$';

/**
 * Mutual TLS on the domain: regional domains only, not with an enhanced security policy; callers can go
 * around it through the default execute-api endpoint unless that is disabled.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
function domainMtls(
  ctx: ModelContext,
  block: Record<string, unknown>,
  domainPointer: string,
  endpoint: 'regional' | 'edge',
  policy: SecurityPolicy,
): NonNullable<CustomDomain['mtls']> {
  const pointer = childPointer(domainPointer, 'mtls');
  if (endpoint === 'edge')
    ctx.report(
      'domain-mtls-edge',
      'error',
      'Mutual TLS is available on regional custom domains only; this domain is edge-optimized.',
      pointer,
      'Make the domain `endpoint: regional` (put CloudFront in front yourself if you need it), or remove `mtls`.',
    );
  if (policy !== 'TLS_1_2')
    ctx.report(
      'domain-mtls-security-policy',
      'error',
      `Mutual TLS needs the TLS_1_2 security policy; this domain uses ${policy}.`,
      pointer,
      'Set `securityPolicy: TLS_1_2` (the default), or remove `mtls`.',
    );
  if (asBlock(ctx.root['api'])['disableDefaultEndpoint'] !== true)
    ctx.report(
      'domain-mtls-default-endpoint',
      'warning',
      "The API's default execute-api endpoint stays enabled: callers can reach the API through it without a client certificate.",
      pointer,
      'Set `api.disableDefaultEndpoint: true`, so that the custom domain with mutual TLS is the only way in.',
    );
  const truststorePointer = childPointer(pointer, 'truststore');
  const raw = block['truststore'];
  // The URI as written, placeholders masked: an intrinsic, or a placeholder for the whole URI (whose
  // parameter is held to TRUSTSTORE_URI), has no text to check.
  const written = typeof raw === 'string' && !/^\$\{[^}]*\}$/.test(raw) ? raw.replace(/\$\{[^}]*\}/g, '$') : '';
  const notS3 = written !== '' && !/^s3:\/\/[^/]+\/./.test(written);
  if (notS3)
    ctx.report(
      'domain-mtls-truststore',
      'error',
      `The truststore must be given as an S3 URI, s3://bucket/key; this is ${JSON.stringify(raw)}.`,
      ctx.origin(truststorePointer, 'value'),
      'Write the bucket and key of the PEM file, e.g. s3://my-ca-bucket/truststore.pem (not an https:// object URL).',
    );
  const truststore = ctx.value(
    raw,
    truststorePointer,
    'S3 URI of the mutual TLS truststore',
    notS3 ? {} : { allowedPattern: TRUSTSTORE_URI },
  );
  return {
    truststore,
    ...('ownershipCertificate' in block && {
      ownershipCertificate: ctx.value(
        block['ownershipCertificate'],
        childPointer(pointer, 'ownershipCertificate'),
        'ACM-issued certificate ARN that proves ownership of the mutual TLS domain',
      ),
    }),
    ...('version' in block && {
      version: ctx.value(
        block['version'],
        childPointer(pointer, 'version'),
        'S3 object version of the mutual TLS truststore',
      ),
    }),
  };
}

const DOMAIN_NAME = '^[A-Za-z0-9*]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$';

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigatewayv2-routingrule-matchheadervalue.html */
const ROUTING_SPECIALS = "*?-!#$%&'.^_`|~";
const ROUTING_HEADER = /^[A-Za-z0-9*?\-!#$%&'.^_`|~]+$/;
const BASE_PATH = /^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/;

function routingRule(
  ctx: ModelContext,
  block: Record<string, unknown>,
  pointer: string,
  websocketId: string | undefined,
): RoutingRule {
  const when = asBlock(block['when']);
  const headers = Object.entries(asBlock(when['headers'])).map(([name, glob]) => ({ name, glob: String(glob) }));
  if (headers.length > 2) {
    ctx.report(
      'routing-too-many-headers',
      'error',
      `A routing rule may match at most two headers; this one matches ${headers.length}.`,
      childPointer(pointer, 'when', 'headers'),
      'Split the rule, or match fewer headers.',
    );
  }
  for (const { name, glob } of headers) {
    const at = childPointer(pointer, 'when', 'headers', name);
    if (!ROUTING_HEADER.test(name) || name.length >= 40) {
      ctx.report(
        'routing-header-name',
        'error',
        `\`${name}\` cannot be matched by a routing rule: header names are under 40 characters of A-Z a-z 0-9 and ${ROUTING_SPECIALS}.`,
        at,
        'Use the header name as clients send it, e.g. x-api-version.',
      );
    }
    if (!ROUTING_HEADER.test(glob) || glob.length >= 128) {
      ctx.report(
        'routing-header-value',
        'error',
        `\`${glob}\` cannot be a routing rule's header glob: globs are under 128 characters of A-Z a-z 0-9 and ${ROUTING_SPECIALS}.`,
        ctx.origin(at, 'value'),
        'Leave out spaces, slashes, commas, quotes and the like; match the part of the value that identifies it with a * glob.',
      );
    } else if (glob.slice(1, -1).includes('*')) {
      ctx.report(
        'routing-header-glob',
        'error',
        `\`${glob}\`: a header glob may have * only at its start, its end, or both.`,
        ctx.origin(at, 'value'),
        `Use a prefix (v2*), a suffix (*-beta) or a contains (*beta*) glob for ${name}.`,
      );
    }
  }
  const basePaths = Array.isArray(when['basePaths']) ? (when['basePaths'] as string[]) : [];
  basePaths.forEach((basePath, i) => {
    if (!BASE_PATH.test(basePath)) {
      ctx.report(
        'routing-base-path',
        'error',
        `\`${basePath}\` is not a base path API Gateway accepts: segments of A-Z a-z 0-9 . _ ~ - separated by /, without a leading or trailing /.`,
        childPointer(pointer, 'when', 'basePaths', i),
        'Write it as in the URL, without slashes at the ends, e.g. orders/v2.',
      );
    }
  });
  const to = asBlock(block['to']);
  const self = to['api'] === 'self';
  if (!self && !('stage' in to)) {
    ctx.report(
      'routing-target-stage',
      'error',
      'A routing rule to another API must name its stage.',
      childPointer(pointer, 'to'),
      "Add `stage:` to the rule's `to`.",
    );
  }
  const api = self
    ? undefined
    : ctx.value(to['api'], childPointer(pointer, 'to', 'api'), 'Id of the REST API a routing rule invokes');
  if (api) checkRoutingTarget(ctx, api, childPointer(pointer, 'to', 'api'), websocketId);
  return {
    priority: block['priority'] as number,
    headers,
    basePaths,
    ...(api && { api }),
    ...('stage' in to && {
      stage: ctx.value(to['stage'], childPointer(pointer, 'to', 'stage'), 'Stage a routing rule invokes'),
    }),
    stripBasePath: block['stripBasePath'] === true,
    origin: ctx.origin(pointer),
  };
}

/** Resource types that are REST APIs, the only targets a routing rule can invoke. */
const REST_API_TYPES = ['AWS::ApiGateway::RestApi', 'AWS::Serverless::Api'];

/**
 * A routing rule's target that is a resource (of the --into template, or this document's WebSocket API)
 * but not a REST API: an HTTP or WebSocket API, which a routing rule cannot invoke.
 */
function checkRoutingTarget(ctx: ModelContext, api: AwsValue, pointer: string, websocketId: string | undefined): void {
  const declared = declaredResource(ctx, api);
  const target =
    declared ??
    (websocketId !== undefined && wholeReference(api)?.name === websocketId
      ? { id: websocketId, type: 'AWS::ApiGatewayV2::Api' }
      : undefined);
  if (!target || REST_API_TYPES.includes(target.type)) return;
  ctx.report(
    'routing-target-not-rest',
    'error',
    `Routing rules invoke REST APIs only; \`${target.id}\` is an ${target.type}.`,
    pointer,
    'Map HTTP and WebSocket APIs with an AWS::ApiGatewayV2::ApiMapping on the domain instead.',
  );
}
