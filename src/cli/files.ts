/** Expand the file arguments of a command: plain paths as given, globs (`*`, `**`, `?`) by walking. */
import { type Dirent, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globMatcher } from '../lint/config.js';

const SKIPPED = new Set(['node_modules', '.git']);

export function expandFiles(args: readonly string[]): { files: string[]; unmatched: string[] } {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    if (!/[*?]/.test(arg)) {
      files.push(arg);
      continue;
    }
    const segments = arg.split('/');
    const fixed = segments.findIndex((s) => /[*?]/.test(s));
    const base = segments.slice(0, fixed).join('/') || '.';
    const matches = globMatcher(arg.startsWith('./') ? arg.slice(2) : arg);
    const found = walk(base)
      .filter((file) => matches(base === '.' ? relative('.', file) : file))
      .sort();
    if (found.length === 0) unmatched.push(arg);
    files.push(...found);
  }
  return { files: [...new Set(files)], unmatched };
}

function walk(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = dir === '.' ? entry.name : join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
