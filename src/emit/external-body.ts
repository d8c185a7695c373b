/**
 * A template over CloudFormation's 1,000,000 bytes: the API's OpenAPI Body moves to a file beside it,
 * referenced by `BodyS3Location`, which `aws cloudformation package` uploads to S3 and rewrites to
 * `{Bucket, Key}`; API Gateway then imports the Body from S3, and it no longer counts toward the template.
 *
 * Why `BodyS3Location` and not `Fn::Transform` `AWS::Include` (docs/large-specs.md): what AWS::Include
 * inserts is part of the processed template, which is held to the same 1 MB
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros-troubleshoot-processed-template.html),
 * so it cannot carry a Body that makes the template too large. A Body read from S3 is not processed by
 * CloudFormation, so it must hold no intrinsic function: those it holds are resolved for the Region and
 * account compiled for (literal-body.ts), and one that cannot be is refused, at its place in the Body.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import { isIntrinsic, type Json } from '../model/aws-value.js';
import type { CfnResource, CfnTemplate } from '../model/cfn.js';
import { ARN_PATTERN } from '../model/build-model.js';
import type { GatewayModel } from '../model/ir.js';
import { fittedName } from './cfn-limits.js';
import { type DeployTarget, type LiteralBody, literalBody } from './literal-body.js';

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
export interface FitOptions {
  /** The Region and account to resolve a moved Body's intrinsics for (docs/large-specs.md). */
  readonly target?: DeployTarget;
  /** The largest template, in bytes; CloudFormation's unless a test needs a small one. */
  readonly limit?: number;
  /** The largest REST API definition, in bytes; API Gateway's unless a test needs a small one. */
  readonly bodyLimit?: number;
}

/**
 * API Gateway's largest REST API definition: "The maximum size of the API definition file is 6MB"
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_ImportRestApi.html), read here as 6,000,000 bytes;
 * the HTTP API import documents none, so an HTTP API's Body is not held to it.
 */
export const REST_DEFINITION_BYTES = 6_000_000;

/**
 * `template` as it can be deployed: unchanged when it fits; else with its API's Body in a file named
 * `<stem>.body-<hash>.json` (the hash of the Body: a changed Body is a new file, and a template never names
 * a file that another compile rewrote), when `stem` is given and the Body can leave the template: its
 * intrinsics resolved for `options.target` (literal-body.ts), or none.
 */
