/**
 * A template over CloudFormation's 1,000,000 bytes: the API's OpenAPI Body moves to a file beside it,
 * referenced by `BodyS3Location`, which `aws cloudformation package` uploads to S3 and rewrites to
 * `{Bucket, Key}`; API Gateway then imports the Body from S3, and it no longer counts toward the template.
 *
 * Why `BodyS3Location` and not `Fn::Transform` `AWS::Include` (docs/large-specs.md): what AWS::Include
 * inserts is part of the processed template, which is held to the same 1 MB
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros-troubleshoot-processed-template.html),
 * so it cannot carry a Body that makes the template too large. A Body read from S3 is not processed by
 * CloudFormation, so it must hold no intrinsic function: one that does is refused, at its place in the spec.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import { isIntrinsic } from '../model/aws-value.js';
import type { CfnTemplate } from '../model/cfn.js';
import type { GatewayModel } from '../model/ir.js';
import { fittedName } from './cfn-limits.js';

/**
 * CloudFormation's largest template, from S3: "1 MB", which it enforces as 1,000,000 bytes ("Template may
 * not exceed 1000000 bytes in size.").
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
export const TEMPLATE_BYTES = 1_000_000;

/** The Body written beside the template: `file` is its name, relative to the template's folder. */
export interface ExternalBody {
  readonly file: string;
  readonly text: string;
}

export interface SizedTemplate {
  readonly template: CfnTemplate;
  readonly body?: ExternalBody;
  readonly diagnostics: readonly Diagnostic[];
}

/** The place of a few intrinsic functions of a Body, for a message. */
const SHOWN = 3;

/**
 * `template` as it can be deployed: unchanged when it fits; else with its API's Body in a file named
 * `<stem>.body-<hash>.json` (the hash of the Body: a changed Body is a new file, and a template never names
 * a file that another compile rewrote), when `stem` is given and the Body can leave the template.
 */
export function fitTemplate(template: CfnTemplate, model: GatewayModel, stem: string | undefined): SizedTemplate {
  // Minified JSON is the smallest form the template can take, so over the quota here means over it in any form.
  const bytes = Buffer.byteLength(JSON.stringify(template), 'utf8');
  if (bytes <= TEMPLATE_BYTES) return { template, diagnostics: [] };
  const over = (message: string, hint: string): SizedTemplate => ({
    template,
    diagnostics: [{ code: 'template-quota-exceeded', severity: 'error', message, location: model.api.origin, hint }],
  });
  const apiId = fittedName(model.api.logicalId);
  const api = template.Resources[apiId];
  const body = api?.Properties?.['Body'];
  if (api === undefined || body === undefined)
    return over(
      `The template is ${bytes} bytes even as minified JSON; CloudFormation accepts at most ${TEMPLATE_BYTES}.`,
      'Split the API into several specs (one stack each).',
    );
  const intrinsics = intrinsicPlaces(body);
  if (intrinsics.length > 0)
    return over(
      `The template is ${bytes} bytes even as minified JSON, over CloudFormation's ${TEMPLATE_BYTES}, and its ` +
        `OpenAPI Body cannot move to S3: a Body read from S3 takes no intrinsic function, and it holds ` +
        `${intrinsics.length} (at ${intrinsics.slice(0, SHOWN).join(', ')}${intrinsics.length > SHOWN ? ', …' : ''}).`,
      'Write those values literally (a full function ARN instead of a `${Name}` placeholder, say), or split the API into several specs (one stack each).',
    );
  const text = JSON.stringify(body, null, 2) + '\n';
  if (stem === undefined)
    return over(
      `The template is ${bytes} bytes even as minified JSON, over CloudFormation's ${TEMPLATE_BYTES}: its ` +
        'OpenAPI Body must be written to a file beside it, which standard output cannot hold.',
      'Write the template to a file with `-o template.yaml`: the Body goes beside it, for `aws cloudformation package`.',
    );
  const file = `${stem}.body-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`;
  const { Body: _moved, ...properties } = api.Properties!;
  // `aws cloudformation package` uploads a local BodyS3Location of a RestApi; its documentation lists no
  // such rewrite for ApiGatewayV2::Api (and cfn-lint refuses a path there), so an HTTP API's Body is
  // uploaded by the user, to the bucket its parameter names, under the file's own name.
  const http = api.Type === 'AWS::ApiGatewayV2::Api';
  const bucket = fittedName(`${model.api.logicalId}BodyBucket`);
  if (http && (Object.hasOwn(template.Parameters ?? {}, bucket) || Object.hasOwn(template.Resources, bucket)))
    return over(
      `The template is ${bytes} bytes even as minified JSON, over CloudFormation's ${TEMPLATE_BYTES}, and the ` +
        `parameter that would name the bucket of its Body, \`${bucket}\`, is taken.`,
      `Rename the \`${bucket}\` the template defines.`,
    );
  // Parameters keep their place before Resources.
  const { Resources, Outputs, ...head } = template;
  const moved: CfnTemplate = {
    ...head,
    ...(http && {
      Parameters: {
        ...template.Parameters,
        [bucket]: {
          Type: 'String',
          Description: `The S3 bucket that holds ${file}, the API's OpenAPI definition (upload it before deploying)`,
          AllowedPattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
        },
      },
    }),
    Resources: {
      ...Resources,
      [apiId]: {
        ...api,
        Properties: { ...properties, BodyS3Location: http ? { Bucket: { Ref: bucket }, Key: file } : file },
      },
    },
    ...(Outputs !== undefined && { Outputs }),
  };
  const left = Buffer.byteLength(JSON.stringify(moved), 'utf8');
  if (left > TEMPLATE_BYTES)
    return over(
      `The template is ${left} bytes as minified JSON even without its OpenAPI Body; CloudFormation accepts at most ${TEMPLATE_BYTES}.`,
      'Split the API into several specs (one stack each).',
    );
  return { template: moved, body: { file, text }, diagnostics: [] };
}

/** JSON pointers (within the Body) of its intrinsic functions, in document order. */
function intrinsicPlaces(body: unknown): string[] {
  const places: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (isIntrinsic(node)) places.push(`\`Body${pointer}\``);
    else if (Array.isArray(node)) for (let i = 0; i < node.length; i += 1) visit(node[i], childPointer(pointer, i));
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) visit(value, childPointer(pointer, key));
  };
  visit(body, '');
  return places;
}
