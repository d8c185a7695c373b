/**
 * A Body read from S3 takes no intrinsic function (CloudFormation passes `BodyS3Location` to API Gateway as
 * it is), so the intrinsics of a Body that must leave the template are resolved at compile time, for the
 * Region and account the template is compiled for (docs/large-specs.md):
 *
 * - `${AWS::Region}`, `${AWS::AccountId}`, `${AWS::Partition}` and `${AWS::URLSuffix}` in a `!Sub` are
 *   written literally; the template's `Rules` refuse to deploy it anywhere else.
 * - Other references (`${OrdersFunctionArn}`, `${Orders.Arn}`, `!GetAtt Role.Arn`) become stage variables,
 *   set on every stage by intrinsics (where they work), in the places where API Gateway substitutes them
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/aws-api-gateway-stage-variables-reference.html,
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.stage-variables-reference.html):
 *   in place of "a Lambda function name, or version/alias" in a Lambda URI, the Region and account staying
 *   literal (`…:function:${stageVariables.<name>}/invocations`, the variable holding what follows
 *   `function:` in the function's ARN); after `arn:aws:iam::<account_id>:` in integration credentials; in
 *   an HTTP integration URI, the action or path of an AWS integration URI, and anywhere in a mapping template.
 *
 * Anything else (an authorizer's URI, a resource policy, a Cognito user pool, a VPC link) stays an
 * intrinsic, which the caller refuses at its place.
 */
import { createHash } from 'node:crypto';
import { childPointer } from '../diagnostics/diagnostic.js';
import { type Intrinsic, isIntrinsic, type Json, referencedNames } from '../model/aws-value.js';

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
  /**
   * Parameters that name a Lambda function or a role reached through a stage variable, with the
   * AllowedPattern that keeps them in the target's Region and account (where the stage variable reaches).
   */
  readonly pins: Readonly<Record<string, string>>;
  /** JSON pointers (within the Body) of the intrinsics that remain. */
  readonly left: readonly string[];
}

/** Stage variable names: letters, digits and underscores (API Gateway's rule); gateform's start `gateform_`. */
const VARIABLE_PREFIX = 'gateform_';
const MAX_VARIABLE_NAME = 64;

