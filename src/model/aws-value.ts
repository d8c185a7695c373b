/**
 * Values that point at other AWS resources (DESIGN.md "Values that point at other AWS resources"):
 * a literal, a CloudFormation intrinsic, or a string with `${Name}` placeholders that becomes `Fn::Sub`.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** A CloudFormation intrinsic in long form: one key, `Ref` or `Fn::*`. */
export type Intrinsic = { readonly [fn: string]: Json };

export type AwsValue =
  | { readonly kind: 'literal'; readonly value: string }
  /** A string with `${Name}` / `${Resource.Attr}` / `${AWS::Region}` placeholders. */
  | { readonly kind: 'sub'; readonly template: string }
  | { readonly kind: 'intrinsic'; readonly value: Intrinsic };

/** What a CloudFormation property may hold: a plain string or an intrinsic. */
export type CfnString = string | Intrinsic;

/** `${Name}`, `${Resource.Attr}`, `${AWS::Region}`; not `${!literal}` nor API Gateway's `${stageVariables.x}`. */
const PLACEHOLDER = /\$\{(?!!|stageVariables\.)([^}]+)\}/;

export function isIntrinsic(value: unknown): value is Intrinsic {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  // Asked of every object of large documents: the one key is found without listing the keys.
  let only: string | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (only !== undefined) return false;
    only = key;
  }
  return only !== undefined && (only === 'Ref' || only.startsWith('Fn::') || only === 'Condition');
}

/**
 * CloudFormation's intrinsic functions and condition functions.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
const INTRINSIC_FUNCTIONS = new Set([
  'Ref',
  'Condition',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::FindInMap',
  'Fn::ForEach',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Length',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::ToJsonString',
  'Fn::Transform',
  'Fn::And',
  'Fn::Equals',
  'Fn::If',
  'Fn::Not',
  'Fn::Or',
]);

export const INTRINSIC_HINT =
  'See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html for the functions and their arguments.';

/** What CloudFormation would refuse in an intrinsic or one nested in it: an unknown function, a `Ref`, `GetAtt` or `Sub` of the wrong shape. */
export function intrinsicProblem(value: Json): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (!isIntrinsic(value))
    return Object.values(value)
      .map(intrinsicProblem)
      .find((p) => p !== undefined);
  const obj: Intrinsic = value;
  const [fn, arg] = Object.entries(obj)[0]!;
  if (!INTRINSIC_FUNCTIONS.has(fn)) return `\`${fn}\` is not a CloudFormation intrinsic function.`;
  if (fn === 'Ref' && (typeof arg !== 'string' || arg === ''))
    return '`Ref` needs the logical ID of a resource or parameter.';
  if (
    fn === 'Fn::GetAtt' &&
    !(typeof arg === 'string'
      ? /^[^.]+\..+$/.test(arg)
      : Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && arg[0] !== '')
  ) {
    return '`Fn::GetAtt` needs a logical ID and an attribute, as in `!GetAtt Name.Arn`.';
  }
  if (
    fn === 'Fn::Sub' &&
    !(
      typeof arg === 'string' ||
      (Array.isArray(arg) &&
        arg.length === 2 &&
        typeof arg[0] === 'string' &&
        arg[1] !== null &&
        typeof arg[1] === 'object' &&
        !Array.isArray(arg[1]))
    )
  ) {
    return '`Fn::Sub` takes a string, or a string and a map of variables.';
  }
  const stageVariable =
    fn === 'Fn::Sub' ? /\$\{stageVariables\.[^}]*\}/.exec(String(Array.isArray(arg) ? arg[0] : arg)) : null;
  if (stageVariable)
    return (
      `CloudFormation reads \`${stageVariable[0]}\` in \`Fn::Sub\` as an attribute of a resource ` +
      `\`stageVariables\`; write \`\${!${stageVariable[0].slice(2)}\` to leave it for API Gateway.`
    );
  return intrinsicProblem(arg);
}