export function fitTemplate(
  template: CfnTemplate,
  model: GatewayModel,
  stem: string | undefined,
  options: FitOptions = {},
): SizedTemplate {
  const limit = options.limit ?? TEMPLATE_BYTES;
  // Minified JSON is the smallest form the template can take, so over the quota here means over it in any form.
  const bytes = Buffer.byteLength(JSON.stringify(template), 'utf8');
  if (bytes <= limit) return { template, diagnostics: [] };
  const over = (message: string, hint: string): SizedTemplate => ({
    template,
    diagnostics: [{ code: 'template-quota-exceeded', severity: 'error', message, location: model.api.origin, hint }],
  });
  const tooLarge = `The template is ${bytes} bytes even as minified JSON, over CloudFormation's ${limit}`;
  const apiId = fittedName(model.api.logicalId);
  const api = template.Resources[apiId];
  const body = api?.Properties?.['Body'];
  if (api === undefined || body === undefined)
    return over(
      `The template is ${bytes} bytes even as minified JSON; CloudFormation accepts at most ${limit}.`,
      'Split the API into several specs (one stack each).',
    );
  const intrinsics = intrinsicPlaces(body);
  const resolved = intrinsics.length > 0 ? literalBody(body, options.target ?? PROBE) : undefined;
  if (resolved && resolved.left.length > 0)
    return over(
      `${tooLarge}, and its OpenAPI Body cannot move to S3: a Body read from S3 takes no intrinsic function, and ` +
        `it holds ${resolved.left.length} that gateform cannot write literally (at ${shown(resolved.left)}).`,
      'Write those values literally, or split the API into several specs (one stack each). Lambda and HTTP URIs, ' +
        'AWS service URIs, credentials and mapping templates may hold placeholders (docs/large-specs.md).',
    );
  if (resolved && options.target === undefined)
    return over(
      `${tooLarge}: its OpenAPI Body must move to S3, where it takes no intrinsic function, and it holds ` +
        `${intrinsics.length} (at ${shown(intrinsics)}), which gateform writes literally for one Region and account.`,
      'Compile for the Region and account you deploy to: `--region eu-west-1 --account-id 123456789012`, say ' +
        '(docs/large-specs.md), or split the API into several specs (one stack each).',
    );
  if (stem === undefined)
    return over(
      `${tooLarge}: its OpenAPI Body must be written to a file beside it, which standard output cannot hold.`,
      'Write the template to a file with `-o template.yaml`: the Body goes beside it, for `aws cloudformation package`.',
    );
  const pinned = resolved && options.target ? pinTarget(template, apiId, resolved, options.target) : undefined;
  if (typeof pinned === 'string')
    return over(`${tooLarge}, and its OpenAPI Body cannot move to S3: ${pinned}`, PINNED_HINT);
  // Indented for reading and diffs; minified when that is what keeps it under API Gateway's limit.
  const definition = resolved?.body ?? body;
  const bodyLimit = options.bodyLimit ?? REST_DEFINITION_BYTES;
  const indented = JSON.stringify(definition, null, 2) + '\n';
  const text = Buffer.byteLength(indented, 'utf8') <= bodyLimit ? indented : JSON.stringify(definition) + '\n';
  if (api.Type === 'AWS::ApiGateway::RestApi' && Buffer.byteLength(text, 'utf8') > bodyLimit)
    return over(
      `${tooLarge}, and its OpenAPI Body, ${Buffer.byteLength(text, 'utf8')} bytes even as minified JSON, is over ` +
        `the ${bodyLimit} bytes API Gateway imports as a REST API definition.`,
      'Split the API into several specs (one stack each).',
    );
  const file = `${stem}.body-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`;
  // `aws cloudformation package` uploads a local BodyS3Location of a RestApi; its documentation lists no
  // such rewrite for ApiGatewayV2::Api (and cfn-lint refuses a path there), so an HTTP API's Body is
  // uploaded by the user, to the bucket its parameter names, under the file's own name.
  const http = api.Type === 'AWS::ApiGatewayV2::Api';
  const bucket = fittedName(`${model.api.logicalId}BodyBucket`);
  if (http && (Object.hasOwn(template.Parameters ?? {}, bucket) || Object.hasOwn(template.Resources, bucket)))
    return over(
      `${tooLarge}, and the parameter that would name the bucket of its Body, \`${bucket}\`, is taken.`,
      `Rename the \`${bucket}\` the template defines.`,
    );
  const { Body: _moved, ...properties } = api.Properties!;
  // Parameters and Rules keep their place before Resources.
  const { Resources, Outputs, Parameters, Rules, ...head } = { ...template, ...pinned };
  const parameters = {
    ...Parameters,
    ...(http && {
      [bucket]: {
        Type: 'String',
        Description: `The S3 bucket that holds ${file}, the API's OpenAPI definition (upload it before deploying)`,
        AllowedPattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
      },
    }),
  };
  const moved: CfnTemplate = {
    ...head,
    ...(Object.keys(parameters).length > 0 && { Parameters: parameters }),
    ...(Rules !== undefined && { Rules }),
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
  if (left > limit)
    return over(
      `The template is ${left} bytes as minified JSON even without its OpenAPI Body; CloudFormation accepts at most ${limit}.`,
      'Split the API into several specs (one stack each).',
    );
  return { template: moved, body: { file, text }, diagnostics: [] };
}

/** Whether a Body's intrinsics can be resolved at all is asked of any Region and account. */
const PROBE: DeployTarget = { region: 'us-east-1', accountId: '000000000000' };

const PINNED_HINT =
  'Rename what clashes, or drop the `allowedPattern` of the parameter that names a function: gateform gives it one (docs/large-specs.md).';

function shown(places: readonly string[]): string {
  return places
    .slice(0, SHOWN)
    .map((p) => `\`Body${p}\``)
    .join(', ')
    .concat(places.length > SHOWN ? ', …' : '');
}

/**
 * The template's side of a Body resolved for `target`: every stage of the API sets the stage variables the
 * Body reads; a parameter that names a function holds an ARN of the target's Region and account (the
 * function the stage variable reaches is the one it names, and its invoke permission is for); `Rules`
 * refuse a stack in another Region or account. A string says what stands in the way.
 */
function pinTarget(
  template: CfnTemplate,
  apiId: string,
  resolved: LiteralBody,
  target: DeployTarget,
): Pick<CfnTemplate, 'Parameters' | 'Resources' | 'Rules'> | string {
  const parameters = { ...template.Parameters };
  for (const [name, pattern] of Object.entries(resolved.pins)) {
    const parameter = parameters[name];
    if (parameter === undefined) continue;
    if (parameter.Type !== 'String' || (parameter.AllowedPattern ?? ARN_PATTERN) !== ARN_PATTERN)
      return (
        `the parameter \`${name}\` names what a stage variable reaches, which must be in ${target.region} and ` +
        `account ${target.accountId}, and gateform cannot pin it there: it ` +
        `${parameter.Type !== 'String' ? `is a ${parameter.Type}` : 'has an `AllowedPattern` of its own'}.`
      );
    parameters[name] = {
      ...parameter,
      AllowedPattern: pattern,
      ConstraintDescription: `must be an ARN in ${target.region} and account ${target.accountId}: the API reaches it through a stage variable`,
    };
  }
  const resources = { ...template.Resources };
  const stages = Object.entries(resources).filter(([, r]) => isStageOf(r, apiId));
  if (Object.keys(resolved.variables).length > 0 && stages.length === 0)
    return 'it reads stage variables, and the API has no stage in the template to set them on.';
  for (const [id, stage] of stages) {
    const key = stage.Type === 'AWS::ApiGatewayV2::Stage' ? 'StageVariables' : 'Variables';
    const theirs = (stage.Properties?.[key] ?? {}) as Record<string, Json>;
    const taken = Object.keys(resolved.variables).find((name) => Object.hasOwn(theirs, name));
    if (taken !== undefined) return `the stage variable \`${taken}\`, which gateform sets, is defined on ${id}.`;
    resources[id] = { ...stage, Properties: { ...stage.Properties, [key]: { ...theirs, ...resolved.variables } } };
  }
  const rule = fittedName(`${apiId}DeployTarget`);
  const rules = (template['Rules'] ?? {}) as Record<string, Json>;
  if (Object.hasOwn(rules, rule)) return `the rule \`${rule}\` is defined already.`;
  const assertion = (pseudo: string, value: string, what: string): Json => ({
    Assert: { 'Fn::Equals': [{ Ref: pseudo }, value] },
    AssertDescription:
      `The API's OpenAPI definition in S3 was compiled for ${what} ${value} ` +
      `(gateform compile ${pseudo === 'AWS::Region' ? '--region' : '--account-id'}).`,
  });
  return {
    ...(Object.keys(parameters).length > 0 && { Parameters: parameters }),
    Resources: resources,
    Rules: {
      ...rules,
      [rule]: {
        Assertions: [
          assertion('AWS::Region', target.region, 'Region'),
          assertion('AWS::AccountId', target.accountId, 'account'),
        ],
      },
    },
  };
}

/** A stage of the API `apiId` (REST or HTTP). */
function isStageOf(resource: CfnResource, apiId: string): boolean {
  const api = resource.Properties?.[resource.Type === 'AWS::ApiGatewayV2::Stage' ? 'ApiId' : 'RestApiId'];
  return (
    (resource.Type === 'AWS::ApiGateway::Stage' || resource.Type === 'AWS::ApiGatewayV2::Stage') &&
    isIntrinsic(api) &&
    (api as { Ref?: Json }).Ref === apiId
  );
}

/** JSON pointers (within the Body) of its intrinsic functions, in document order. */
function intrinsicPlaces(body: unknown): string[] {
  const places: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (isIntrinsic(node)) places.push(pointer);
    else if (Array.isArray(node)) for (let i = 0; i < node.length; i += 1) visit(node[i], childPointer(pointer, i));
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) visit(value, childPointer(pointer, key));
  };
  visit(body, '');
  return places;
}
