/**
 * A unified diff of two texts, by line, for `compile --check`: what `git apply -p0` or `patch -p0` takes.
 *
 * The lines both texts start and end with are set aside first (a regenerated template usually differs in a
 * few places); the rest is compared with Myers' O(ND) algorithm in its linear-space form (the middle
 * snake, divide and conquer), so memory stays proportional to the texts. When a part differs in more than
 * `maxCost` edits, the search stops at the point it reached furthest and goes on from there: the diff is
 * still correct, maybe not the shortest, and the time stays bounded on texts with nothing in common.
 */

export interface DiffLabels {
  /** The `---` line: the text as it is. */
  readonly from: string;
  /** The `+++` line: the text as it would be. */
  readonly to: string;
}

export interface DiffOptions {
  /** Unchanged lines shown around each change (3, as in `diff -u` and git). */
  readonly context?: number;
  /** Edits a part may need before the search settles for a longer diff (see above). */
  readonly maxCost?: number;
}

/** The unified diff from `before` to `after`; an empty string when they are equal. */
export function unifiedDiff(before: string, after: string, labels: DiffLabels, options: DiffOptions = {}): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const { deleted, inserted } = changedLines(a, b, options.maxCost ?? 2000);
  const hunks = hunksOf(deleted, inserted, options.context ?? 3);
  if (hunks.length === 0) return '';
  let out = `--- ${labels.from}\n+++ ${labels.to}\n`;
  for (const hunk of hunks) {
    out += `@@ -${range(hunk.aStart, hunk.aEnd)} +${range(hunk.bStart, hunk.bEnd)} @@\n`;
    let i = hunk.aStart;
    let j = hunk.bStart;
    while (i < hunk.aEnd || j < hunk.bEnd) {
      if (i < hunk.aEnd && deleted[i]) out += line('-', a[i++]!);
      else if (j < hunk.bEnd && inserted[j]) out += line('+', b[j++]!);
      else {
        out += line(' ', a[i++]!);
        j += 1;
      }
    }
  }
  return out;
}

/** Lines with their line break, so a last line without one differs from the same line with one. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  for (let from = 0; from < text.length; ) {
    const to = text.indexOf('\n', from) + 1 || text.length;
    lines.push(text.slice(from, to));
    from = to;
  }
  return lines;
}

function line(mark: string, text: string): string {
  return text.endsWith('\n') ? `${mark}${text}` : `${mark}${text}\n\\ No newline at end of file\n`;
}

/** `start,count` of a hunk, 1-based; an empty range names the line before it, and a count of 1 is left out. */
function range(start: number, end: number): string {
  const count = end - start;
  return count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
}

interface Hunk {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/** Walks both sides in step: runs of changed lines, with `context` unchanged lines around, merged when close. */
function hunksOf(deleted: Uint8Array, inserted: Uint8Array, context: number): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: { aStart: number; bStart: number; aEnd: number; bEnd: number } | undefined;
  while (i < deleted.length || j < inserted.length) {
    if (!deleted[i] && !inserted[j] && i < deleted.length && j < inserted.length) {
      i += 1;
      j += 1;
      continue;
    }
    const aFrom = i;
    const bFrom = j;
    while (i < deleted.length && deleted[i]) i += 1;
    while (j < inserted.length && inserted[j]) j += 1;
    if (open && aFrom - open.aEnd <= 2 * context) {
      open.aEnd = i;
      open.bEnd = j;
    } else {
      if (open) hunks.push(close(open, context, deleted.length, inserted.length));
      const lead = Math.min(context, aFrom);
      open = { aStart: aFrom - lead, bStart: bFrom - lead, aEnd: i, bEnd: j };
    }
  }
  if (open) hunks.push(close(open, context, deleted.length, inserted.length));
  return hunks;
}

function close(hunk: Hunk, context: number, aLength: number, bLength: number): Hunk {
  const trail = Math.min(context, aLength - hunk.aEnd, bLength - hunk.bEnd);
  return { ...hunk, aEnd: hunk.aEnd + trail, bEnd: hunk.bEnd + trail };
}

