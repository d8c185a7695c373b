/**
 * A Body read from S3 takes no intrinsic function (CloudFormation passes `BodyS3Location` to API Gateway as
 * it is), so the intrinsics of a Body that must leave the template are resolved at compile time, for the
 * Region and account the template is compiled for (docs/large-specs.md):
 *
 * - `${AWS::Region}`, `${AWS::AccountId}`, `${AWS::Partition}` and `${AWS::URLSuffix}` in a `!Sub` are
 *   written literally; the template's `Rules` refuse to deploy it anywhere else.
 * - A Lambda invocation URI naming its function by a reference (`${OrdersFunctionArn}`, `${Orders.Arn}`)
 *   reaches it through a stage variable, which API Gateway substitutes in place of "a Lambda function
 *   integration name or alias" only, the Region and account staying literal
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/aws-api-gateway-stage-variables-reference.html,
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.stage-variables-reference.html):
 *   `…:function:${stageVariables.<name>}/invocations`, the stage variable holding what follows `function:`
 *   in the function's ARN, set on every stage by intrinsics, where they work.
 *
 * Anything else (a role ARN, an authorizer's URI, a reference outside a Lambda URI) stays an intrinsic,
 * which the caller refuses at its place.
 */
import { createHash } from 'node:crypto';
import { childPointer } from '../diagnostics/diagnostic.js';
import { isIntrinsic, type Json } from '../model/aws-value.js';

/** The Region and account a template is compiled for. */
export interface DeployTarget {
  readonly region: string;
  readonly accountId: string;
}

/** A Region name as AWS writes them (`eu-west-1`, `us-gov-west-1`, `cn-north-1`). */
const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT_PATTERN = /^\d{12}$/;

/**
 * The partition and URL suffix of a Region, for the partitions whose Regions are named by a prefix:
 * https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 * (China: `aws-cn`, `amazonaws.com.cn`; GovCloud (US): `aws-us-gov`). The isolated partitions are not known here.
 */
export function partitionOf(region: string): { partition: string; urlSuffix: string } | undefined {
  if (/^us-iso/.test(region) || /^[a-z]{2}-iso/.test(region)) return undefined;
  if (region.startsWith('cn-')) return { partition: 'aws-cn', urlSuffix: 'amazonaws.com.cn' };
  if (region.startsWith('us-gov-')) return { partition: 'aws-us-gov', urlSuffix: 'amazonaws.com' };
  return { partition: 'aws', urlSuffix: 'amazonaws.com' };
}

/** What is wrong with `target`, in the words of the flags that give it; undefined when it is sound. */
export function targetProblem(target: DeployTarget): string | undefined {
  if (!REGION_PATTERN.test(target.region))
    return `--region must be a Region name such as eu-west-1, not ${target.region}`;
  if (partitionOf(target.region) === undefined)
    return `--region ${target.region} is in an isolated partition, whose ARNs gateform does not know`;
  if (!ACCOUNT_PATTERN.test(target.accountId)) return `--account-id must be 12 digits, not ${target.accountId}`;
  return undefined;
}

export interface LiteralBody {
  /** The Body with what could be resolved written literally. */
  readonly body: Json;
  /** Stage variables the Body now reads: name → the value (an intrinsic) to set on every stage. */
  readonly variables: Readonly<Record<string, Json>>;
  /** Parameters named by a Lambda URI: their value must be a function ARN of the target's Region and account. */
  readonly functionParameters: readonly string[];
  /** JSON pointers (within the Body) of the intrinsics that remain. */
  readonly left: readonly string[];
}

/** Stage variable names: letters, digits and underscores (API Gateway's rule); gateform's start `gateform_`. */
const VARIABLE_PREFIX = 'gateform_';
const MAX_VARIABLE_NAME = 64;

const INVOCATION = /^arn:([a-z-]+):apigateway:([a-z0-9-]+):lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;
const SUB_REFERENCE = /\$\{([^}!][^}]*)\}/g;
const PSEUDO = /\$\{AWS::(Region|AccountId|Partition|URLSuffix)\}/g;

