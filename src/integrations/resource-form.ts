/**
 * Whether a value that names a service's resource gives its ARN, its URL (SQS queues) or its name. The
 * integration needs to know: SQS takes the queue's account and name from it, SNS and Step Functions
 * need an ARN, and every IAM statement needs the ARN. The form is read from the value itself (an `arn:`
 * or `https://` literal), from what a reference returns (`Ref` of an `AWS::SQS::Queue` is its URL,
 * `Fn::GetAtt X.Arn` an ARN), or from a parameter's name and description (`OrdersQueueUrl`).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-ref.html
 */
import type { AwsValue } from '../model/aws-value.js';
import type { Block, ModelContext } from '../model/context.js';
import type { ResourceForm } from '../model/ir.js';

export interface ResourceKind {
  /** What the user calls it: "queue". */
  readonly noun: string;
  /** CloudFormation types of such a resource, with the form their `Ref` returns. */
  readonly types: Readonly<Record<string, ResourceForm>>;
  /** The forms the integration can use. */
  readonly forms: readonly ResourceForm[];
  /** The form of a parameter that says nothing of its own (the documented reading); none: an error. */
  readonly assumed?: ResourceForm;
  /** The ARN of a resource of this kind, for the hint: `arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders`. */
  readonly example: string;
}

/** `Fn::GetAtt` attributes that name a resource, by the form they return. */
const ATTRIBUTES: Readonly<Record<string, ResourceForm>> = {
  Arn: 'arn',
  TopicArn: 'arn',
  QueueUrl: 'url',
  QueueName: 'name',
  TopicName: 'name',
  Name: 'name',
};

/** The form of a value, or undefined (reported at `pointer`) when it cannot be known or cannot be used. */
export function resourceFormOf(
  ctx: ModelContext,
  value: AwsValue,
  kind: ResourceKind,
  pointer: string,
): ResourceForm | undefined {
  const found = formOf(ctx, value, kind);
  if (found.form !== undefined && kind.forms.includes(found.form)) return found.form;
  const forms = kind.forms
    .map((f) => (f === 'arn' ? 'ARN' : f === 'url' ? 'URL' : 'name'))
    .join(', ')
    .replace(/, (?=[^,]*$)/, ' or ');
  const message =
    found.type !== undefined
      ? `${found.why} is an ${found.type}, not a ${kind.noun}.`
      : found.form !== undefined
        ? `${found.why} gives the ${kind.noun}'s ${found.form === 'url' ? 'URL' : found.form}; this integration takes its ${forms}.`
        : `Cannot tell whether ${found.why} is the ${kind.noun}'s ${forms}.`;
  const arn = `\`${kind.example}\``;
  if (found.type !== undefined)
    return void ctx.report(
      'service-target-form',
      'error',
      message,
      ctx.origin(pointer, 'value'),
      `Refer to a ${kind.noun} (${Object.keys(kind.types).join(', ')}), or give its ARN: ${arn}.`,
    );
  ctx.report(
    'service-target-form',
    'error',
    message,
    ctx.origin(pointer, 'value'),
    `Give the ${kind.noun}'s ARN (${arn}), or name the parameter after its form ` +
      `(…Arn${kind.forms.includes('url') ? ', …Url' : ''}${kind.forms.includes('name') ? ', …Name' : ''}).`,
  );
  return undefined;
}

interface Found {
  readonly form?: ResourceForm;
  /** The value as the message names it. */
  readonly why: string;
  /** The type of an --into resource that is not of the kind at all. */
  readonly type?: string;
}

/**
 * The resource or parameter a value is a whole reference to, and the attribute it reads: `!Ref X`,
 * `!GetAtt X.Arn`, `${X}`, `${X.Arn}`.
 */
export function wholeReference(value: AwsValue): { readonly name: string; readonly attribute?: string } | undefined {
  if (value.kind === 'sub') {
    const whole = /^\$\{([A-Za-z0-9_]+)(?:\.([A-Za-z0-9.]+))?\}$/.exec(value.template);
    return whole ? { name: whole[1]!, ...(whole[2] !== undefined && { attribute: whole[2] }) } : undefined;
  }
  if (value.kind === 'literal') return undefined;
  const ref = value.value['Ref'];
  const getAtt = value.value['Fn::GetAtt'];
  if (typeof ref === 'string') return { name: ref };
  // Fn::GetAtt is a list [resource, attribute], or in JSON also the string "resource.attribute".
  const dot = typeof getAtt === 'string' ? getAtt.indexOf('.') : -1;
  const [name, attribute] =
    typeof getAtt === 'string'
      ? dot > 0
        ? [getAtt.slice(0, dot), getAtt.slice(dot + 1)]
        : []
      : Array.isArray(getAtt)
        ? getAtt
        : [];
  return typeof name === 'string' && name !== '' && typeof attribute === 'string' && attribute !== ''
    ? { name, attribute }
    : undefined;
}

