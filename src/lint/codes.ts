/**
 * Every diagnostic code that is not a lint rule's id, with what it means: the loader's, the config's and the
 * compiler's. SARIF lists them among its rules, and docs/codes.md is written from them
 * (test/lint/codes.test.ts; `UPDATE_GOLDEN=1` rewrites it), which also keeps them in step with the codes src/ reports.
 */
import { NON_FATAL_CODES } from './config.js';
import { DOCS_BASE } from './rule.js';
import { RULES } from './rules/index.js';

/** What loading a document and its config says: syntax, OpenAPI structure, `$ref`s and limits. */
export const LOADING_CODES: Readonly<Record<string, string>> = {
  'syntax-error': 'The file is not valid YAML or JSON, or a key is written twice or as a mapping.',
  'not-openapi': 'The document is not an OpenAPI object (no mapping, or no `openapi` field).',
  'unsupported-openapi-version':
    'The document is not a version gateform reads: compile reads OpenAPI 3.0.x and 3.1.x, lint Swagger 2.0 too (or `x-gateway` is in a Swagger 2.0 document).',
  'openapi-version-incomplete':
    '`openapi` has no patch version (`"3.0"`, or a number), or `swagger: 2.0` is a number; it is read as 3.0.3, 3.1.0 or "2.0".',
  'openapi-structure':
    'The document is not valid Swagger 2.0 / OpenAPI 3.0 / 3.1 (checked against the official JSON Schemas).',
  'openapi-responses-empty': 'An operation has an empty or no `responses`; API Gateway accepts it, OpenAPI does not.',
  'openapi-info-incomplete':
    '`info` lacks a `title` or `version`, or one is not a string; API Gateway accepts it, OpenAPI does not.',
  'openapi-parameter-oas3':
    'A Swagger 2.0 parameter carries an OpenAPI 3 `schema` instead of `type`; API Gateway accepts it, Swagger 2.0 does not.',
  'openapi-header-swagger2':
    'A response header is written as in Swagger 2.0 (`type` on the header); API Gateway accepts it, OpenAPI 3 does not.',
  'unresolved-ref': 'A `$ref` names nothing, an empty file, or leads back to itself.',
  'ref-refused':
    'A `$ref` leads where the read policy does not read (outside the root, or a remote URL without `--remote-refs`).',
  'document-too-large': 'The spec, or the files its `$ref`s read, are over the size limits.',
  'file-unreadable': 'A file named on the command line (or matched by no glob) cannot be read.',
  'invalid-encoding': 'The file is not valid UTF-8.',
  'invalid-config':
    'gateform.config.yaml has an unknown key, a wrong type, an unknown rule or severity, or an ignore entry without a reason.',
  'refs-widened': 'The config lets `$ref`s read more than the default (another root folder, or remote URLs).',
  'nesting-too-deep': 'Arrays and objects nest deeper than any OpenAPI document needs.',
  'yaml-alias-limit':
    'YAML aliases would expand the document past the limit, or an alias stands inside its own anchor.',
  'not-a-template': 'The `--into` file is not a CloudFormation or SAM template.',
};

