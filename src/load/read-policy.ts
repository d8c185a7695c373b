/**
 * What loading may read (docs/cli.md, "Read policy and limits"). A spec is untrusted input: its `$ref`s read
 * only regular files under a root folder, remote URLs only when enabled, and every file is read within a
 * size limit, through a descriptor opened without blocking, so that a device (`/dev/zero`), a FIFO or a
 * `/proc` file never ties the run up or reaches a diagnostic's code frame.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Limits on what a document may make gateform read or build, checked before the memory is spent. */
export const LIMITS = {
  /** Bytes of one file (the largest public specs are a few MB). */
  fileBytes: 32 * 1024 * 1024,
  /** Bytes of a spec and every file its `$ref`s read. */
  totalBytes: 64 * 1024 * 1024,
  /** Nodes that YAML aliases may add to a document when each is expanded into its own copy. */
  aliasNodes: 100_000,
  /** Levels of arrays and objects nested in one another. */
  depth: 256,
} as const;

export interface ReadPolicy {
  /** Absolute folder that the spec and its `$ref`s are read under. */
  readonly root: string;
  /** Whether `$ref`s may name http(s) URLs. */
  readonly remote: boolean;
}

/** What the command line or the config asks for; unset fields take their defaults. */
export interface ReadOptions {
  readonly root?: string;
  readonly remote?: boolean;
}

/** The root folder of a spec: the nearest folder above it that holds `.git` or `package.json`, else its own. */
export function defaultRoot(spec: string): string {
  const own = dirname(resolve(spec));
  for (let dir = own; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return own;
  }
}

export function readPolicy(spec: string, options: ReadOptions = {}): ReadPolicy {
  return {
    root: options.root !== undefined ? resolve(options.root) : defaultRoot(spec),
    remote: options.remote ?? false,
  };
}

/** Why a file was not read: `refused` by the policy, over a `limit`, or `unreadable` (missing, no permission). */
export interface ReadFailure {
  readonly ok: false;
  readonly kind: 'refused' | 'limit' | 'unreadable';
  /** Why, without the file's content; to follow "Cannot read <file>: ". */
  readonly reason: string;
  readonly hint: string;
  readonly error?: unknown;
}

export type ReadResult = { readonly ok: true; readonly bytes: Buffer } | ReadFailure;

/** `path` resolved through symbolic links is inside `root` (resolved too). */
function isInside(path: string, root: string): boolean {
  const from = relative(root, path);
  return from === '' || (!from.startsWith('..' + sep) && from !== '..' && !from.startsWith(sep));
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return resolve(root);
  }
}

/** What a file that is not a regular file is, as a reason reads it ("it is a FIFO"). */
export function fileTypeName(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Read a file under `root`, at most `maxBytes` of it. Symbolic links are followed, and the file they
 * reach must be under the root too. The descriptor is opened non-blocking and checked to be a regular
 * file before anything is read; the size is checked as the bytes come, since `/proc` files report 0.
 */
export function readUnder(path: string, root: string, maxBytes: number = LIMITS.fileBytes): ReadResult {
  const unreadable = (error: unknown): ReadFailure => ({
    ok: false,
    kind: 'unreadable',
    reason: fsFailureReason(error),
    hint: 'Check the path.',
    error,
  });
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    return unreadable(error);
  }
  if (!isInside(real, realRoot(root))) {
    const through = isInside(resolve(path), root) ? ' (through a symbolic link)' : '';
    return {
      ok: false,
      kind: 'refused',
      reason: `it is outside the root folder ${root}${through}, and only files under the root are read`,
      hint: 'Move the file under the root, or widen the root with `--root <folder>` or `refs.root` in gateform.config.yaml.',
    };
  }
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return unreadable(error);
  }
  try {
    const stats = fstatSync(fd);
    const type = fileTypeName(stats);
    if (type !== undefined)
      return {
        ok: false,
        kind: 'refused',
        reason: `it is ${type}, and only regular files are read`,
        hint: 'Name a YAML or JSON file.',
      };
    if (stats.size > maxBytes) return tooLarge(maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return tooLarge(maxBytes);
      chunks.push(chunk.subarray(0, n));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return unreadable(error);
  } finally {
    closeSync(fd);
  }
}

/** How long a remote `$ref` may take to arrive. */
const REMOTE_TIMEOUT_MS = 10_000;

/** Fetch a remote `$ref` (when the policy enables them), within the time and size limits. */
export async function fetchRemote(url: string, maxBytes: number = LIMITS.fileBytes): Promise<ReadResult> {
  const unreadable = (reason: string, error?: unknown): ReadFailure => ({
    ok: false,
    kind: 'unreadable',
    reason,
    hint: 'Check the URL.',
    error,
  });
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS) });
    if (!response.ok || !response.body) return unreadable(`the server answered ${response.status}`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    // Leaving the loop early cancels the download.
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > maxBytes) break;
      chunks.push(chunk);
    }
    return total > maxBytes ? tooLarge(maxBytes) : { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return unreadable(
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${REMOTE_TIMEOUT_MS / 1000} s`
        : 'the request failed',
      error,
    );
  }
}

function tooLarge(maxBytes: number): ReadFailure {
  return {
    ok: false,
    kind: 'limit',
    reason: `it is larger than ${megabytes(maxBytes)}, the limit for one file`,
    hint: 'Split the document into files of its parts with $refs.',
  };
}

export function megabytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MB`;
}

/** The text of UTF-8 bytes (a byte order mark kept), or where the first invalid sequence starts. */
export function decodeUtf8(
  bytes: Buffer,
): { ok: true; text: string } | { ok: false; text: string; line: number; column: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Every byte before the first invalid sequence decodes and encodes back unchanged.
    const text = bytes.toString('utf8');
    const again = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length && bytes[offset] === again[offset]) offset += 1;
    const before = bytes.subarray(0, offset).toString('utf8');
    const lineStart = before.lastIndexOf('\n') + 1;
    return { ok: false, text, line: before.split('\n').length, column: before.length - lineStart + 1 };
  }
}

/** Why reading or writing a file failed, by its errno code; else Node's message. */
const FS_FAILURES: Readonly<Record<string, string>> = {
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ELOOP: 'too many symbolic links',
};

/**
 * Why a file could not be read (or, with `write`, written), without the path that Node's message carries:
 * a missing file, for a write, means its directory does not exist.
 */
export function fsFailureReason(error: unknown, operation: 'read' | 'write' = 'read'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return operation === 'write' ? 'its directory does not exist' : 'no such file';
  return (
    (code !== undefined ? FS_FAILURES[code] : undefined) ?? (error instanceof Error ? error.message : String(error))
  );
}
