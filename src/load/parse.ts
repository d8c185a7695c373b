/**
 * Read YAML or JSON text into plain values, with CloudFormation short-form tags (`!Ref`, `!GetAtt`,
 * `!Sub`, …) loaded as their long forms (DESIGN.md "Loading").
 *
 * Values come from js-yaml (YAML 1.2 core schema), which reads a large spec several times faster than the
 * `yaml` package; the `yaml` syntax tree, which has the positions, is built only when a diagnostic is
 * printed (SourceFile.positionOf).
 */
import jsyaml from 'js-yaml';
import { childPointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firstDuplicateKey } from './json-scan.js';
import { LIMITS } from './read-policy.js';
import { SourceFile } from './source-file.js';

/** Short tag → long-form function name. */
const CFN_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!ImportValue': 'Fn::ImportValue',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAZs': 'Fn::GetAZs',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

/** YAML 1.2 core, CloudFormation's short tags, and merge keys (`<<: *defaults`), which specs use to share blocks. */
const SCHEMA = jsyaml.CORE_SCHEMA.extend({
  // js-yaml merges a mapping whose key resolves to this tag (as its own YAML 1.1 schema does).
  implicit: [new jsyaml.Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: unknown) => data === '<<' })],
  explicit: Object.entries(CFN_TAGS).flatMap(([tag, fn]) =>
    (['scalar', 'sequence', 'mapping'] as const).map(
      (kind) =>
        new jsyaml.Type(tag, {
          kind,
          construct: (data: unknown) => {
            // `!GetAtt Resource.Attr` is the short form of `Fn::GetAtt: [Resource, Attr]`.
            if (fn === 'Fn::GetAtt' && typeof data === 'string') {
              const dot = data.indexOf('.');
              return { [fn]: dot < 0 ? [data] : [data.slice(0, dot), data.slice(dot + 1)] };
            }
            return { [fn]: data ?? (kind === 'scalar' ? '' : null) };
          },
        }),
    ),
  ),
});