/** What the compiler says: its warnings and notes (NON_FATAL_CODES) and its errors. */
export const COMPILER_CODES: Readonly<Record<string, string>> = {
  'api-key-without-usage-plan':
    'An operation requires an API key, but no usage plan is declared: a key that is in no usage plan is refused.',
  'aws-spelling':
    "An x-gateway value is written in AWS's spelling (`method.request.path.id`, `REGIONAL`, `AWS_IAM`); " +
    'it is read as the short form, which compiles to the same template.',
  'body-validation-content-type':
    "Routes validate their bodies: API Gateway picks the model by the request's Content-Type, and a type without a model is not validated.",
  'body-validation-not-json':
    'Body validation is on, but API Gateway validates bodies as JSON: … bodies are not validated….',
  'cache-any-method-unused':
    '`cache` on ANY … caches nothing: an ANY method is cached for GET only, and … defines GET itself.',
  'canary-without-rest-api':
    'A canary in a document with only a WebSocket API: canary releases are for REST API stages.',
  'stage-key-clash':
    'Two entries of `stages` would have the same logical ID (their keys differ in punctuation or case only).',
  'stage-name-with-stages':
    '`stage.name` beside `stages`: each entry of `stages` is named by its key (or its own `name`).',
  'stages-over-quota': 'More stages than the default quota of 10 per API.',
  'stages-websocket': '`stages` in a document with only a WebSocket API, which has one stage (`websocket.stage`).',
  'cache-cluster-unused':
    'The stage has a cache cluster, but no operation sets `cache`: the cluster is billed and caches nothing.',
  'cloudwatch-role-required':
    'Logging to CloudWatch needs the account-level role API Gateway writes logs with (one per account and Region).',
  'cookie-not-validated':
    "A cookie is required, but API Gateway's request validator checks only path, query and header parameters.",
  'cors-gateway-responses-origin':
    'CORS is on, but the gateway responses (4XX/5XX errors API Gateway sends itself) carry no Access-Control-Allow-Origin, so browsers hide those errors.',
  'cors-header-not-allowed':
    '`cors.headers` leaves out a header the API reads: browsers will not send it cross-origin, so those requests fail their preflight.',
  'cors-proxy-responses':
    "Routes with proxy integrations answer with the backend's own headers: the backend must send the CORS headers itself.",
  'default-endpoint-disabled-without-domain':
    'The default execute-api endpoint is turned off and no custom domain is declared: the API cannot be called.',
  'deprecated-form':
    'A setting is written in an older form that still works (`logging: info` on the WebSocket stage); the message gives the current one.',
  'domain-endpoint-not-admitted':
    "A VPC endpoint may call the private custom domain, but the private API's resource policy does not admit it: its calls are refused (403).",
  'domain-mtls-default-endpoint':
    "The API's default execute-api endpoint stays enabled: callers can reach the API through it without a client certificate.",
  'gateway-response-not-customizable':
    'API Gateway does not support customizing the REQUEST_TOO_LARGE (413) gateway response: it keeps its default status, headers and body.',
  'http-api-integrations-over-quota':
    'An HTTP API has more than 300 routes with integrations, over the quota of 300 integrations per API ' +
    '(whether import merges identical integrations is not documented).',
  'http-api-routes-over-quota': 'The HTTP API has more routes than the default quota allows.',
  'http-url-params-unmapped':
    "The backend URL is built by an intrinsic, so its `{…}` path variables cannot be filled from the route's path parameters.",
  'lambda-permission-api-wide':
    'A function serving many routes gets one invoke permission for the whole API instead of one per route.',
  'lambda-permission-not-generated':
    'The function an integration invokes cannot be read from its `uri`, so no invoke permission is generated for it.',
  'model-keyword-dropped':
    "A schema keyword cannot be converted for API Gateway's model and is dropped; the message says what the model then accepts.",
  'model-keyword-ignored': "`…` is readOnly, but API Gateway's validator accepts it in requests.",
  'model-name-renamed':
    'Schema `…` becomes the model `…`: API Gateway model names are alphanumeric. Every $ref to it is rewritten.',
  'policy-accounts-exclude-anonymous':
    'Only IAM principals of the listed accounts are allowed, so every call to an operation without authorization (…) is refused.',
  'policy-accounts-without-iam':
    'Account principals apply only to IAM (SigV4) callers, and no operation uses `auth: iam`: the list has no effect.',
  'routing-rules-over-quota': '… routing rules: the default quota is 50 per domain.',
  'service-binary-media-types':
    '… passes object bodies through as text unless their media type is in `api.binaryMediaTypes`.',
  'service-key-unknown':
    'A service target is encrypted with a KMS key gateform cannot see, so the role may lack kms:GenerateDataKey and kms:Decrypt.',
  'stream-edge-idle':
    'A streamed Lambda answer on an edge-optimized API: a stream that sends nothing for 30 s is closed (5 minutes on regional and private APIs).',
  'template-needs-s3':
    'The template is over the 51,200 bytes CloudFormation takes inline: it must be deployed from S3.',
  'usage-plan-burst-below-rate': "Burst … is below the rate …: a second's worth of requests can never arrive at once.",
  'usage-plan-method-without-api-key': "… does not require an API key, so the plan's throttle for it never applies.",
  'usage-plan-quota-offset': "A usage plan's quota offset is not a start day its quota period has.",
  'usage-plan-without-api-key':
    'Usage plans are declared, but no operation requires an API key, so none of them applies.',
  'websocket-authorizer-no-cache':
    'API Gateway does not cache authorizer results for WebSocket APIs: `…` runs on every connection, whatever its ttl.',
  'websocket-no-default-route':
    'No $default route: a message whose selected value matches no route key is answered with an error and reaches no backend.',
  'websocket-reply-lifecycle': '`…` cannot answer with a message: ….',
  'websocket-route-unreachable':
    'Route key `…` is not a plain value, so the route selection expression will hardly ever select it.',
  'websocket-schema-lifecycle':
    '`…` receives no message, so there is nothing for a schema to validate: no model is emitted.',
  'websocket-stage-no-tracing': 'X-Ray traces REST APIs only: the WebSocket stage is not traced.',
  'access-log-firehose-name': 'API Gateway logs only to Firehose streams named amazon-apigateway-*; `…` is not.',
  'access-log-format-multiline': 'The access log format must be one line.',
  'access-log-format-without-request-id':
    'The access log format must contain $context.requestId (API Gateway refuses it otherwise).',
  'access-log-retention-with-destination':
    'retentionDays applies to the log group gateform creates, and with a destination none is created: the retention would be lost.',
  'api-key-source-without-authorizer':
    'An operation requires an API key that comes from a Lambda authorizer (`apiKeySource: AUTHORIZER`), and it has no Lambda authorizer.',
  'api-key-value-default':
    'The parameter `…` holds the value of the API key `…`, and its default would write that secret into the template.',
  'api-key-value-reused':
    'The parameter `…` holds the value of the API key `…`, a NoEcho secret of 20 to 128 characters, and is also used here.',
  'authorizer-identity-required':
    'The request authorizer `…` caches its answers (TTL … s) but names no identity source, the cache key API Gateway requires.',
  'authorizer-name-invalid':
    '`…` is not a valid authorizer name: it becomes a security scheme name, of letters, digits, `_` and `-`.',
  'authorizer-name-reserved': 'An authorizer is named like a built-in `auth` value (such as `iam` or `none`).',
  'cache-key-undeclared': 'A cache key is not a declared parameter of the operation.',
  'cache-without-cluster': 'Caching a method needs a cache cluster on the stage.',
  'cognito-audience-required':
    'On an HTTP API the Cognito authorizer `…` is a JWT authorizer, which accepts tokens only for the app clients it lists.',
  'cognito-several-pools': 'An HTTP API checks tokens of one issuer per authorizer, and `…` names … user pools.',
  'conditional-reference': '`…` exists only when the condition `…` of … is true, but the API refers to it in any case.',
  'cors-header-name': 'A CORS header name is not a valid header name.',
  'cors-origin-form':
    '`…` is not an origin as browsers send it (scheme://host[:port], lower case, no path), so no request would match it.',
  'cors-wildcard-mixed':
    "`*` among other origins is compared with the request's Origin like them and never matches: it allows no one.",
  'dependency-cycle': 'Resources of the template depend on each other in a loop, which CloudFormation refuses.',
  'domain-access-not-private':
    '`vpcEndpoints` or `share` says who may call a private custom domain, and this domain is public.',
  'domain-edge-certificate-region':
    "An edge domain's certificate must be in us-east-1 (CloudFront serves it); this one is in ….",
  'domain-endpoint-access-mode-legacy':
    '`endpointAccessMode` applies to the enhanced SecurityPolicy_* policies only; this domain uses ….',
  'domain-endpoint-access-mode-missing': 'The enhanced security policy … needs an endpoint access mode.',
  'domain-mtls-edge': 'Mutual TLS is available on regional custom domains only; this domain is edge-optimized.',
  'domain-mtls-security-policy': 'Mutual TLS needs the TLS_1_2 security policy; this domain uses ….',
  'domain-mtls-truststore': 'The truststore must be given as an S3 URI, s3://bucket/key; this is ….',
  'domain-multi-level-base-path':
    'Base path `…` has several levels: API Gateway maps those only on a regional domain with the TLS_1_2 security policy.',
  'domain-private-api': 'A public custom domain can only front a public (edge or regional) API.',
  'domain-private-public-api': 'A private custom domain fronts private APIs only, and this API is edge or regional.',
  'domain-private-setting':
    'A setting a private custom domain does not take: mutual TLS, or a hosted zone for an alias record (callers reach it through VPC endpoints).',
  'domain-private-unreachable':
    'No VPC endpoint may call the private custom domain: it lists none, nor does the API, nor is it shared.',
  'domain-security-policy-endpoint':
    'Security policy … is for edge-optimized (or for regional and private) endpoints, and the domain is of the other kind.',
  'domain-without-rest-api':
    "The custom domain fronts this document's REST API, and it has none: only a WebSocket API.",
  'duplicate-setting': 'The security scheme `…` is declared in components.securitySchemes and generated by x-gateway.',
  'dynamodb-page':
    'A DynamoDB page setting cannot work: a literal page size or token, or `startKey.attributes` without a key attribute the query reads.',
  'gateway-response-body-mixed':
    'The body mixes media types (`…`) and body fields (`…`): it is neither templates by media type nor one JSON body.',
  'gateway-response-body-template': 'The template for `…` must be a string, the body as API Gateway sends it.',
  'header-value-invalid': 'A header value holds characters a header value cannot carry.',
  'http-only-setting':
    'A setting only HTTP APIs have (an SQS receive, delete or purge, a Step Functions stop, `tls`, a VPC link from `subnets`) on a REST or WebSocket API.',
  'http-sqs-attributes':
    'SQS message attributes are not mapped on HTTP APIs (AWS does not document how SQS-SendMessage reads them).',
  'http-url-invalid': 'The backend URL `…` is not an http:// or https:// URL.',
  'http-url-unknown-param': 'The backend URL uses `{…}`, which is not a path parameter of `…`.',
  'integration-option-unused': 'An integration option applies to other integration kinds, not to this one.',
  'invalid-intrinsic': 'A CloudFormation intrinsic function is malformed, or is used where it cannot stand.',
  'invalid-parameter-name': '`\\…}` cannot become a template parameter: CloudFormation logical IDs are alphanumeric.',
  'invalid-x-gateway-value':
    'A value in x-gateway does not have the type, form or range the x-gateway schema requires, or (a ' +
    'literal) the form a placeholder in its place would be held to.',
  'ip-address-type-private': 'Private APIs are dual-stack only: `ipAddressType: ipv4` cannot apply to one.',
  'lambda-not-an-arn': '`…` is neither a function ARN nor a function name.',
  'logical-id-clash': 'Two resources would get the same CloudFormation logical ID.',
  'mapping-not-applicable':
    'A parameter mapping is set on an integration that takes none (a proxy or service integration, or a response mapping on a proxy).',
  'mapping-reserved-header': 'A mapping sets a header HTTP APIs reserve, which no mapping can set.',
  'mapping-source-unmappable':
    'A mapping reads a value API Gateway cannot map there (the request body into a REST header without a ' +
    'template, a path or query value into a response header).',
  'mapping-static-dollar':
    'Static text of an HTTP API mapping holds `$`, which HTTP APIs read as the start of a variable.',
  'model-keyword-unsupported': '`…` cannot be converted for API Gateway, whose import would fail.',
  'name-clash': 'The … names `…` and `…` both become `…` in logical IDs, so one would replace the other.',
  'name-too-long': 'A generated name or logical ID is over the length CloudFormation or the service allows.',
  'no-operations': 'The document has no operation to build an API from.',
  'parameter-form-conflict': '`\\…}` is read as … here and as … elsewhere: one value cannot be both.',
  'payload-format-not-lambda':
    'Only Lambda integrations choose a payload format; `…` integrations of HTTP APIs use 1.0.',
  'placeholder-not-substituted':
    '`\\…}` names a value of the template, but `…` is a name, and names are written as they are.',
  'policy-invalid-source-ip': '`…` is not an IPv4 or IPv6 address or CIDR range.',
  'private-api-policy-unconfined':
    "A private API's resource policy names no VPC endpoint or VPC, so a call through any interface VPC endpoint, of any AWS account, would reach it.",
  'private-api-unreachable': 'A private API with neither VPC endpoints nor a resource policy can never be called.',
  'rest-only-setting': 'HTTP APIs send access logs to CloudWatch Logs only, not to Firehose.',
  'routing-base-path':
    '`…` is not a base path API Gateway accepts: segments of A-Z a-z 0-9 . _ ~ - separated by /, without a leading or trailing /.',
  'routing-header-glob': '`…`: a header glob may have * only at its start, its end, or both.',
  'routing-header-name':
    '`…` cannot be matched by a routing rule: header names are under 40 characters of A-Z a-z 0-9 and ….',
  'routing-header-value':
    "`…` cannot be a routing rule's header glob: globs are under 128 characters of A-Z a-z 0-9 and ….",
  'routing-priority-duplicate': 'Two routing rules have priority …; priorities are unique per domain.',
  'routing-target-not-rest': 'Routing rules invoke REST APIs only; `…` is an ….',
  'routing-target-stage': 'A routing rule to another API must name its stage.',
  'routing-too-many-headers': 'A routing rule may match at most two headers; this one matches ….',
  'scopes-on-non-cognito': 'OAuth scopes apply only to Cognito and JWT authorizers, not to ….',
  'secret-in-body':
    "A NoEcho parameter would be written into the API's OpenAPI Body, where anyone who can read the API sees it.",
  'service-action-body': 'A service action cannot carry the request body the operation declares.',
  'service-body-on-bodiless-method':
    'An operation declares a requestBody, but its method carries no body to pass to the service.',
  'service-body-unavailable': 'A service value reads the request body, but the operation has none.',
  'service-missing-value': 'DynamoDB … needs `…`: the attributes to ….',
  'service-option-unused': '`…` has no meaning for DynamoDB ….',
  'service-sync-needs-express': 'StartSyncExecution runs only Express workflows, and the state machine is not one.',
  'service-target-form':
    'Whether a service target is an ARN, a URL or a name cannot be known, and the integration needs one of them.',
  'service-target-invalid': 'The … contains …, which no … ARN… or name has.',
  'service-target-wildcard':
    'A service target is a pattern, not one resource: the integration cannot call it, and as an IAM resource it would grant more.',
  'stream-cached': 'An operation with a streamed answer sets `cache`: API Gateway caches only answers it buffers.',
  'stream-not-proxy':
    '`stream: true` on a non-proxy Lambda integration: only a proxy integration can stream its answer.',
  'template-quota-exceeded': 'The template is over a CloudFormation quota (resources, outputs, parameters or size).',
  'tls-without-vpc-link':
    '`tls` is set on an HTTP integration without a `vpcLink`: the server name to verify applies to private integrations only.',
  'unknown-path-parameter': '`…` is not a path parameter of ….',
  'unknown-reference': 'A `!Ref`, `!GetAtt` or `${Name}` names nothing defined in the template or the parameters.',
  'unknown-usage-plan': 'Key `…` names the usage plan `…`, which is not declared.',
  'unknown-x-gateway-key': 'A key in x-gateway is not part of the language (a "did you mean" names the closest).',
  'unsupported-method': 'API Gateway REST APIs do not support the TRACE method.',
  'usage-plan-limit-not-positive': 'Quota limit … must be positive.',
  'usage-plan-unknown-method': '`…` is not an operation of this API.',
  'vpc-endpoints-not-private': 'VPC endpoints apply only to private APIs.',
  'vpc-link-kind':
    'A VPC link of the other kind of API: `subnets`/`securityGroups` create an HTTP API VPC link, `targets` (an NLB) a REST or WebSocket one.',
  'vpc-link-target':
    "`…` is not what an HTTP API's private integration calls: it takes the ARN of a load balancer listener or of a Cloud Map service.",
  'vpc-link-without-http': '`vpcLink` only applies to an `http` integration.',
  'web-acl-scope':
    "The stage's web ACL is not a regional AWS WAF (WAFv2) web ACL: CloudFront-scoped and WAF Classic web ACLs cannot be associated with an API Gateway stage.",
  'web-acl-without-rest-api':
    'AWS WAF protects REST API stages only, and the document has no REST operations (only a WebSocket API).',
  'websocket-api-id-clash': 'The WebSocket API and the REST API would have the same logical ID.',
  'websocket-auth-not-connect':
    'Route `…` sets auth, but API Gateway authorizes WebSocket clients only when they connect.',
  'websocket-connection-attribute-reserved':
    'A connection attribute uses a name the connection table keeps for itself.',
  'websocket-connection-integration':
    '`…` has an integration, but `connections` already integrates it with the connection table.',
  'websocket-integration-timeout':
    'Timeout … ms is over the … ms a WebSocket integration may wait (a quota AWS does not raise).',
  'websocket-integration-unsupported': 'WebSocket routes integrate directly with … only, not with ….',
  'websocket-model-recursive': '… refers to itself; a WebSocket model must be one standalone schema.',
  'websocket-option-unsupported':
    'A WebSocket route sets an integration option that applies to REST and HTTP API operations only (parameter mapping).',
  'websocket-payload-format':
    '`payloadFormat` applies to HTTP API Lambda routes; WebSocket routes send one event format.',
  'websocket-request-value':
    '`…` cannot be read here: WebSocket mapping templates have no access to headers or query strings.',
  'websocket-route-unknown-special':
    '`…` is not a route key API Gateway knows: only $connect, $disconnect and $default start with $.',
};

export const CODES: Readonly<Record<string, string>> = { ...LOADING_CODES, ...COMPILER_CODES };

export interface SarifRule {
  readonly id: string;
  readonly description: string;
  readonly docsUrl: string;
  readonly defaultSeverity: 'error' | 'warning';
}

/** The rules of SARIF's `driver.rules`: every lint rule, then every other code, each with its page. */
export function sarifRules(): SarifRule[] {
  return [
    ...RULES.map((r) => ({
      id: r.meta.id,
      description: r.meta.description,
      docsUrl: `${DOCS_BASE}${r.meta.id}.md`,
      defaultSeverity: r.meta.severity === 'error' ? ('error' as const) : ('warning' as const),
    })),
    ...Object.entries(CODES).map(([id, description]) => ({
      id,
      description,
      docsUrl: `${DOCS_BASE.replace(/rules\/$/, '')}codes.md#${id}`,
      defaultSeverity:
        NON_FATAL_CODES.includes(id) || id === 'refs-widened' ? ('warning' as const) : ('error' as const),
    })),
  ];
}
