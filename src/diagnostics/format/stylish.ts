/** The default human format: each problem with its place, code and hint, and a code frame. */
import type { ResolvedDiagnostic } from '../diagnostic.js';
import { escapeControls } from './escape.js';

export interface StylishOptions {
  /** Text of a line of a file (1-based), for the code frame. */
  readonly lineOf?: (file: string, line: number) => string | undefined;
  readonly color?: boolean;
}

const LABEL = { error: 'error', warning: 'warning', info: 'info' } as const;
const COLOR = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[36m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  reset: '\u001b[0m',
} as const;

export function formatStylish(diagnostics: readonly ResolvedDiagnostic[], options: StylishOptions = {}): string {
  if (diagnostics.length === 0) return '';
  const paint = (style: keyof typeof COLOR, text: string): string =>
    options.color ? COLOR[style] + text + COLOR.reset : text;
  const out: string[] = [];
  for (const d of diagnostics) {
    const file = d.file === undefined ? undefined : escapeControls(d.file);
    const place = file === undefined ? '' : d.line === undefined ? `${file}: ` : `${file}:${d.line}:${d.column ?? 1}: `;
    out.push(
      `${place}${paint(d.severity, LABEL[d.severity])} ${paint('bold', escapeControls(d.message))} ${paint('dim', `[${d.code}]`)}`,
    );
    if (d.file !== undefined && d.line !== undefined)
      out.push(...codeFrame(d.file, d.line, d.column ?? 1, d.endLine === d.line ? d.endColumn : undefined, options));
    if (d.hint) out.push(`  hint: ${escapeControls(d.hint)}`);
    for (const r of d.relatedResolved ?? []) {
      out.push(
        `  ${escapeControls(r.file)}${r.line === undefined ? '' : `:${r.line}:${r.column ?? 1}`}: ${escapeControls(r.message)}`,
      );
    }
    out.push('');
  }
  const count = (s: ResolvedDiagnostic['severity']): number => diagnostics.filter((d) => d.severity === s).length;
  const parts = [
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    plural(count('info'), 'info'),
  ].filter(Boolean);
  out.push(parts.join(', '));
  return out.join('\n') + '\n';
}

/** Lines of the code frame longer than this are cropped around the column (minified JSON is one line). */
const MAX_WIDTH = 120;

function codeFrame(
  file: string,
  line: number,
  column: number,
  endColumn: number | undefined,
  options: StylishOptions,
): string[] {
  const lineOf = options.lineOf;
  if (!lineOf) return [];
  const text = lineOf(file, line);
  if (text === undefined) return [];
  const start =
    text.length <= MAX_WIDTH ? 0 : Math.max(0, Math.min(column - 1 - MAX_WIDTH / 4, text.length - MAX_WIDTH));
  const crop = (full: string): string => {
    if (full.length <= MAX_WIDTH && start === 0) return escapeControls(full);
    const shown = escapeControls(full.slice(start, start + MAX_WIDTH));
    return (start > 0 ? '…' : '') + shown + (start + MAX_WIDTH < full.length ? '…' : '');
  };
  const frame: string[] = [];
  const width = String(line + 1).length;
  const gutter = (n: number | string): string => String(n).padStart(width);
  const before = lineOf(file, line - 1);
  if (line > 1 && before !== undefined) frame.push(`  ${gutter(line - 1)} | ${crop(before)}`);
  frame.push(`> ${gutter(line)} | ${crop(text)}`);
  // Escapes widen what stands before the column.
  const caret = escapeControls(text.slice(start, Math.max(start, column - 1))).length + (start > 0 ? 1 : 0);
  const visible = Math.min(text.length, start + MAX_WIDTH) - (column - 1);
  const length = Math.max(1, (endColumn ?? column + 1) - column);
  frame.push(
    `  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, caret))}${'^'.repeat(Math.min(length, Math.max(1, visible)))}`,
  );
  return frame;
}

function plural(n: number, word: string): string {
  if (n === 0) return '';
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}
