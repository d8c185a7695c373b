/**
 * Raw `x-amazon-apigateway-*` extensions checked against schemas/x-amazon-apigateway.schema.json: unknown
 * keys (with "did you mean") and values of the wrong type, which API Gateway ignores or refuses; and
 * extension names API Gateway does not read where they stand (a misspelt `x-amazon-apigateway-auth` leaves
 * an operation open).
 */
import type { ErrorObject } from 'ajv';
import { childPointer } from '../../diagnostics/diagnostic.js';
import { schemaProblem } from '../../diagnostics/schema-problem.js';
import { asBlock, isBlock } from '../../model/context.js';
import { closest } from '../../model/x-gateway-schema.js';
import { securitySchemesOf } from './integration.js';
import { nearestFix } from './nearest-value.js';
import { defineRule } from '../rule.js';
import { requirePackageFile } from '../../package-files.js';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Compiled ahead of time by scripts/compile-schemas.js, one validator per extension. */
let validators: Record<string, Validator> | undefined;
function validator(name: string): Validator {
  validators ??= requirePackageFile('./generated/x-amazon-apigateway.cjs') as Record<string, Validator>;
  return validators[name.replace(/-(.)/g, (_m, c: string) => c.toUpperCase())]!;
}

const PREFIX = 'x-amazon-apigateway-';
const ROOT = [
  'request-validators',
  'request-validator',
  'gateway-responses',
  'api-key-source',
  'binary-media-types',
  'minimum-compression-size',
  'policy',
  'documentation',
];
const OPERATION = ['integration', 'auth', 'request-validator'];
const SECURITY_SCHEME = ['authorizer', 'authtype'];

/**
 * Every extension name by the place API Gateway reads it: the ones checked here, those other rules look
 * at (the HTTP API ones, `any-method`, the Swagger 2.0 root place of `endpoint-configuration`), and the
 * TLS settings (`security-policy`, `endpoint-access-mode`).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
const PLACES: Readonly<Record<string, readonly string[]>> = {
  'the document root': [
    ...ROOT,
    'endpoint-configuration',
    'security-policy',
    'endpoint-access-mode',
    'cors',
    'importexport-version',
  ],
  'a path item': ['any-method'],
  'an operation': OPERATION,
  'a security scheme': SECURITY_SCHEME,
};
const ALL_NAMES = [...new Set(Object.values(PLACES).flat())].map((name) => PREFIX + name);

/** The values of `x-amazon-apigateway-auth.type` (any case), which the schema writes as a pattern. */
const AUTH_TYPES = ['NONE', 'AWS_IAM'];

/** Keys that try to set the endpoint type in x-amazon-apigateway-endpoint-configuration, which has none. */
const ENDPOINT_TYPE_KEYS = /^(endpoint)?(configuration)?types?$/i;

/**
 * Where a REST API's endpoint type is set instead, with the type written (`types: [REGIONAL]`): x-gateway's
 * `api.endpoint` in a gateform spec; the RestApi's `EndpointConfiguration` in CloudFormation.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-restapi-endpointconfiguration.html
 */
function endpointTypeRewrite(types: unknown, xGateway: boolean): string {
  const written = (Array.isArray(types) ? types : [types]).find((t): t is string => typeof t === 'string');
  const known = ['EDGE', 'REGIONAL', 'PRIVATE'];
  const type = written !== undefined && known.includes(written.toUpperCase()) ? written.toUpperCase() : 'REGIONAL';
  const cloudFormation = `\`EndpointConfiguration: { Types: [${type}] }\` on the CloudFormation \`AWS::ApiGateway::RestApi\``;
  return xGateway
    ? `\`x-gateway: { api: { endpoint: ${type.toLowerCase()} } }\` (or ${cloudFormation})`
    : cloudFormation;
}

