/**
 * Read YAML or JSON text into plain values, with CloudFormation short-form tags (`!Ref`, `!GetAtt`,
 * `!Sub`, …) loaded as their long forms (DESIGN.md "Loading").
 *
 * Values come from js-yaml (YAML 1.2 core schema), which reads a large spec several times faster than the
 * `yaml` package; the `yaml` syntax tree, which has the positions, is built only when a diagnostic is
 * printed (SourceFile.positionOf).
 */
import jsyaml from 'js-yaml';
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

const SCHEMA = jsyaml.CORE_SCHEMA.extend(
  Object.entries(CFN_TAGS).flatMap(([tag, fn]) =>
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
);

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
      // Fall through: the YAML reader reports the syntax error with its position.
    }
  }
  try {
    const value: unknown = jsyaml.load(text, { schema: SCHEMA, filename: path });
    return { file: new SourceFile(path, text, text.includes('&') ? unshare(value, new Set()) : value), ok: true, diagnostics: [] };
  } catch (error) {
    if (!(error instanceof jsyaml.YAMLException)) throw error;
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
