/**
 * The text a value will have once CloudFormation (or a template tool) has filled it in, as far as it can
 * be read offline: a string as written, an `Fn::Sub` template, an `Fn::Join` of such parts. Parts that
 * only deploy time knows (`!GetAtt F.Arn` inside a join, `!Ref X`) read as `${?}`, so rules can check the
 * literal parts around them instead of skipping the value.
 */
import { isBlock } from '../../model/context.js';

export const UNKNOWN_PART = '${?}';

export function templateTextOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isBlock(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const arg = value[keys[0]!];
  if (keys[0] === 'Fn::Sub') {
    const text = Array.isArray(arg) ? arg[0] : arg;
    return typeof text === 'string' ? text : undefined;
  }
  if (keys[0] === 'Fn::Join' && Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1]))
    return (arg[1] as unknown[]).map((part) => templateTextOf(part) ?? UNKNOWN_PART).join(arg[0]);
  return undefined;
}

/** `!GetAtt Name.Attr` (either form) as `[Name, Attr]`. */
export function getAttOf(value: unknown): readonly [string, string] | undefined {
  if (!isBlock(value) || Object.keys(value).length !== 1) return undefined;
  const arg = value['Fn::GetAtt'];
  if (typeof arg === 'string' && arg.includes('.'))
    return [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)];
  if (Array.isArray(arg) && typeof arg[0] === 'string' && typeof arg[1] === 'string') return [arg[0], arg[1]];
  return undefined;
}

/** Whether a value is filled in at deploy time, in whole or in part (an intrinsic or a `${…}` placeholder). */
export function isTemplated(value: unknown): boolean {
  return (
    (typeof value === 'string' && /\$\{[^}]+\}/.test(value)) || (isBlock(value) && Object.keys(value).length === 1)
  );
}

/** The text with every `${…}` placeholder as one character without colons, so ARN fields can be split on `:`. */
export function withoutPlaceholders(text: string): string {
  return text.replace(/\$\{[^}]*\}/g, '\u0001');
}

/** The service an API Gateway service URI calls (`arn:…:apigateway:<region>:[<subdomain>.]<service>:action|path/…`). */
export function serviceOf(uri: string): string | undefined {
  return /:apigateway:[^:]*:(?:[a-z0-9-]+\.)?([a-z0-9-]+):(?:path|action)\//.exec(withoutPlaceholders(uri))?.[1];
}