/** Which lines of `a` are deleted and which of `b` inserted; every other line is kept, in order. */
export function changedLines(
  a: readonly string[],
  b: readonly string[],
  maxCost: number,
): { deleted: Uint8Array; inserted: Uint8Array } {
  const deleted = new Uint8Array(a.length);
  const inserted = new Uint8Array(b.length);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  // The lines in between as numbers: one comparison per step of the search instead of a string compare.
  const ids = new Map<string, number>();
  const idOf = (text: string): number => {
    let id = ids.get(text);
    if (id === undefined) ids.set(text, (id = ids.size));
    return id;
  };
  const x = Int32Array.from(a.slice(start, a.length - end), idOf);
  const y = Int32Array.from(b.slice(start, b.length - end), idOf);

  // An explicit stack of parts still to compare: no recursion depth to run out of.
  const parts: [number, number, number, number][] = [[0, x.length, 0, y.length]];
  while (parts.length > 0) {
    let [aLo, aHi, bLo, bHi] = parts.pop()!;
    while (aLo < aHi && bLo < bHi && x[aLo] === y[bLo]) {
      aLo += 1;
      bLo += 1;
    }
    while (aLo < aHi && bLo < bHi && x[aHi - 1] === y[bHi - 1]) {
      aHi -= 1;
      bHi -= 1;
    }
    const split = aLo === aHi || bLo === bHi ? undefined : middle(x.subarray(aLo, aHi), y.subarray(bLo, bHi), maxCost);
    if (split === undefined) {
      deleted.fill(1, start + aLo, start + aHi);
      inserted.fill(1, start + bLo, start + bHi);
    } else {
      parts.push([aLo + split[0], aHi, bLo + split[1], bHi], [aLo, aLo + split[0], bLo, bLo + split[1]]);
    }
  }
  return { deleted, inserted };
}

/**
 * A point strictly inside the edit graph of `x` against `y` (which differ in their first and in their
 * last line) that a shortest edit path goes through: where the searches from both corners meet (Myers
 * 1986, section 4b; laid out as in diff-match-patch's bisect). Past `maxCost` edits, the furthest point
 * the forward search reached. Undefined when the part is best taken as replaced whole.
 */
function middle(x: Int32Array, y: Int32Array, maxCost: number): [number, number] | undefined {
  const n = x.length;
  const m = y.length;
  const maxD = Math.min(Math.ceil((n + m) / 2), maxCost);
  const offset = maxD;
  // forward[offset + k]: the furthest x reached on diagonal k = x - y from (0, 0); backward: from (n, m).
  const forward = new Int32Array(2 * maxD + 2).fill(-1);
  const backward = new Int32Array(2 * maxD + 2).fill(-1);
  forward[offset + 1] = 0;
  backward[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the forward search is the one to meet the backward one, else the backward one.
  const front = delta % 2 !== 0;
  // Diagonals that have walked off the graph's right or bottom edge are not searched again.
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  let furthest: [number, number] | undefined;
  for (let d = 0; d < maxD; d += 1) {
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const at = offset + k1;
      let x1 = k1 === -d || (k1 !== d && forward[at - 1]! < forward[at + 1]!) ? forward[at + 1]! : forward[at - 1]! + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && x[x1] === y[y1]) {
        x1 += 1;
        y1 += 1;
      }
      forward[at] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else {
        if (furthest === undefined || x1 + y1 > furthest[0] + furthest[1]) furthest = [x1, y1];
        if (front) {
          const other = offset + delta - k1;
          if (other >= 0 && other < backward.length && backward[other] !== -1 && x1 >= n - backward[other]!)
            return [x1, y1];
        }
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const at = offset + k2;
      let x2 =
        k2 === -d || (k2 !== d && backward[at - 1]! < backward[at + 1]!) ? backward[at + 1]! : backward[at - 1]! + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && x[n - x2 - 1] === y[m - y2 - 1]) {
        x2 += 1;
        y2 += 1;
      }
      backward[at] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const other = offset + delta - k2;
        if (other >= 0 && other < forward.length && forward[other] !== -1) {
          const x1 = forward[other]!;
          if (x1 >= n - x2) return [x1, offset + x1 - other];
        }
      }
    }
  }
  // Over budget (or, in theory, no meeting): go on from the furthest point, unless that is a corner.
  return furthest !== undefined && furthest[0] + furthest[1] > 0 && furthest[0] + furthest[1] < n + m
    ? furthest
    : undefined;
}
