/**
 * A mutation fuzzer over the golden fixtures: each mutant (a node replaced, removed or renamed, a subtree
 * copied elsewhere, the text cut or a byte changed) goes through `gateform compile` and `gateform lint`
 * as the CLI runs them. Whatever the input, the run must end with exit code 0, 1 or 2, throw nothing (the
 * CLI would print a stack trace), give every diagnostic a place, and print no `[object Object]`,
 * `undefined` or `NaN`. The seed and the budget are fixed, so a failure reproduces: `FUZZ_RUNS=2000`
 * explores further.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../src/cli/main.js';
import { compile } from '../src/compile.js';
import { fixtureCases } from './support/fixtures.js';
import { tempDir } from './support/temp.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 1313);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);

/** mulberry32: a small seeded generator, so that every run makes the same mutants. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES: readonly unknown[] = [
  128,
  -1,
  0,
  1e308,
  '',
  'x',
  'constructor',
  '__proto__',
  '${Nope}',
  '\u001b[31mred',
  null,
  true,
  [],
  {},
  [1],
  ['a'],
  { a: 1 },
  { $ref: '#/nope' },
  { Ref: 'Nope' },
  { 'Fn::GetAtt': 'x' },
];
const KEYS: readonly string[] = ['constructor', '__proto__', 'toString', 'x-gateway', '$ref', '', '200', 'x'];

interface Mutant {
  readonly text: string;
  /** What was done, to name a failure. */
  readonly what: string;
}

/** Every node's path (keys and indexes) in `value`. */
function paths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value))
      paths(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
}

function mutate(text: string, value: unknown, pick: () => number): Mutant {
  const choose = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)]!;
  const kind = pick();
  if (kind < 0.1) {
    const cut = Math.floor(pick() * text.length);
    return { text: text.slice(0, cut), what: `text cut at ${cut}` };
  }
  if (kind < 0.2) {
    const offset = Math.floor(pick() * text.length);
    const char = choose(['\u0000', '\u001b', '"', "'", '{', '[', ':', '&a', '*a', '!Ref', '\t', '\ufffd', '#']);
    return {
      text: text.slice(0, offset) + char + text.slice(offset + 1),
      what: `${JSON.stringify(char)} at ${offset}`,
    };
  }
  const copy = structuredClone(value) as Record<string, unknown>;
  // Shallow nodes more often: there are few of them, and every later stage reads them.
  const depth = 1 + Math.floor(pick() * 5);
  const all = paths(copy).filter((p) => p.length > 0 && p.length <= depth);
  if (all.length === 0) return { text, what: 'unchanged' };
  const path = choose(all);
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  let what: string;
  if (kind < 0.65) {
    const replacement = choose(VALUES);
    parent[key] = structuredClone(replacement);
    what = `${JSON.stringify(replacement)} at /${path.join('/')}`;
  } else if (kind < 0.75) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    what = `removed /${path.join('/')}`;
  } else if (kind < 0.85 && !Array.isArray(parent)) {
    const name = choose(KEYS);
    const child = parent[key];
    delete parent[key];
    Object.defineProperty(parent, name, { value: child, enumerable: true, writable: true, configurable: true });
    what = `/${path.join('/')} renamed ${JSON.stringify(name)}`;
  } else {
    const source = choose(all);
    parent[key] = structuredClone(at(copy, source));
    what = `/${source.join('/')} copied to /${path.join('/')}`;
  }
  return { text: stringify(copy, { aliasDuplicateObjects: false }), what };
}

/** A config that uses every key, for mutants of configs. */
const CONFIG =
  'extends: strict\nrules:\n  operation-no-auth: off\n  model-keyword-ignored: warn\nignore:\n  - file: "**/*.yaml"\n    pointer: /paths\n    rules: [operation-no-auth]\n    reason: r\nrefs:\n  root: .\n  remote: false\n';

const WHOLE_FILE = new Set(['file-unreadable', 'document-too-large']);

/** Messages that print a value the code did not mean to print; a spec that says them itself is skipped. */
const LEAKS = ['[object Object]', 'undefined', 'NaN'];

async function check(spec: string, base: string | undefined, mutant: Mutant): Promise<string[]> {
  const problems: string[] = [];
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: (t: string) => void (out.stdout += t),
    stderr: (t: string) => void (out.stderr += t),
    color: false,
  };
  const runs: [string, string[]][] = [
    ['compile', ['compile', spec, ...(base ? ['--into', base] : [])]],
    ['lint', ['lint', spec, '--format', 'json']],
  ];
  for (const [name, argv] of runs) {
    out.stdout = out.stderr = '';
    let status: number;
    try {
      status = await main(argv, io);
    } catch (error) {
      problems.push(
        `${name} threw ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}`,
      );
      continue;
    }
    if (![0, 1, 2].includes(status)) problems.push(`${name} exited ${status}`);
    if (/\n\s+at .+:\d+:\d+\)?\n/.test(out.stdout + out.stderr)) problems.push(`${name} printed a stack trace`);
    if (name === 'lint') {
      for (const d of JSON.parse(out.stdout) as { file?: string; line?: number; code: string; message: string }[]) {
        // A file that could not be read at all is the place of its own diagnostic.
        if (d.file === undefined || (d.line === undefined && !WHOLE_FILE.has(d.code)))
          problems.push(`lint: ${d.code} has no place: ${d.message}`);
      }
    }
    const printed = out.stdout + out.stderr;
    for (const leak of LEAKS)
      if (printed.includes(leak) && !mutant.text.includes(leak))
        problems.push(`${name} printed ${leak}: ${printed.split('\n').find((l) => l.includes(leak))}`);
  }
  // Every diagnostic of the library has a place too (the CLI's stylish output does not show it).
  try {
    const result = await compile(spec, base ? { into: base } : {});
    for (const d of result.diagnostics)
      if (!d.location) problems.push(`compile: ${d.code} has no location: ${d.message}`);
  } catch {
    // Reported by the CLI's run above.
  }
  return problems;
}

describe('mutation fuzzer', () => {
  const cases = fixtureCases();
  it(
    `survives ${RUNS} mutants of the fixtures (seed ${SEED})`,
    async () => {
      const pick = random(SEED);
      const work = tempDir('fuzz-');
      const failures: string[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const fixture = cases[Math.floor(pick() * cases.length)]!;
        const dir = join(work, String(run));
        cpSync(fixture.dir, dir, { recursive: true });
        const spec = join(dir, basename(fixture.input));
        const base = fixture.base && join(dir, basename(fixture.base));
        // Mostly the spec; else the --into template, or a config beside the spec.
        const target = pick();
        const file = target < 0.15 && base ? base : target > 0.85 ? join(dir, 'gateform.config.yaml') : spec;
        if (file.endsWith('gateform.config.yaml')) writeFileSync(file, CONFIG);
        const text = readFileSync(file, 'utf8');
        const mutant = mutate(text, parse(text, { uniqueKeys: false, logLevel: 'silent' }) as unknown, pick);
        // JSON fixtures stay JSON files, read as YAML when the mutant is YAML (the loader falls back).
        writeFileSync(file, mutant.text);
        const problems = await check(spec, base, mutant);
        if (problems.length > 0)
          failures.push(`${fixture.name}, ${basename(file)}: ${mutant.what}:\n  ${problems.join('\n  ')}`);
      }
      expect(failures).toEqual([]);
    },
    Math.max(30_000, RUNS * 200),
  );
});