/** `body` with its intrinsics resolved for `target` where they can be (see the file's comment). */
export function literalBody(body: Json, target: DeployTarget): LiteralBody {
  const { partition, urlSuffix } = partitionOf(target.region)!;
  const pseudo: Record<string, string> = {
    Region: target.region,
    AccountId: target.accountId,
    Partition: partition,
    URLSuffix: urlSuffix,
  };
  const variables: Record<string, Json> = {};
  const functionParameters = new Set<string>();
  const left: string[] = [];
  const functionArn = `arn:${partition}:lambda:${target.region}:${target.accountId}:function:`;

  /** The stage variable that holds the function part `reference` stands for; undefined when it cannot. */
  const variableFor = (functionPart: string): string | undefined => {
    let value: Json;
    const whole = /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/.exec(functionPart);
    if (whole) {
      // The function's whole ARN: the stage variable holds what follows `function:` (its name, and its
      // qualifier when it has one).
      const [, id, attribute] = whole;
      const arn: Json = attribute === undefined ? { Ref: id! } : { 'Fn::GetAtt': [id!, attribute] };
      if (attribute === undefined) functionParameters.add(id!);
      value = { 'Fn::Select': [1, { 'Fn::Split': [':function:', arn] }] };
    } else if (functionPart.startsWith(functionArn)) {
      value = { 'Fn::Sub': functionPart.slice(functionArn.length) };
    } else return undefined;
    // Two function parts whose readable names meet get told apart by a hash.
    let name = variableName(functionPart);
    if (Object.hasOwn(variables, name) && JSON.stringify(variables[name]) !== JSON.stringify(value))
      name = variableName(functionPart, true);
    variables[name] = value;
    return name;
  };

  const resolve = (text: string, pointer: string): Json => {
    const literal = text.replace(PSEUDO, (_m, name: string) => pseudo[name]!);
    const references = [...literal.matchAll(SUB_REFERENCE)];
    if (references.length === 0) return unescapeSub(literal);
    const uri = /\/x-amazon-apigateway-integration\/uri$/.test(pointer) ? INVOCATION.exec(literal) : null;
    if (uri && uri[1] === partition && uri[2] === target.region) {
      const name = variableFor(uri[3]!);
      if (name !== undefined)
        return `arn:${partition}:apigateway:${target.region}:lambda:path/2015-03-31/functions/${functionArn}\${stageVariables.${name}}/invocations`;
    }
    left.push(pointer);
    return { 'Fn::Sub': text };
  };

  const visit = (node: Json, pointer: string): Json => {
    if (isIntrinsic(node)) {
      const sub = (node as { readonly [key: string]: Json })['Fn::Sub'];
      if (typeof sub === 'string') return resolve(sub, pointer);
      left.push(pointer);
      return node;
    }
    if (Array.isArray(node)) return node.map((item, i) => visit(item, childPointer(pointer, i)));
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, visit(value, childPointer(pointer, key))]),
    );
  };
  const literal = visit(body, '');
  return { body: literal, variables, functionParameters: [...functionParameters].sort(), left };
}

/** `${!Literal}` is how a `!Sub` writes `${Literal}`. */
function unescapeSub(text: string): string {
  return text.replace(/\$\{!/g, '${');
}

/** `gateform_` and the function part's references (`gateform_OrdersFunctionArn`), or a hash when too long. */
function variableName(functionPart: string, hashed = false): string {
  const readable = VARIABLE_PREFIX + functionPart.replace(/\$\{|\}/g, '').replace(/[^A-Za-z0-9_]+/g, '_');
  if (readable.length <= MAX_VARIABLE_NAME && !hashed) return readable;
  const hash = createHash('sha256').update(functionPart).digest('hex').slice(0, 8);
  return `${readable.slice(0, MAX_VARIABLE_NAME - hash.length - 1)}_${hash}`;
}
