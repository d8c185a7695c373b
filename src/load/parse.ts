/**
 * Read YAML or JSON text into plain values, with CloudFormation short-form tags (`!Ref`, `!GetAtt`,
 * `!Sub`, …) loaded as their long forms (DESIGN.md "Loading").
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
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

export interface ParseResult {
  /** The file, with its value only when it parsed without error. */
  readonly file: SourceFile;
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export function parseSource(path: string, text: string): ParseResult {
  if (/\.json$/i.test(path)) {
    try {
      return { file: new SourceFile(path, text, JSON.parse(text)), ok: true, diagnostics: [] };
    } catch {
      // Fall through: the YAML parser reports the syntax error with its position.
    }
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const error of document.errors) {
    const pos = lines.linePos(error.pos[0]);
    diagnostics.push({
      code: 'syntax-error',
      severity: 'error',
      message: firstLine(error.message),
      location: { file: path, pointer: '', position: { line: pos.line, column: pos.col } },
      hint: 'Fix the syntax at this position; YAML and JSON are both accepted.',
    });
  }
  if (diagnostics.length > 0) return { file: new SourceFile(path, text, undefined, { document, lines }), ok: false, diagnostics };
  return { file: new SourceFile(path, text, toValue(document, document.contents), { document, lines }), ok: true, diagnostics };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Convert a syntax-tree node to a plain value, turning CloudFormation tags into long-form objects. */
function toValue(document: Document, node: unknown): unknown {
  if (isAlias(node)) return toValue(document, node.resolve(document));
  let value: unknown;
  if (isScalar(node)) {
    value = node.value;
  } else if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(toValue(document, pair.key));
      out[key] = toValue(document, pair.value);
    }
    value = out;
  } else if (isSeq(node)) {
    value = node.items.map((item) => toValue(document, item));
  } else {
    return null;
  }
  const tag = (node as { tag?: string }).tag;
  const fn = tag ? CFN_TAGS[tag] : undefined;
  if (fn === undefined) return value;
  // `!GetAtt Resource.Attr` is the short form of `Fn::GetAtt: [Resource, Attr]`.
  if (fn === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [fn]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [fn]: value };
}