const INVOCATION = /^arn:([a-z-]+):apigateway:([a-z0-9-]+):lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;
const SUB_REFERENCE = /\$\{[^}!][^}]*\}/g;
const HAS_REFERENCE = /\$\{[^}!][^}]*\}/;
const WHOLE_REFERENCE = /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/;
const PSEUDO = /\$\{AWS::(Region|AccountId|Partition|URLSuffix)\}/g;
const INTEGRATION = '/x-amazon-apigateway-integration/';
const MAPPING_TEMPLATE =
  /\/x-amazon-apigateway-integration\/(?:requestTemplates|responses\/[^/]+\/responseTemplates)\/[^/]+$/;

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
  const pins: Record<string, string> = {};
  const left: string[] = [];
  const functionArn = `arn:${partition}:lambda:${target.region}:${target.accountId}:function:`;
  const roleArn = `arn:${partition}:iam::${target.accountId}:`;
  const awsUri = new RegExp(`^arn:${partition}:apigateway:${target.region}:[a-z0-9-]+:(?:action|path)/`);

  /** A stage variable holding `value`, named after `text`; two texts whose readable names meet get a hash. */
  const variable = (kind: string, text: string, value: Json): string => {
    let name = variableName(kind, text, value);
    if (Object.hasOwn(variables, name) && JSON.stringify(variables[name]) !== JSON.stringify(value))
      name = variableName(kind, text, value, true);
    variables[name] = value;
    return `\${stageVariables.${name}}`;
  };
  /** Every `${X}` of `text` read from a stage variable that holds X's value. */
  const everyReference = (text: string, locals: Locals): string =>
    text.replace(SUB_REFERENCE, (reference) => {
      const value = referenceValue(reference, locals);
      return variable('', Object.hasOwn(locals, reference.slice(2, -1)) ? readableName(value) : reference, value);
    });
  /**
   * The part of an ARN that a stage variable may stand for (what follows `prefix`, which names the
   * target's Region and account), from the whole ARN (`${Name}`, `${Resource.Arn}`: the part after
   * `separator`) or from a `!Sub` that writes the prefix. A parameter holding the whole ARN is pinned to
   * `pattern`; undefined when none of these.
   */
  const arnTail = (kind: string, sub: Sub, prefix: string, separator: string, pattern: string): string | undefined => {
    const whole = WHOLE_REFERENCE.exec(sub.text);
    if (whole) {
      const [, id, attribute] = whole;
      const local = Object.hasOwn(sub.locals, id!);
      if (attribute === undefined && !local) {
        if (pins[id!] !== undefined && pins[id!] !== pattern) return undefined;
        pins[id!] = pattern;
      }
      const arn = referenceValue(sub.text, sub.locals);
      const index = separator === ':' ? 5 : 1;
      return variable(kind, local ? readableName(arn) : sub.text, {
        'Fn::Select': [index, { 'Fn::Split': [separator, arn] }],
      });
    }
    if (!sub.text.startsWith(prefix)) return undefined;
    const rest = sub.text.slice(prefix.length);
    const used = Object.entries(sub.locals).filter(([name]) => rest.includes(`\${${name}}`));
    return variable(kind, rest, { 'Fn::Sub': used.length > 0 ? [rest, Object.fromEntries(used)] : rest });
  };

  const resolve = (sub: Sub & { readonly node: Intrinsic }, pointer: string): Json => {
    const text = sub.text.replace(PSEUDO, (_m, name: string) => pseudo[name]!);
    if (!HAS_REFERENCE.test(text)) return unescapeSub(text);
    const literal = { text, locals: sub.locals };
    let resolved: string | undefined;
    if (pointer.endsWith(`${INTEGRATION}uri`)) {
      const lambda = INVOCATION.exec(text);
      if (lambda) {
        const name =
          lambda[1] === partition && lambda[2] === target.region
            ? arnTail(
                'fn_',
                { text: lambda[3]!, locals: sub.locals },
                functionArn,
                ':function:',
                `^${functionArn}[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$`,
              )
            : undefined;
        resolved =
          name &&
          `arn:${partition}:apigateway:${target.region}:lambda:path/2015-03-31/functions/${functionArn}${name}/invocations`;
      } else if (/^https?:\/\//.test(text) || awsUri.test(text.split('${')[0]!))
        resolved = everyReference(text, sub.locals);
    } else if (pointer.endsWith(`${INTEGRATION}credentials`)) {
      const name = arnTail('role_', literal, roleArn, ':', `^${roleArn}role/.+$`);
      resolved = name && roleArn + name;
    } else if (MAPPING_TEMPLATE.test(pointer)) resolved = everyReference(text, sub.locals);
    if (resolved !== undefined) return unescapeSub(resolved);
    left.push(pointer);
    return sub.node;
  };

  const visit = (node: Json, pointer: string): Json => {
    if (isIntrinsic(node)) {
      const sub = subOf(node);
      if (sub !== undefined) return resolve(sub, pointer);
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
  return { body: literal, variables, pins, left };
}

/** The names and values of a `!Sub`'s own variables (`!Sub [text, {Name: value}]`). */
type Locals = Readonly<Record<string, Json>>;

/** An intrinsic read as a `!Sub`: its text, its own variables, and the intrinsic itself. */
interface Sub {
  readonly text: string;
  readonly locals: Locals;
  readonly node?: Intrinsic;
}

/** `Ref X`, `!GetAtt X.A` and a `!Sub` (string or `[text, variables]`) as a `!Sub`; undefined for other intrinsics. */
function subOf(node: Intrinsic): (Sub & { readonly node: Intrinsic }) | undefined {
  const [[fn, value]] = Object.entries(node) as [[string, Json]];
  const sub = (text: string, locals: Locals = {}) => ({ text, locals, node });
  if (fn === 'Fn::Sub') {
    if (typeof value === 'string') return sub(value);
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string') {
      const locals = value[1];
      if (locals !== null && typeof locals === 'object' && !Array.isArray(locals))
        return sub(value[0], locals as Locals);
    }
    return undefined;
  }
  if (fn === 'Ref' && typeof value === 'string') return sub(`\${${value}}`);
  if (fn === 'Fn::GetAtt') {
    const path = typeof value === 'string' ? value : Array.isArray(value) ? value.join('.') : undefined;
    return path === undefined ? undefined : sub(`\${${path}}`);
  }
  return undefined;
}

/** What `${X}` or `${X.A}` stands for: the `!Sub`'s own variable X, else `Ref X` or `!GetAtt X.A`. */
function referenceValue(reference: string, locals: Locals): Json {
  const inner = reference.slice(2, -1);
  if (Object.hasOwn(locals, inner)) return locals[inner]!;
  const dot = inner.indexOf('.');
  return dot < 0 ? { Ref: inner } : { 'Fn::GetAtt': [inner.slice(0, dot), inner.slice(dot + 1)] };
}

/** A name for a computed value: the names it refers to (`OrdersQueueUrl` for a `!Select` of its `!Split`). */
function readableName(value: Json): string {
  return referencedNames(value).join('_') || 'value';
}

/** `${!Literal}` is how a `!Sub` writes `${Literal}`. */
function unescapeSub(text: string): string {
  return text.replace(/\$\{!/g, '${');
}

/** `gateform_`, `kind` and the references of `text` (`gateform_fn_OrdersFunctionArn`), or a hash when too long. */
function variableName(kind: string, text: string, value: Json, hashed = false): string {
  const readable = VARIABLE_PREFIX + kind + text.replace(/\$\{|\}/g, '').replace(/[^A-Za-z0-9_]+/g, '_');
  if (readable.length <= MAX_VARIABLE_NAME && !hashed) return readable;
  const hash = createHash('sha256')
    .update(kind + text + JSON.stringify(value))
    .digest('hex')
    .slice(0, 8);
  return `${readable.slice(0, MAX_VARIABLE_NAME - hash.length - 1)}_${hash}`;
}
