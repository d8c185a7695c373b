/** The unified diff `compile --check` prints: exact for small cases, valid and shortest on random ones. */
import { describe, expect, it } from 'vitest';
import { changedLines, unifiedDiff } from '../../src/cli/diff.js';

const LABELS = { from: 'old.yaml', to: 'new.yaml' };

/** Applies a unified diff as `patch` would, checking each hunk's header against its lines. */
function apply(before: string, diff: string): string {
  if (diff === '') return before;
  const source = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const lines = diff.match(/[^\n]*\n/g) ?? [];
  expect(lines.slice(0, 2)).toEqual(['--- old.yaml\n', '+++ new.yaml\n']);
  const out: string[] = [];
  let next = 0;
  for (let at = 2; at < lines.length; ) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$/.exec(lines[at++]!);
    expect(header, `hunk header at diff line ${at}`).not.toBeNull();
    const [aStart, aCount, , bCount] = [
      Number(header![1]),
      Number(header![2] ?? 1),
      Number(header![3]),
      Number(header![4] ?? 1),
    ];
    const from = aCount === 0 ? aStart : aStart - 1;
    expect(from).toBeGreaterThanOrEqual(next);
    out.push(...source.slice(next, from));
    next = from;
    let [seenA, seenB] = [0, 0];
    while (at < lines.length && !lines[at]!.startsWith('@@')) {
      const [mark, text] = [lines[at]![0], lines[at]!.slice(1)];
      const cut = lines[at + 1] === '\\ No newline at end of file\n' ? text.slice(0, -1) : text;
      at += cut === text ? 1 : 2;
      if (mark !== '+') {
        expect(source[next++]).toBe(cut);
        seenA += 1;
      }
      if (mark !== '-') {
        out.push(cut);
        seenB += 1;
      }
    }
    expect([seenA, seenB]).toEqual([aCount, bCount]);
  }
  return [...out, ...source.slice(next)].join('');
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    const next = [0];
    for (let j = 0; j < b.length; j += 1) next.push(line === b[j] ? row[j]! + 1 : Math.max(row[j + 1]!, next[j]!));
    row = next;
  }
  return row[b.length]!;
}

/** A fixed-seed generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', LABELS)).toBe('');
    expect(unifiedDiff('', '', LABELS)).toBe('');
  });

  it('shows a change with three lines of context and line numbers', () => {
    const before = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n';
    const after = 'one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\n';
    expect(unifiedDiff(before, after, LABELS)).toBe(
      '--- old.yaml\n+++ new.yaml\n@@ -2,7 +2,7 @@\n two\n three\n four\n-five\n+FIVE\n six\n seven\n eight\n',
    );
  });

  it('keeps distant changes in separate hunks and joins close ones', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}\n`);
    const changed = (at: readonly number[]): string =>
      lines.map((l, i) => (at.includes(i) ? l.toUpperCase() : l)).join('');
    const far = unifiedDiff(lines.join(''), changed([2, 20]), LABELS);
    expect(far.match(/^@@.*$/gm)).toEqual(['@@ -1,6 +1,6 @@', '@@ -18,7 +18,7 @@']);
    const near = unifiedDiff(lines.join(''), changed([10, 17]), LABELS);
    expect(near.match(/^@@.*$/gm)).toEqual(['@@ -8,14 +8,14 @@']);
  });

  it('names the line before an empty side, as diff -u does', () => {
    expect(unifiedDiff('a\nb\n', 'a\nx\nb\n', LABELS)).toBe(
      '--- old.yaml\n+++ new.yaml\n@@ -1,2 +1,3 @@\n a\n+x\n b\n',
    );
    expect(unifiedDiff('', 'a\n', LABELS)).toBe('--- old.yaml\n+++ new.yaml\n@@ -0,0 +1 @@\n+a\n');
    expect(unifiedDiff('a\n', '', LABELS)).toBe('--- old.yaml\n+++ new.yaml\n@@ -1 +0,0 @@\n-a\n');
  });

  it('marks a last line without a line break', () => {
    expect(unifiedDiff('a\nb', 'a\nb\n', LABELS)).toBe(
      '--- old.yaml\n+++ new.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n',
    );
  });

  it('shows a line-ending change, which looks the same in a terminal, as a change', () => {
    expect(unifiedDiff('a\r\nb\r\n', 'a\nb\n', LABELS)).toContain('-a\r\n-b\r\n+a\n+b\n');
  });

  it('gives a valid, shortest diff on random texts', () => {
    const next = random(15);
    for (let run = 0; run < 400; run += 1) {
      const text = (): string =>
        Array.from(
          { length: Math.floor(next() * 14) },
          () => 'abcd'[Math.floor(next() * 4)]! + (next() < 0.05 ? '' : '\n'),
        ).join('');
      const [before, after] = [text(), text()];
      const diff = unifiedDiff(before, after, LABELS, { context: run % 4 });
      expect(apply(before, diff), JSON.stringify({ before, after })).toBe(after);
      const [a, b] = [before.match(/[^\n]*\n|[^\n]+$/g) ?? [], after.match(/[^\n]*\n|[^\n]+$/g) ?? []];
      const { deleted, inserted } = changedLines(a, b, 2000);
      expect(deleted.reduce((s, v) => s + v, 0) + inserted.reduce((s, v) => s + v, 0)).toBe(
        a.length + b.length - 2 * lcsLength(a, b),
      );
    }
  });

  it('stays valid when the search stops early on texts that differ much', () => {
    const next = random(7);
    for (let run = 0; run < 200; run += 1) {
      const text = (): string =>
        Array.from({ length: 1 + Math.floor(next() * 40) }, () => `${'abcdef'[Math.floor(next() * 6)]}\n`).join('');
      const [before, after] = [text(), text()];
      expect(apply(before, unifiedDiff(before, after, LABELS, { maxCost: 1 + (run % 3) }))).toBe(after);
    }
  });

  it('finds one changed line among 50,000', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `  Resource${i % 997}: value ${i}\n`);
    const after = [...lines];
    after[23_456] = '  changed\n';
    const diff = unifiedDiff(lines.join(''), after.join(''), LABELS);
    expect(diff.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toEqual([
      `-  Resource${23_456 % 997}: value 23456`,
      '+  changed',
    ]);
  });
});
