/**
 * A small reader of API Gateway mapping templates (Velocity): the references, the variables `#set`
 * and bound by `#foreach`, and the loops around each reference. Enough for lint rules, not an evaluator.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock } from '../../model/context.js';
import type { IntegrationNode } from './integration.js';
import { templateTextOf } from './template-text.js';

export interface VtlReference {
  readonly name: string;
  /** `${name}`: in an Fn::Sub or Terraform template, a placeholder rather than Velocity. */
  readonly braced: boolean;
  readonly index: number;
  /** Loop variables of the enclosing `#foreach`es; empty outside any loop. */
  readonly loops: readonly string[];
  readonly inLoop: boolean;
}

export interface VtlTemplate {
  readonly text: string;
  readonly references: readonly VtlReference[];
  /** Names given a value by `#set($name = …)`, with the text of the value. */
  readonly sets: ReadonlyMap<string, string>;
  /** Names bound by a `#foreach($name in …)`. */
  readonly loopVariables: ReadonlySet<string>;
}

/** The variables API Gateway gives every template. */
export const VTL_ROOTS: ReadonlySet<string> = new Set(['input', 'util', 'context', 'stageVariables']);

/** Comments, escaped `$`, `#foreach($x …`/`#set($x = …)` with their variable, other block directives, references. */
const TOKEN = new RegExp(
  [
    String.raw`#\*[\s\S]*?\*#|##[^\n]*|\\\$`,
    String.raw`#\{?(foreach|set)\}?\s*\(\s*\$!?\{?([A-Za-z][\w-]*)\}?(?:\s*=\s*([^\n)]*))?`,
    String.raw`#\{?(if|elseif|else|end|macro|define)\b\}?`,
    String.raw`\$!?(\{)?([A-Za-z][\w-]*)`,
  ].join('|'),
  'g',
);

export function readVtl(text: string): VtlTemplate {
  const references: VtlReference[] = [];
  const sets = new Map<string, string>();
  const loopVariables = new Set<string>();
  const blocks: (string | undefined)[] = []; // the loop variable of each open #foreach, undefined for #if and others
  for (const match of text.matchAll(TOKEN)) {
    const [, binding, target, value, directive, brace, name] = match;
    if (binding === 'foreach') {
      blocks.push(target!);
      loopVariables.add(target!);
    } else if (binding === 'set') {
      if (!sets.has(target!)) sets.set(target!, value ?? '');
    } else if (directive === 'if' || directive === 'macro' || directive === 'define') blocks.push(undefined);
    else if (directive === 'end') blocks.pop();
    else if (name !== undefined) {
      const loops = blocks.filter((b): b is string => b !== undefined);
      references.push({ name, braced: brace !== undefined, index: match.index, loops, inLoop: loops.length > 0 });
    }
  }
  return { text, references, sets, loopVariables };
}

export interface RequestTemplate {
  readonly contentType: string;
  readonly text: string;
  readonly pointer: string;
}

/** An integration's request templates whose text can be read (a string, or the template of an Fn::Sub). */
export function requestTemplatesOf(integration: IntegrationNode): RequestTemplate[] {
  const pointer = childPointer(integration.pointer, 'requestTemplates');
  return Object.entries(asBlock(integration.value['requestTemplates'])).flatMap(([contentType, value]) => {
    const text = templateTextOf(value);
    return text === undefined ? [] : [{ contentType, text, pointer: childPointer(pointer, contentType) }];
  });
}

/** Every template of an integration: request templates, then each response's. */
export function allTemplatesOf(integration: IntegrationNode): RequestTemplate[] {
  const templates = requestTemplatesOf(integration);
  for (const [selection, response] of Object.entries(asBlock(integration.value['responses']))) {
    const pointer = childPointer(integration.pointer, 'responses', selection, 'responseTemplates');
    for (const [contentType, value] of Object.entries(asBlock(asBlock(response)['responseTemplates']))) {
      const text = templateTextOf(value);
      if (text !== undefined) templates.push({ contentType, text, pointer: childPointer(pointer, contentType) });
    }
  }
  return templates;
}

/** `$input.body`, `$input.path('…')`, `$input.params('…')`, `$input.params().path.id`, `….querystring.get('q')`. */
const INPUT = new RegExp(
  String.raw`^\$!?input\.(body\b|path\(\s*(['"])[^'"]*\2\s*\)|` +
    String.raw`params\((\s*(['"])[^'"]*\4\s*)?\)(\.(path|querystring|header)(\.[\w-]+|\.get\(\s*(['"])[^'"]*\8\s*\)))?)`,
);

/**
 * Request data a caller controls, as the template reads it: `$input.body`, `$input.path('…')`,
 * `$input.params(…)` (also `$input.params().path.id`), or a variable `#set` from one of them.
 * Returns each expression with its start and end in the text.
 */
export function callerInput(template: VtlTemplate): { expression: string; start: number; end: number }[] {
  const tainted = new Set(
    [...template.sets].filter(([, value]) => /^\$!?\{?input\.(path|params|body)\b/.test(value.trim())).map(([n]) => n),
  );
  const found: { expression: string; start: number; end: number }[] = [];
  for (const reference of template.references) {
    if (reference.braced) continue;
    const rest = template.text.slice(reference.index);
    const match =
      reference.name === 'input'
        ? INPUT.exec(rest)
        : tainted.has(reference.name)
          ? /^\$!?[\w-]+(\.[A-Za-z_][\w-]*)+/.exec(rest)
          : null;
    if (match) found.push({ expression: match[0], start: reference.index, end: reference.index + match[0].length });
  }
  return found;
}

/** Whether the text just before `start` opens a call of one of `functions` around the expression there. */
export function wrappedIn(text: string, start: number, functions: readonly string[]): boolean {
  const before = text.slice(Math.max(0, start - 40), start).replace(/\s+$/, '');
  return functions.some((f) => before.endsWith(`${f}(`));
}