export default defineRule({
  meta: {
    id: 'extension-schema',
    description: 'x-amazon-apigateway-* extensions must have the shape API Gateway reads.',
    severity: 'error',
    messages: {
      unknownKey: 'Unknown key `{{key}}` in {{extension}}.{{suggestion}}',
      invalid: '{{extension}}: `{{where}}` {{problem}}.{{fix}}',
      endpointType:
        'x-amazon-apigateway-endpoint-configuration has no endpoint type (`{{key}}`): a REST API gets its type where it is ' +
        'created, EDGE by default. Write {{rewrite}}.',
      unknownExtension: 'API Gateway reads no extension `{{key}}` on {{place}}: it is ignored.{{suggestion}}',
      misplaced: 'API Gateway reads `{{key}}` on {{expected}}, not on {{place}}: here it is ignored.',
    },
  },
  create(context) {
    /** Report `x-amazon-apigateway-*` keys (and near misses of the prefix) API Gateway does not read on this place. */
    const checkNames = (block: Record<string, unknown>, pointer: string, place: string): void => {
      const here = PLACES[place]!.map((name) => PREFIX + name);
      for (const key of Object.keys(block)) {
        if (!key.startsWith('x-') || key === 'x-gateway' || here.includes(key)) continue;
        const expected = Object.keys(PLACES).find((p) => PLACES[p]!.some((name) => PREFIX + name === key));
        if (expected) {
          context.report('misplaced', childPointer(pointer, key), { key, expected, place });
          continue;
        }
        const guess = closest(key, here) ?? closest(key, ALL_NAMES);
        if (key.toLowerCase().startsWith(PREFIX) || guess)
          context.report('unknownExtension', childPointer(pointer, key), {
            key,
            place,
            suggestion: guess ? ` Did you mean \`${guess}\`?` : '',
          });
      }
    };
    const check = (extension: string, value: unknown, pointer: string): void => {
      const validate = validator(extension);
      if (validate(value)) return;
      const errors = (validate.errors ?? []).filter(
        (e) =>
          e.keyword !== 'anyOf' ||
          !(validate.errors ?? []).some(
            (o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== 'anyOf',
          ),
      );
      const seen = new Set<string>();
      for (const error of errors) {
        const name = `x-amazon-apigateway-${extension}`;
        if (error.keyword === 'additionalProperties') {
          const key = String(error.params['additionalProperty']);
          if (extension === 'endpoint-configuration' && ENDPOINT_TYPE_KEYS.test(key)) {
            const types = asBlock(error.data)[key];
            context.report('endpointType', childPointer(pointer + error.instancePath, key), {
              key,
              rewrite: endpointTypeRewrite(types, Object.hasOwn(context.document, 'x-gateway')),
            });
            continue;
          }
          const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
          const guess = closest(key, known);
          context.report('unknownKey', childPointer(pointer + error.instancePath, key), {
            key,
            extension: name,
            suggestion: guess ? ` Did you mean \`${guess}\`?` : '',
          });
          continue;
        }
        const at = pointer + error.instancePath;
        if (seen.has(at)) continue;
        seen.add(at);
        const where =
          error.instancePath === ''
            ? name
            : error.instancePath.split('/').pop()!.replace(/~1/g, '/').replace(/~0/g, '~');
        const authType = extension === 'auth' && where === 'type' && error.keyword === 'pattern';
        const problem =
          error.keyword === 'enum'
            ? `must be one of ${(error.params['allowedValues'] as unknown[]).join(', ')}`
            : authType
              ? `must be ${AUTH_TYPES.join(' or ')} (in any case)`
              : error.keyword === 'anyOf'
                ? 'has the wrong type'
                : schemaProblem(error.keyword, error.params);
        const fix =
          error.keyword === 'enum'
            ? nearestFix(error.data, error.params['allowedValues'] as string[])
            : authType
              ? nearestFix(error.data, AUTH_TYPES, { iam: 'AWS_IAM', sigv4: 'AWS_IAM', awssigv4: 'AWS_IAM' })
              : '';
        context.report('invalid', at, { extension: name, where, problem, fix });
      }
    };
    return {
      Document(document) {
        checkNames(document, '', 'the document root');
        for (const [path, item] of Object.entries(asBlock(document['paths']))) {
          if (!isBlock(item)) continue;
          checkNames(item, childPointer('/paths', path), 'a path item');
          // The OpenAPI schema checks `get`, `post`… but lets any `x-` value through.
          const anyMethod = item[`${PREFIX}any-method`];
          if (anyMethod !== undefined && !isBlock(anyMethod))
            context.report('invalid', childPointer('/paths', path, `${PREFIX}any-method`), {
              extension: `${PREFIX}any-method`,
              where: `${PREFIX}any-method`,
              problem: 'must be an operation object, as `get` or `post` is',
            });
        }
        for (const extension of ROOT) {
          const key = `x-amazon-apigateway-${extension}`;
          if (key in document) check(extension, document[key], `/${key}`);
        }
        const servers: unknown[] = Array.isArray(document['servers']) ? document['servers'] : [];
        servers.forEach((server, i) => {
          if (isBlock(server) && Object.hasOwn(server, `${PREFIX}endpoint-configuration`))
            check(
              'endpoint-configuration',
              server[`${PREFIX}endpoint-configuration`],
              `/servers/${i}/${PREFIX}endpoint-configuration`,
            );
        });
        for (const [name, scheme] of Object.entries(securitySchemesOf(document))) {
          if (!isBlock(scheme)) continue;
          checkNames(scheme, childPointer('/components/securitySchemes', name), 'a security scheme');
          for (const extension of SECURITY_SCHEME) {
            if (Object.hasOwn(scheme, PREFIX + extension))
              check(
                extension,
                scheme[PREFIX + extension],
                childPointer('/components/securitySchemes', name, PREFIX + extension),
              );
          }
        }
      },
      Operation(node) {
        checkNames(node.operation, node.pointer, 'an operation');
        for (const extension of OPERATION) {
          const key = `x-amazon-apigateway-${extension}`;
          if (key in node.operation) check(extension, node.operation[key], childPointer(node.pointer, key));
        }
      },
    };
  },
});
