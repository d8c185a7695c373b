/**
 * The baseline file: the findings a team accepted when it adopted lint on existing specs, so that a run
 * fails only on new ones (as Redocly's `--generate-ignore-file`). Findings are matched by fingerprint
 * (code, file, JSON pointer and message), which survives lines moving; a finding whose message changes
 * (a count, a name) is new. Files are named as the run names them, relative to its working directory.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fingerprint } from '../diagnostics/fingerprint.js';

export const BASELINE_VERSION = 1;

interface BaselineEntry {
  readonly fingerprint: string;
  readonly code: string;
  readonly file: string;
  readonly pointer: string;
  readonly message: string;
}

/** The baseline of `diagnostics`, as the text of the file (sorted, so that it diffs well). */
export function writeBaseline(diagnostics: readonly Diagnostic[]): string {
  const entries: BaselineEntry[] = diagnostics.map((d) => ({
    fingerprint: fingerprint(d),
    code: d.code,
    file: d.location?.file ?? '',
    pointer: d.location?.pointer ?? '',
    message: d.message,
  }));
  entries.sort((a, b) =>
    a.file !== b.file
      ? a.file < b.file
        ? -1
        : 1
      : a.pointer !== b.pointer
        ? a.pointer < b.pointer
          ? -1
          : 1
        : a.fingerprint < b.fingerprint
          ? -1
          : 1,
  );
  return JSON.stringify({ gateformBaseline: BASELINE_VERSION, findings: entries }, null, 2) + '\n';
}

/** The fingerprints of a baseline file's text, or why it is not one. */
export function readBaseline(text: string): { fingerprints: ReadonlySet<string> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'it is not JSON' };
  }
  const file = value as { gateformBaseline?: unknown; findings?: unknown } | null;
  if (
    file === null ||
    typeof file !== 'object' ||
    file.gateformBaseline !== BASELINE_VERSION ||
    !Array.isArray(file.findings)
  )
    return {
      problem: `it is not a gateform baseline (version ${BASELINE_VERSION}); write one with --generate-baseline`,
    };
  return {
    fingerprints: new Set(
      file.findings.flatMap((f: unknown) =>
        f !== null && typeof f === 'object' && typeof (f as BaselineEntry).fingerprint === 'string'
          ? [(f as BaselineEntry).fingerprint]
          : [],
      ),
    ),
  };
}

/** Split findings into new ones and those in the baseline (marked as suppressed by it). */
export function applyBaseline(
  diagnostics: readonly Diagnostic[],
  fingerprints: ReadonlySet<string>,
  file: string,
): { active: Diagnostic[]; suppressed: Diagnostic[] } {
  const active: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (fingerprints.has(fingerprint(d)))
      suppressed.push({ ...d, suppression: { kind: 'baseline', reason: `Accepted in the baseline ${file}.` } });
    else active.push(d);
  }
  return { active, suppressed };
}
