/**
 * One diagnostic type for compile errors and lint findings alike (DESIGN.md "Diagnostics").
 * Locations are JSON pointers into a loaded file; line and column are resolved once, when printing,
 * through the file's SourceMap.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  /** Path of the file as the user named it (or as a `$ref` reached it). */
  readonly file: string;
  /** RFC 6901 JSON pointer into that file; `''` is the whole document. */
  readonly pointer: string;
  /** Only where no pointer can name the place, as in a syntax error: line and column, 1-based. */
  readonly position?: { readonly line: number; readonly column: number };
}

export interface RelatedLocation extends Location {
  readonly message: string;
}

export interface Diagnostic {
  /** Stable kebab-case code, e.g. `unknown-x-gateway-key`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: Location;
  /** What to do about it. */
  readonly hint?: string;
  /** Other places that take part ("first set here"). */
  readonly related?: readonly RelatedLocation[];
  /** Lint findings: the rule's message id (tests assert ids, not prose). */
  readonly messageId?: string;
  /**
   * Set on a finding the team accepted: an `ignore` entry of the config (with its written reason) or the
   * baseline file. Suppressed findings count for nothing; `json` and `sarif` still list them, saying why.
   */
  readonly suppression?: Suppression;
}

export interface Suppression {
  readonly kind: 'ignore' | 'baseline';
  readonly reason: string;
}

/** A diagnostic with its position resolved, as formatters receive it. */
export interface ResolvedDiagnostic extends Diagnostic {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly relatedResolved?: readonly (RelatedLocation & { line?: number; column?: number })[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Escape one reference token for a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  // Most tokens need no escape, and pointers are built for every node of large documents.
  if (typeof token === 'number') return String(token);
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Join a pointer and more reference tokens: `childPointer('/paths', '/pets', 'get')` → `/paths/~1pets/get`. */
export function childPointer(pointer: string, ...tokens: readonly (string | number)[]): string {
  let joined = pointer;
  for (const token of tokens) joined += '/' + escapePointerToken(token);
  return joined;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

/** The value at `pointer` in `root`, or undefined. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Follow `node`'s internal `$ref`s (`#/…`) within `root`, a few hops at most; anything else as it is. */
export function followRefs(root: unknown, node: unknown): unknown {
  let current = node;
  for (let hops = 0; hops < 16; hops += 1) {
    const ref = (current as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) return current;
    let pointer: string;
    try {
      pointer = decodeURIComponent(ref.slice(1));
    } catch {
      return undefined; // a malformed `$ref`, which the loader reports
    }
    current = valueAtPointer(root, pointer);
  }
  return current;
}
