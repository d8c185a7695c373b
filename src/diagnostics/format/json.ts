/**
 * The `json` format: an array of problems, each `{ file, line, column, endLine, endColumn, severity,
 * code, messageId, message, hint, pointer, suppression, related }` (absent fields left out), pretty-printed.
 * A finding with `suppression: { kind, reason }` was accepted (an `ignore` entry of the config, or the
 * baseline) and counts for nothing.
 */
import { escapeJsonControls } from './escape.js';
import type { ResolvedDiagnostic } from '../diagnostic.js';

export function formatJson(diagnostics: readonly ResolvedDiagnostic[]): string {
  const problems = diagnostics.map((d) => ({
    ...(d.file !== undefined && { file: d.file }),
    ...(d.line !== undefined && { line: d.line, column: d.column ?? 1 }),
    ...(d.endLine !== undefined && { endLine: d.endLine, endColumn: d.endColumn }),
    severity: d.severity,
    code: d.code,
    ...(d.messageId !== undefined && { messageId: d.messageId }),
    message: d.message,
    ...(d.hint !== undefined && { hint: d.hint }),
    ...(d.location && { pointer: d.location.pointer }),
    ...(d.suppression && { suppression: d.suppression }),
    ...(d.relatedResolved && {
      related: d.relatedResolved.map((r) => ({
        file: r.file,
        ...(r.line !== undefined && { line: r.line, column: r.column ?? 1 }),
        pointer: r.pointer,
        message: r.message,
      })),
    }),
  }));
  return escapeJsonControls(JSON.stringify(problems, null, 2)) + '\n';
}