function formOf(ctx: ModelContext, value: AwsValue, kind: ResourceKind): Found {
  if (value.kind === 'literal') return { ...textForm(value.value), why: `\`${value.value}\`` };
  const whole = wholeReference(value);
  if (whole)
    return whole.attribute === undefined
      ? referenceForm(ctx, whole.name, kind)
      : attributeForm(ctx, whole.name, whole.attribute, kind);
  if (value.kind === 'sub') {
    // Text around placeholders: an ARN or URL says so; anything else is a name built from parts.
    const text = value.template.replace(/\$\{[^}]*\}/g, '');
    const form = textForm(value.template).form ?? (/[:/]/.test(text) ? undefined : 'name');
    return { ...(form && { form }), why: `\`${value.template}\`` };
  }
  const imported = value.value['Fn::ImportValue'];
  if (typeof imported === 'string') return { ...hintedForm(imported), why: `the export \`${imported}\`` };
  return { why: `the value of \`${Object.keys(value.value)[0]}\`` };
}

function textForm(text: string): { form?: ResourceForm } {
  if (text.startsWith('arn:')) return { form: 'arn' };
  if (/^https?:\/\//.test(text)) return { form: 'url' };
  return /^[\w.-]+$/.test(text) ? { form: 'name' } : {};
}

function attributeForm(ctx: ModelContext, resource: string, attribute: string, kind: ResourceKind): Found {
  const declared = ctx.declared(resource);
  if (declared?.kind === 'resource' && !Object.hasOwn(kind.types, declared.type))
    return { why: `\`${resource}\``, type: declared.type };
  const form = Object.hasOwn(ATTRIBUTES, attribute) ? ATTRIBUTES[attribute] : undefined;
  return { ...(form && { form }), why: `\`${resource}.${attribute}\`` };
}

/** `Ref X`: the form a resource of the --into template returns, or what a parameter's description or name says. */
function referenceForm(ctx: ModelContext, name: string, kind: ResourceKind): Found {
  const declared = ctx.declared(name);
  const why = `\`${name}\``;
  if (declared?.kind === 'resource') {
    const form = Object.hasOwn(kind.types, declared.type) ? kind.types[declared.type] : undefined;
    return form !== undefined ? { form, why } : { why, type: declared.type };
  }
  // A reference to something unknown is reported as such elsewhere; nothing more to say here.
  if (declared === undefined) return { form: kind.forms[0]!, why };
  const form =
    (declared.description !== undefined ? hintedForm(declared.description).form : undefined) ??
    hintedForm(name).form ??
    kind.assumed;
  return { ...(form && { form }), why: `the parameter ${why}` };
}

/** The `--into` resource a value refers to (`!Ref X`, `!GetAtt X.Arn`, `${X}`, `${X.Arn}`), if it is one. */
export function declaredResource(
  ctx: ModelContext,
  value: AwsValue,
): { readonly id: string; readonly type: string; readonly properties: Block } | undefined {
  const id = wholeReference(value)?.name;
  const declared = id === undefined ? undefined : ctx.declared(id);
  return declared?.kind === 'resource' ? { id: id!, type: declared.type, properties: declared.properties } : undefined;
}

/** The one form a name or description mentions (`QueueArn`, "URL of the orders queue"), if exactly one. */
export function hintedForm(text: string): { form?: ResourceForm } {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const forms = (['arn', 'url', 'name'] as const).filter((form) => words.includes(form));
  return forms.length === 1 ? { form: forms[0]! } : {};
}

/** IAM's wildcards: no name of a resource these integrations call has one, nor has any region or account id. */
const WILDCARD = /[*?]/;

/**
 * What a target with an IAM wildcard in its written text would let the role touch (`every topic in every
 * region of every account`), or undefined when it has none. Such a target names no resource the
 * integration can call, and as the role's resource it matches every resource of the pattern.
 */
export function wildcardScope(value: AwsValue, kind: ResourceKind): string | undefined {
  if (value.kind === 'intrinsic')
    return stringsOf(value.value).some((s) => WILDCARD.test(withoutPlaceholders(s)))
      ? `every ${kind.noun} the pattern matches`
      : undefined;
  // Placeholders stand for values given at deploy time; only the text around them is read.
  const written = (value.kind === 'literal' ? value.value : value.template).replace(/\$\{[^}]*\}/g, '…');
  if (!WILDCARD.test(written)) return undefined;
  if (!written.startsWith('arn:')) return matching(kind.noun, written);
  const [, , , region = '', account = '', ...resource] = written.split(':');
  const name = resource.join(':').split(/[:/]/).pop() ?? '';
  const whole = (what: string, part: string, field: string): string =>
    part === '*'
      ? ` ${what} every ${field}`
      : WILDCARD.test(part)
        ? ` ${what} every ${field} matching \`${part}\``
        : '';
  const what = WILDCARD.test(name) ? matching(kind.noun, name) : `the ${kind.noun} \`${name}\``;
  return `${what}${whole('in', region, 'region')}${whole('of', account, 'account')}`;
}

function matching(noun: string, pattern: string): string {
  return pattern === '*' ? `every ${noun}` : `every ${noun} matching \`${pattern}\``;
}

function withoutPlaceholders(text: string): string {
  return text.replace(/\$\{[^}]*\}/g, '');
}

/** The strings in an intrinsic (`Fn::Join` parts, an `Fn::Sub` template…). */
function stringsOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  return node !== null && typeof node === 'object' ? Object.values(node).flatMap(stringsOf) : [];
}
