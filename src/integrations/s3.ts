/**
 * S3 GetObject, PutObject and DeleteObject through the path-style S3 API: the object key comes from the
 * path parameters, the Content-Type passes through both ways, and bodies go through unchanged
 * (binary too, when the API lists the media types in `api.binaryMediaTypes`).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-s3.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { joinSub, subText } from '../model/aws-value.js';
import type { Block, ModelContext, RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { renderServiceIntegration } from './aws-service.js';
import { allow, arnOf, nameOf } from './iam.js';
import type { ResourceKind } from './resource-form.js';
import { refuseBody, requestValue, targetOf } from './service-values.js';
import type { S3Action, S3Integration, ServiceCommon } from '../model/ir.js';
import type { IntegrationOutput } from './types.js';

const VERB: Readonly<Record<S3Action, string>> = { GetObject: 'GET', PutObject: 'PUT', DeleteObject: 'DELETE' };

const BUCKET: ResourceKind = {
  noun: 'bucket',
  types: { 'AWS::S3::Bucket': 'name' },
  forms: ['arn', 'name'],
  assumed: 'name',
  example: 'arn:${AWS::Partition}:s3:::documents',
};

export function parseS3(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  common: ServiceCommon,
): S3Integration | undefined {
  const action = block['action'] as S3Action;
  if (action !== 'PutObject') refuseBody(ctx, scope, action, childPointer(pointer, 'action'));
  const key = String(block['key']);
  const binary = (ctx.root['api'] as { binaryMediaTypes?: unknown } | undefined)?.binaryMediaTypes;
  if (action !== 'DeleteObject' && !(Array.isArray(binary) && binary.length > 0)) {
    ctx.report(
      'service-binary-media-types',
      'info',
      `${action} passes object bodies through as text unless their media type is in \`api.binaryMediaTypes\`.`,
      childPointer(pointer, 'action'),
      'List the binary media types your objects use (e.g. image/png, application/octet-stream), or */* for all.',
    );
  }
  for (const [, name] of key.matchAll(/\{([^}]+)\}/g))
    requestValue(ctx, scope, `path.${name}`, childPointer(pointer, 'key'));
  const bucket = targetOf(
    ctx,
    block['bucket'],
    childPointer(pointer, 'bucket'),
    `S3 bucket of ${scope.method} ${scope.path}`,
    BUCKET,
  );
  return bucket && { kind: 's3', action, bucket: bucket.value, bucketForm: bucket.form, key, ...common };
}

/** The key in the integration URI: its literal text percent-encoded (a `#`, `?` or space would change the URI), its `{segments}` as they are. */
function uriKey(key: string): string {
  return key
    .split(/(\{[^}]+\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.split('/').map(encodeURIComponent).join('/')))
    .join('');
}

export function renderS3Integration(route: ServiceRoute, integration: S3Integration): IntegrationOutput {
  const { action, key } = integration;
  const bucket = nameOf(integration.bucket, integration.bucketForm, ':', 5);
  const requestParameters: Record<string, string> = {};
  for (const [, name] of key.matchAll(/\{([^}]+)\}/g))
    requestParameters[`integration.request.path.${name}`] = `method.request.path.${name}`;
  if (action === 'PutObject')
    requestParameters['integration.request.header.Content-Type'] = 'method.request.header.Content-Type';
  // The narrowest resource S3 allows: the literal prefix of the key, then any key below it.
  const prefix = key.split('{')[0]!;
  const objects = arnOf(integration.bucket, integration.bucketForm, 's3', '', `/${prefix}*`);
  return {
    ...renderServiceIntegration(route, integration, {
      service: 'S3',
      httpMethod: VERB[action],
      uri: joinSub([subText('arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/'), bucket, `/${uriKey(key)}`]),
      requestParameters,
      // Object bodies are passed as they are, whatever their type: no template to map them.
      passthroughBehavior: 'when_no_match',
      ...(action === 'GetObject' && {
        responseParameters: { 'method.response.header.Content-Type': 'integration.response.header.Content-Type' },
      }),
      // Without s3:ListBucket S3 answers a missing key with 403 AccessDenied; with it, 404 NoSuchKey.
      statements: [
        allow([`s3:${action}`], [objects]),
        ...(action === 'GetObject'
          ? [allow(['s3:ListBucket'], [arnOf(integration.bucket, integration.bucketForm, 's3', '')])]
          : []),
      ],
      ...(action === 'GetObject' && { notFound: ['NoSuchKey'] }),
      target: integration.bucket,
    }),
    ...(action === 'PutObject' && { requestHeaders: ['Content-Type'] }),
  };
}