/** Classify a user-written value. Returns undefined for anything that is neither a string nor an intrinsic. */
export function toAwsValue(value: unknown): AwsValue | undefined {
  if (typeof value === 'string') {
    // `${!x}` means `${x}` with placeholders beside it (Fn::Sub), so it means the same without them.
    if (!PLACEHOLDER.test(value)) return { kind: 'literal', value: value.replace(/\$\{!/g, '${') };
    return { kind: 'sub', template: value.replace(/\$\{stageVariables\./g, '${!stageVariables.') };
  }
  if (isIntrinsic(value)) return { kind: 'intrinsic', value };
  return undefined;
}

/** Whether a string has a `${Name}` placeholder (not `${!literal}` nor `${stageVariables.x}`). */
export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** A string written in the spec as a CloudFormation string: itself, or a `Ref`/`Fn::Sub` when it has placeholders. */
export function cfnText(text: string): CfnString {
  return cfnValue(toAwsValue(text)!);
}

/** A string with placeholders for people, where no intrinsic can stand (a template's Description): `pets-${Env}` → `pets-<Env>`. */
export function readableText(text: string): string {
  return text.replace(new RegExp(PLACEHOLDER.source, 'g'), '<$1>').replace(/\$\{!/g, '${');
}

/** A string with placeholders, then literal text: one CloudFormation string (`pets-${Env}` + `-gold`). */
export function cfnTextWith(text: string, suffix: string): CfnString {
  return joinSub([toAwsValue(text)!, suffix]);
}

/** A number written in the spec, or a `${Name}` placeholder for one (a `Ref` of a Number parameter). */
export function cfnNumber(value: number | string): number | Intrinsic {
  return typeof value === 'number' ? value : (cfnText(value) as Intrinsic);
}

/** The `${…}` placeholder names of a Sub template, in order of appearance, without duplicates. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(new RegExp(PLACEHOLDER.source, 'g'))) names.add(match[1]!.trim());
  return [...names];
}

/** The text of a literal, a placeholder string or an `Fn::Sub` (string or `[string, variables]`); undefined for any other intrinsic. */
export function templateText(value: AwsValue): string | undefined {
  if (value.kind === 'literal') return value.value;
  if (value.kind === 'sub') return value.template;
  const sub = value.value['Fn::Sub'];
  const text = Array.isArray(sub) ? sub[0] : sub;
  return typeof text === 'string' ? text : undefined;
}

/** Escape a literal so that Fn::Sub leaves it as written. */
export function escapeSub(literal: string): string {
  return literal.replace(/\$\{/g, '${!');
}

/** A string written in the spec, as text inside a Sub template: its placeholders kept, the rest literal. */
export function subTemplate(text: string): string {
  const value = toAwsValue(text)!;
  return value.kind === 'sub' ? value.template : escapeSub(value.kind === 'literal' ? value.value : text);
}

/** Text that is already a Sub template, such as `arn:${AWS::Partition}:…`. */
export function subText(template: string): AwsValue {
  return { kind: 'sub', template };
}

/**
 * Join literal text and values into one CloudFormation string: a plain string when nothing needs
 * substituting, else a single `Fn::Sub`. `Ref`/`Fn::GetAtt` of a logical ID are written inline
 * (`${Fn.Arn}`); other intrinsics become named variables of the Sub.
 */
export function joinSub(parts: readonly (string | AwsValue)[]): CfnString {
  let template = '';
  let needsSub = false;
  const variables: Record<string, Json> = {};
  let counter = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      template += escapeSub(part);
    } else if (part.kind === 'literal') {
      template += escapeSub(part.value);
    } else if (part.kind === 'sub') {
      template += part.template;
      needsSub = true;
    } else {
      needsSub = true;
      const inline = inlineReference(part.value);
      if (inline !== undefined) {
        template += '${' + inline + '}';
      } else {
        counter += 1;
        const name = `Value${counter}`;
        variables[name] = part.value;
        template += '${' + name + '}';
      }
    }
  }
  if (!needsSub) return template.replace(/\$\{!/g, '${');
  return counter === 0 ? { 'Fn::Sub': template } : { 'Fn::Sub': [template, variables] };
}

/** A single value as a CloudFormation string property. */
export function cfnValue(value: AwsValue): CfnString {
  if (value.kind === 'literal') return value.value;
  if (value.kind === 'intrinsic') return value.value;
  // A template that is one whole placeholder reads better as the reference it is.
  const whole = /^\$\{([A-Za-z0-9:]+)(?:\.([A-Za-z0-9.]+))?\}$/.exec(value.template);
  if (whole) return whole[2] === undefined ? { Ref: whole[1]! } : { 'Fn::GetAtt': [whole[1]!, whole[2]] };
  return { 'Fn::Sub': value.template };
}

/** `Ref X` → `X`, `Fn::GetAtt [X, Attr]` → `X.Attr`: the forms Fn::Sub can name inline. */
function inlineReference(value: Intrinsic): string | undefined {
  const ref = value['Ref'];
  if (typeof ref === 'string') return ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt.length === 2 && getAtt.every((p) => typeof p === 'string')) {
    return `${getAtt[0]}.${getAtt[1]}`;
  }
  if (typeof getAtt === 'string') return getAtt;
  return undefined;
}

/** Logical IDs a value refers to (`Ref`, `Fn::GetAtt`, `${X}`/`${X.Attr}` in Subs), pseudo parameters left out. */
export function referencedNames(value: Json): string[] {
  const names = new Set<string>();
  const visit = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as { readonly [key: string]: Json };
    for (const [key, inner] of Object.entries(obj)) {
      if (key === 'Ref' && typeof inner === 'string') names.add(inner);
      else if (key === 'Fn::GetAtt') {
        if (Array.isArray(inner) && typeof inner[0] === 'string') names.add(inner[0]);
        else if (typeof inner === 'string') names.add(inner.split('.')[0]!);
      } else if (key === 'Fn::Sub') {
        const [template, vars] = Array.isArray(inner) ? [inner[0], inner[1]] : [inner, undefined];
        const local = vars && typeof vars === 'object' && !Array.isArray(vars) ? Object.keys(vars) : [];
        if (typeof template === 'string') {
          for (const name of placeholderNames(template)) {
            const head = name.split('.')[0]!;
            if (!local.includes(head)) names.add(head);
          }
        }
        if (vars) visit(vars);
        continue;
      }
      visit(inner);
    }
  };
  visit(value);
  return [...names].filter((n) => !n.startsWith('AWS::'));
}

/**
 * What to do about a `Ref`/`GetAtt`/`${X}` that names nothing the template defines. With `--into` the
 * base template is the place to look; without it, passing one is the way. Only `x-gateway` values turn
 * a `${Name}` placeholder into a template parameter.
 */
export function unknownReferenceHint(into: string | undefined, placeholders: boolean): string {
  const first =
    into !== undefined
      ? `${into} does not define it: add it there`
      : 'Pass the template that defines it with `--into base.yaml`';
  return `${first}, or ${placeholders ? 'write a `${Name}` placeholder to take the value as a template parameter' : 'correct the name'}.`;
}
