/** Output helpers shared by the commands: diagnostics to stderr, atomic file writes, exit codes. */
import { lstatSync, type Stats, statSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatStylish } from '../diagnostics/format/stylish.js';
import { resolveDiagnostics } from '../diagnostics/resolve.js';
import { fileTypeName } from '../load/read-policy.js';
import type { SourceFile } from '../load/source-file.js';
import { requirePackageFile } from '../package-files.js';

export const EXIT_OK = 0;
export const EXIT_DIAGNOSTICS = 1;
export const EXIT_USAGE = 2;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly color: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stderr.isTTY) && process.env['NO_COLOR'] === undefined,
};

export function printDiagnostics(
  io: Io,
  diagnostics: readonly Diagnostic[],
  files: ReadonlyMap<string, SourceFile>,
): void {
  if (diagnostics.length === 0) return;
  io.stderr(
    formatStylish(resolveDiagnostics(diagnostics, files), {
      color: io.color,
      lineOf: (file, line) => files.get(file)?.lineText(line),
    }),
  );
}

/**
 * Why a command that read `inputs` (the spec, the files it $refs, the config, the --into template) will
 * not write `path`; undefined when it may: a new path, or a regular file that is none of the inputs (nor a
 * hard link to one). A symbolic link, FIFO or device is never replaced by a regular file.
 */
export function outputRefusal(path: string, inputs: Iterable<string>): string | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return undefined;
  }
  const type = fileTypeName(stats);
  if (type !== undefined) return `it is ${type}; gateform writes only a regular file or a new path`;
  for (const input of inputs) {
    const read = (() => {
      try {
        return statSync(input);
      } catch {
        return undefined;
      }
    })();
    if (read && read.dev === stats.dev && read.ino === stats.ino)
      return `it is ${input === path ? 'an input' : `${input}, an input`} of this run; write to another file`;
  }
  return undefined;
}

/** Write next to the target and rename over it, so a reader never sees half a file. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

export function packageVersion(): string {
  return (requirePackageFile('./package.json') as { version: string }).version;
}
