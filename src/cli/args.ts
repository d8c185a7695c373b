/** A small, strict argument parser: known flags only, so a typo is a usage error rather than ignored. */
import type { ReadOptions } from '../load/read-policy.js';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  /** Takes a value (`--format json`, `--format=json`). */
  readonly value?: boolean;
  /** May be given several times (values collected). */
  readonly repeat?: boolean;
}

export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: ReadonlyMap<string, readonly string[]>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.startsWith('--') ? splitOnce(arg.slice(2), '=') : [arg.slice(1), undefined];
    const spec = specs.find((s) => (arg.startsWith('--') ? s.name === rawName : s.short === rawName));
    if (!spec) throw new UsageError(`unknown option ${arg}`);
    let value = 'true';
    if (spec.value) {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`option --${spec.name} needs a value`);
      value = next;
    } else if (inline !== undefined) {
      throw new UsageError(`option --${spec.name} takes no value`);
    }
    const list = flags.get(spec.name) ?? [];
    if (list.length > 0 && !spec.repeat) throw new UsageError(`option --${spec.name} is given twice`);
    flags.set(spec.name, [...list, value]);
  }
  return { positional, flags };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.[0];
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The read policy's flags, `--root <folder>` and `--remote-refs`, shared by the commands. */
export function readOptions(args: ParsedArgs): ReadOptions {
  const root = flag(args, 'root');
  if (root === '') throw new UsageError('--root needs a folder');
  return { ...(root !== undefined && { root }), ...(args.flags.has('remote-refs') && { remote: true }) };
}
