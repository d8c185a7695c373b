/**
 * One rule for every string of x-gateway: a `${Name}` placeholder is substituted, or refused at its place.
 * The builders read each key that takes placeholders through `ModelContext.value` (which makes `Name` a
 * template parameter and the string a `Ref` or `Fn::Sub`); any other string that still holds one would
 * reach the template as written, where CloudFormation replaces nothing outside `Fn::Sub`.
 *
 * Names (the keys of maps), an integration's request values and templates, mock bodies and gateway
 * responses are text API Gateway reads as written (in Velocity, `${x}` is a variable): there only a
 * `${Name}` that names a template parameter, an `AWS::` pseudo parameter or a resource of the `--into`
 * template is refused, as the substitution it looks like.
 */
import { childPointer, splitPointer } from '../diagnostics/diagnostic.js';
import { placeholderNames } from './aws-value.js';
import type { ModelContext, Placed } from './context.js';
import type { NumberSetting } from './ir.js';

/**
 * A number the schema lets be a `${Name}` placeholder: the placeholder becomes a template parameter of type
 * Number with the bounds the literal is held to, so CloudFormation checks at deploy what gateform would.
 */
export function numberSetting(
  ctx: ModelContext,
  raw: unknown,
  pointer: string,
  usage: string,
  bounds: { readonly min?: number; readonly max?: number } = {},
): NumberSetting {
  if (typeof raw === 'number') return raw;
  ctx.value(raw, pointer, usage, {
    type: 'Number',
    ...(bounds.min !== undefined && { minValue: bounds.min }),
    ...(bounds.max !== undefined && { maxValue: bounds.max }),
  });
  return String(raw);
}

/**
 * Text API Gateway reads as written: an integration's request values (`'literal'` text among them), object
 * keys, mapping templates and mock body, and gateway responses' headers and bodies.
 */
const VELOCITY = /\/integration\/.|^\/x-gateway\/gatewayResponses\/[^/]+\/(?:body|headers)(?:\/|$)/;

export interface PlaceholderScope {
  /** Pointers of the strings whose placeholders were substituted. */
  readonly substituted: ReadonlySet<string>;
  /** Pointers of errors already reported: one error per place (and what it holds) is enough. */
  readonly reported: ReadonlySet<string>;
  /** Whether a placeholder name is something the template defines (a parameter, a pseudo parameter, a `--into` name). */
  defines(name: string): boolean;
}

export function checkPlaceholders(ctx: ModelContext, blocks: readonly Placed[], scope: PlaceholderScope): void {
  // Inside a value already read (an intrinsic too), or a place with an error (left unread), there is nothing more to say.
  const reported = [...scope.reported];
  const visit = (node: unknown, pointer: string): void => {
    if (scope.substituted.has(pointer) || reported.some((at) => pointer === at || pointer.startsWith(`${at}/`))) return;
    if (typeof node === 'string') {
      const velocity = VELOCITY.test(pointer);
      const names = placeholderNames(node).filter((name) => !velocity || scope.defines(name.split('.')[0]!));
      if (names.length > 0) refuse(ctx, names[0]!, pointer, velocity);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        visit(item, childPointer(pointer, i));
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const at = childPointer(pointer, key);
      const named = placeholderNames(key).find((name) => scope.defines(name.split('.')[0]!));
      if (named !== undefined && !scope.reported.has(at)) {
        ctx.report(
          'placeholder-not-substituted',
          'error',
          `\`\${${named}}\` names a value of the template, but \`${key}\` is a name, and names are written as they are.`,
          at,
          'Write the name itself; placeholders are taken by values, in the keys whose schema description says so.',
        );
      }
      visit(value, at);
    }
  };
  for (const block of blocks) visit(block.block, block.pointer);
}

function refuse(ctx: ModelContext, name: string, pointer: string, velocity: boolean): void {
  const tokens = splitPointer(pointer);
  const key = tokens
    .slice(tokens.lastIndexOf('x-gateway') + 1)
    .filter((t) => !/^\d+$/.test(t))
    .join('.');
  if (velocity) {
    ctx.report(
      'placeholder-not-substituted',
      'error',
      `\`\${${name}}\` names a value of the template, but \`${key}\` is passed to API Gateway as written, ` +
        `where \`\${…}\` is literal text or a Velocity variable.`,
      ctx.origin(pointer, 'value'),
      `Pass the value in a stage variable (\`stage.variables: { value: "\${${name}}" }\`) and read ` +
        `\`$stageVariables.value\`; for a Velocity variable, use another name.`,
    );
    return;
  }
  ctx.report(
    'placeholder-not-substituted',
    'error',
    `\`\${${name}}\` is not substituted in \`${key}\`: it would reach the template as written, and CloudFormation replaces \`\${…}\` only inside \`Fn::Sub\`.`,
    ctx.origin(pointer, 'value'),
    'Write the value itself here; the keys that take `${Name}` placeholders say so in their schema description.',
  );
}
