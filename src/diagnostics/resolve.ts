/** Resolve diagnostics' pointers to line and column, once, for printing (STYLE.md 5). */
import type { SourceFile } from '../load/source-file.js';
import type { Diagnostic, Location, ResolvedDiagnostic } from './diagnostic.js';

export function resolveDiagnostics(
  diagnostics: readonly Diagnostic[],
  files: ReadonlyMap<string, SourceFile>,
): ResolvedDiagnostic[] {
  return diagnostics.map((d) => {
    if (!d.location) return d;
    const position = positionOf(d.location, files);
    return {
      ...d,
      file: d.location.file,
      ...position,
      ...(d.related && { relatedResolved: d.related.map((r) => ({ ...r, ...positionOf(r, files) })) }),
    };
  });
}

function positionOf(
  location: Location,
  files: ReadonlyMap<string, SourceFile>,
): { line?: number; column?: number; endLine?: number; endColumn?: number } {
  if (location.position) return location.position;
  const position = files.get(location.file)?.positionOf(location.pointer, location.part);
  return position ?? {};
}
