/**
 * CloudFormation's limits on names and descriptions: resource, output and parameter names of at most 255
 * characters, a template description of at most 1,024 bytes
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html), an
 * output's description of at most 1,024 (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Output.html).
 *
 * Generated names grow with names the user writes for other reasons (a path, a topic's name, the API's
 * title), so an over-long one is cut, not refused: to 247 characters and 8 hex digits of a SHA-256 of the
 * whole name, which is deterministic and keeps different names apart. Every reference to it is rewritten.
 */
import { createHash } from 'node:crypto';
import type { Json } from '../model/aws-value.js';
import type { CfnOutput, CfnResource } from '../model/cfn.js';

export const MAX_NAME = 255;
export const MAX_DESCRIPTION_BYTES = 1024;
const HASH_LENGTH = 8;

/** `id` itself when it fits, else its first 247 characters and 8 hex digits of its SHA-256. */
export function fittedName(id: string): string {
  if (id.length <= MAX_NAME) return id;
  return id.slice(0, MAX_NAME - HASH_LENGTH) + createHash('sha256').update(id).digest('hex').slice(0, HASH_LENGTH);
}

/** `text` cut (at a character, ending with `…`) to fit in `bytes` bytes of UTF-8. */
export function fittedDescription(text: string, bytes = MAX_DESCRIPTION_BYTES): string {
  if (Buffer.byteLength(text, 'utf8') <= bytes) return text;
  let kept = '';
  for (const char of text) {
    if (Buffer.byteLength(kept + char + '…', 'utf8') > bytes) break;
    kept += char;
  }
  return `${kept}…`;
}

/** Resources and outputs under names that fit, every reference to a renamed resource rewritten, and output descriptions that fit. */
export function fitNames(
  resources: Readonly<Record<string, CfnResource>>,
  outputs: Readonly<Record<string, CfnOutput>>,
): { resources: Record<string, CfnResource>; outputs: Record<string, CfnOutput> } {
  const renamed = new Map(
    Object.keys(resources)
      .filter((id) => fittedName(id) !== id)
      .map((id) => [id, fittedName(id)]),
  );
  const rewrite = <T>(value: T): T => (renamed.size === 0 ? value : (rewriteReferences(value as Json, renamed) as T));
  return {
    resources: Object.fromEntries(
      Object.entries(resources).map(([id, resource]) => [renamed.get(id) ?? id, rewrite(resource)]),
    ),
    outputs: Object.fromEntries(
      Object.entries(outputs).map(([id, output]) => [
        fittedName(id),
        {
          ...rewrite(output),
          ...(output.Description !== undefined && { Description: fittedDescription(output.Description) }),
        },
      ]),
    ),
  };
}

/** `Ref`, `Fn::GetAtt`, `${X}`/`${X.Attr}` in `Fn::Sub`, and `DependsOn` naming a renamed resource, renamed. */
function rewriteReferences(node: Json, renamed: ReadonlyMap<string, string>): Json {
  const name = (id: string): string => renamed.get(id) ?? id;
  if (Array.isArray(node)) return node.map((item) => rewriteReferences(item, renamed));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]): [string, Json] => {
      if (key === 'Ref' && typeof value === 'string') return [key, name(value)];
      if (key === 'DependsOn')
        return [
          key,
          typeof value === 'string'
            ? name(value)
            : Array.isArray(value)
              ? value.map((v) => (typeof v === 'string' ? name(v) : v))
              : value,
        ];
      if (key === 'Fn::GetAtt') {
        if (typeof value === 'string') return [key, value.replace(/^[^.]+/, name)];
        if (Array.isArray(value) && typeof value[0] === 'string') return [key, [name(value[0]), ...value.slice(1)]];
      }
      if (key === 'Fn::Sub') {
        const sub = (template: Json): Json =>
          typeof template === 'string'
            ? template.replace(
                /\$\{([A-Za-z0-9]+)((?:\.[A-Za-z0-9.]+)?)\}/g,
                (_m, id: string, attribute: string) => `\${${name(id)}${attribute}}`,
              )
            : template;
        if (Array.isArray(value))
          return [key, [sub(value[0] ?? ''), ...value.slice(1).map((v) => rewriteReferences(v, renamed))]];
        return [key, sub(value)];
      }
      return [key, rewriteReferences(value, renamed)];
    }),
  );
}