export interface ParseResult {
  /** The file, with its value only when it parsed without error. */
  readonly file: SourceFile;
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Documents nested deeper than this are refused: the walks after loading (OpenAPI validation, the model,
 * the emitters) recurse, and no real spec comes near it.
 */
const MAX_DEPTH = LIMITS.depth;

export function parseSource(path: string, text: string): ParseResult {
  if (/\.json$/i.test(path)) {
    try {
      const value: unknown = JSON.parse(text);
      const duplicate = firstDuplicateKey(text);
      return duplicate ? duplicateKey(path, text, duplicate) : checked(path, text, value, false, false);
    } catch {
      // Fall through: the YAML reader reports the syntax error with its position.
    }
  }
  try {
    // js-yaml counts the document itself as a level.
    return checked(
      path,
      text,
      jsyaml.load(text, { schema: SCHEMA, filename: path, maxDepth: MAX_DEPTH + 1 } as jsyaml.LoadOptions),
      text.includes('&'),
    );
  } catch (error) {
    if (error instanceof RangeError) return tooDeep(path, text);
    if (!(error instanceof jsyaml.YAMLException)) throw error;
    if (error.reason?.startsWith('nesting exceeded maxDepth'))
      return tooDeep(path, text, { line: error.mark.line + 1, column: error.mark.column + 1 });
    const diagnostic: Diagnostic = {
      code: 'syntax-error',
      severity: 'error',
      message: error.reason ? error.reason[0]!.toUpperCase() + error.reason.slice(1) : 'Invalid YAML or JSON',
      location: { file: path, pointer: '', position: { line: error.mark.line + 1, column: error.mark.column + 1 } },
      hint: 'Fix the syntax at this position; YAML and JSON are both accepted.',
    };
    return { file: new SourceFile(path, text, undefined), ok: false, diagnostics: [diagnostic] };
  }
}

function duplicateKey(path: string, text: string, { offset, key }: { offset: number; key: string }): ParseResult {
  const before = text.slice(0, offset);
  const diagnostic: Diagnostic = {
    code: 'syntax-error',
    severity: 'error',
    message: `Duplicated mapping key \`${key}\`: JSON readers keep one of the two values and drop the other without a word.`,
    location: {
      file: path,
      pointer: '',
      position: { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') },
    },
    hint: 'Remove one of the two, or merge them.',
  };
  return { file: new SourceFile(path, text, undefined), ok: false, diagnostics: [diagnostic] };
}

/**
 * `anchored`: the text may hold YAML anchors, so the value may be a graph (JSON never is). `yaml`: the text
 * was read as YAML, where a key may be written as a mapping (JSON.parse never makes one).
 */
function checked(path: string, text: string, value: unknown, anchored: boolean, yaml = true): ParseResult {
  // One walk finds both the depth and a key written as a mapping; the pointer of that key is only looked
  // for once one is known to be there.
  const keys = yaml && !text.includes('[object Object]');
  const shape = anchored ? undefined : treeShape(value, keys);
  const complexKey = keys && (shape?.complexKey ?? true) ? complexKeyPointer(value) : undefined;
  if (complexKey !== undefined) {
    const diagnostic: Diagnostic = {
      code: 'syntax-error',
      severity: 'error',
      message: 'A mapping key here is itself a mapping; keys of an OpenAPI document are text.',
      location: { file: path, pointer: complexKey },
      hint: 'Quote the key, or move the mapping to the value.',
    };
    return { file: new SourceFile(path, text, undefined), ok: false, diagnostics: [diagnostic] };
  }
  // Without an anchor, the value is a tree; with one, a graph whose aliases are measured as the copies
  // `unshare` would make, before it makes them.
  if (shape)
    return shape.depth > MAX_DEPTH
      ? tooDeep(path, text)
      : { file: new SourceFile(path, text, value), ok: true, diagnostics: [] };
  const expanded = expandedShape(value);
  if (expanded === 'cycle')
    return aliasLimit(path, text, 'A YAML alias stands inside its own anchor, so the document would be infinite.');
  if (expanded.added > LIMITS.aliasNodes)
    return aliasLimit(
      path,
      text,
      `YAML aliases expand the document by ` +
        `${expanded.added > 1e9 ? 'billions of' : expanded.added.toLocaleString('en-US')} nodes; at most ` +
        `${LIMITS.aliasNodes.toLocaleString('en-US')} are read.`,
    );
  if (expanded.depth > MAX_DEPTH) return tooDeep(path, text);
  return { file: new SourceFile(path, text, unshare(value, new Set())), ok: true, diagnostics: [] };
}

/**
 * The pointer of the mapping that has a key written as a mapping (`? {a: 1}` or `{a: 1}: x`), which the
 * YAML reader turns into the text `[object Object]`; undefined when there is none.
 */
function complexKeyPointer(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (!Array.isArray(node) && Object.hasOwn(node, '[object Object]')) return pointer;
    for (const [key, child] of Object.entries(node))
      if (child !== null && typeof child === 'object') stack.push([child, childPointer(pointer, key)]);
  }
  return undefined;
}

/**
 * Depth and the nodes aliases add, with every alias expanded, computed on the graph (each node once, so a
 * "billion laughs" is measured, not expanded); `cycle` for an alias inside its own anchor.
 */
function expandedShape(value: unknown): { depth: number; added: number } | 'cycle' {
  const done = new Map<object, { depth: number; nodes: number }>();
  const open = new Set<object>();
  const stack: [object, boolean][] = value !== null && typeof value === 'object' ? [[value, false]] : [];
  while (stack.length > 0) {
    const [node, leaving] = stack.pop()!;
    const children = Object.values(node).filter(
      (child): child is object => child !== null && typeof child === 'object',
    );
    if (leaving) {
      open.delete(node);
      let [depth, nodes] = [0, 1];
      for (const child of children) {
        const shape = done.get(child)!;
        depth = Math.max(depth, shape.depth);
        nodes += shape.nodes;
      }
      done.set(node, { depth: depth + 1, nodes });
    } else if (open.has(node)) {
      return 'cycle';
    } else if (!done.has(node)) {
      open.add(node);
      stack.push([node, true]);
      for (const child of children) stack.push([child, false]);
    }
  }
  const top = value !== null && typeof value === 'object' ? done.get(value)! : { depth: 0, nodes: 0 };
  return { depth: top.depth, added: top.nodes - done.size };
}

/** The diagnostic for aliases past the limit, at the first alias. */
function aliasLimit(path: string, text: string, message: string): ParseResult {
  const alias = /(?:^|[\s[{,])(\*)[^\s,[\]{}]/m.exec(text);
  const offset = alias ? alias.index + alias[0].indexOf('*') : 0;
  const before = text.slice(0, offset);
  const diagnostic: Diagnostic = {
    code: 'yaml-alias-limit',
    severity: 'error',
    message,
    location: {
      file: path,
      pointer: '',
      position: { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') },
    },
    hint: 'Write the repeated parts out, or share them with $refs.',
  };
  return { file: new SourceFile(path, text, undefined), ok: false, diagnostics: [diagnostic] };
}

/**
 * How deeply arrays and objects nest in the tree `value` (found without recursion; counting stops past
 * MAX_DEPTH), and, with `keys`, whether some mapping has a key written as a mapping.
 */
function treeShape(value: unknown, keys: boolean): { depth: number; complexKey: boolean } {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0 && deepest <= MAX_DEPTH) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (keys && !Array.isArray(node) && Object.hasOwn(node, '[object Object]'))
      return { depth: deepest, complexKey: true };
    for (const child of Object.values(node))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return { depth: deepest, complexKey: false };
}

/**
 * The diagnostic for a document nested too deeply: at `position` where the parser stopped, else at the
 * first bracket past the limit when there is one.
 */
function tooDeep(path: string, text: string, position = bracketPastLimit(text)): ParseResult {
  const diagnostic: Diagnostic = {
    code: 'nesting-too-deep',
    severity: 'error',
    message: `The document nests arrays and objects more than ${MAX_DEPTH} levels deep.`,
    location: { file: path, pointer: '', position },
    hint: 'No OpenAPI document needs this depth; the file is probably generated wrongly.',
  };
  return { file: new SourceFile(path, text, undefined), ok: false, diagnostics: [diagnostic] };
}

/** Line and column of the first `[` or `{` (outside quotes) that opens level MAX_DEPTH + 1; else 1:1. */
function bracketPastLimit(text: string): { line: number; column: number } {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\n') {
      line += 1;
      lineStart = i + 1;
    } else if (quote) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > MAX_DEPTH) return { line, column: i - lineStart + 1 };
    } else if (c === ']' || c === '}') depth -= 1;
  }
  return { line: 1, column: 1 };
}

/**
 * js-yaml makes every alias the same object as its anchor. The compiler patches operations in place, so
 * each use of an anchor gets its own copy.
 */
function unshare(node: unknown, seen: Set<object>): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (seen.has(node)) return structuredClone(node);
  seen.add(node);
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      node[index] = unshare(item, seen);
    });
  } else {
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = unshare(record[key], seen);
  }
  return node;
}
