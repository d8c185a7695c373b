/**
 * Load an OpenAPI document: read and parse the main file, bundle its `$ref`s across files with
 * swagger-parser (which reads every referenced file through our parser, so tags and positions work there
 * too), and validate the OpenAPI structure. Every problem becomes a diagnostic; nothing throws.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { escapePointerToken, splitPointer, valueAtPointer } from '../diagnostics/diagnostic.js';
import { parseSource } from './parse.js';
import { SourceFile } from './source-file.js';
import { structureDiagnostics } from './structure.js';

export type JsonObject = Record<string, unknown>;

export interface LoadedDocument {
  /** The main file. */
  readonly root: SourceFile;
  /** The bundled document: every external `$ref` inlined or turned into an internal one. */
  readonly document: JsonObject;
  /** Every file read, by the path shown to the user. */
  readonly files: ReadonlyMap<string, SourceFile>;
  /** OpenAPI version family of the input. */
  readonly version: '3.0' | '3.1';
  /** The file and pointer where the node at `pointer` of the bundled document was written. */
  locate(pointer: string): Location;
}

export interface LoadResult {
  readonly loaded?: LoadedDocument;
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, by the path shown to the user (also when loading failed), for code frames. */
  readonly files: ReadonlyMap<string, SourceFile>;
}

/** Codes of diagnostics that mean the input, the config or the --into template could not be read or used (exit code 2). */
export const IO_ERROR_CODES: ReadonlySet<string> = new Set(['file-unreadable', 'invalid-config', 'not-a-template']);

export async function loadDocument(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { diagnostics: [unreadable(path, error)], files: new Map() };
  }
  return loadText(path, text);
}

/** Load from text already read; `path` names the file and is the base for relative `$ref`s. */
export async function loadText(path: string, text: string): Promise<LoadResult> {
  const parsed = parseSource(path, text);
  const root = parsed.file;
  const rootOnly = new Map([[root.path, root]]);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics, files: rootOnly };
  const version = checkVersion(root);
  if ('code' in version) return { diagnostics: [version], files: rootOnly };

  const absoluteRoot = resolvePath(path);
  const byAbsolute = new Map<string, SourceFile>([[absoluteRoot, root]]);
  const diagnostics: Diagnostic[] = version.warning ? [version.warning] : [];
  let document: JsonObject;
  const refs = collectRefs(root.value);
  if (!refs.external) {
    // Nothing to bundle: skip the resolver's walk of the whole document, and only check that every
    // internal `$ref` names a node.
    document = structuredClone(root.value) as JsonObject;
    const builtIn = isGatewaySpec(root) ? BUILT_IN_MODELS : [];
    diagnostics.push(...refs.internal.flatMap(({ pointer, ref }) => checkInternalRef(root, pointer, ref, builtIn)));
    if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, files: rootOnly };
  } else {
    try {
      document = await bundle(absoluteRoot, root.value, byAbsolute, diagnostics);
    } catch (error) {
      diagnostics.push(...refDiagnostics(error, root, byAbsolute));
      return { diagnostics, files: byPath(byAbsolute) };
    }
  }

  const files = byPath(byAbsolute);
  const locate = (pointer: string): Location => locateIn(pointer, absoluteRoot, byAbsolute);
  if (version.warning) document['openapi'] = version.family === '3.1' ? '3.1.0' : '3.0.3';
  const loaded: LoadedDocument = { root, document, files, version: version.family, locate };
  diagnostics.push(...structureDiagnostics(document, loaded.version, locate));
  return { loaded, diagnostics, files };
}

/**
 * Bundle with swagger-parser, reading every referenced file through our parser (so tags and positions
 * work there too) and recording it in `files`.
 */
async function bundle(absoluteRoot: string, value: unknown, files: Map<string, SourceFile>, diagnostics: Diagnostic[]): Promise<JsonObject> {
  const bundled: unknown = await new SwaggerParser().bundle(absoluteRoot, structuredClone(value) as never, {
    continueOnError: true,
    resolve: { http: false, external: true },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      gateform: {
        order: 1,
        canParse: true,
        parse: (file: { url: string; data: Buffer | string }) => {
          const absolute = toPath(file.url);
          const shown = relative(process.cwd(), absolute) || absolute;
          const result = parseSource(shown, typeof file.data === 'string' ? file.data : file.data.toString('utf8'));
          diagnostics.push(...result.diagnostics);
          files.set(absolute, result.file);
          if (!result.ok) throw new Error(`${shown} could not be parsed`);
          return result.file.value;
        },
      },
    },
  } as never);
  return bundled as JsonObject;
}

/** Every `$ref` of a document, found in one walk (iterative: nesting depth is bounded only by parseSource). */
function collectRefs(value: unknown): { external: boolean; internal: { pointer: string; ref: string }[] } {
  const internal: { pointer: string; ref: string }[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !Array.isArray(node)) {
      if (!ref.startsWith('#')) return { external: true, internal: [] };
      // `#name` names a 3.1 `$anchor`: the model resolves those, knowing where anchors may stand.
      if (isPointerRef(ref)) internal.push({ pointer, ref });
    }
    // Pushed last first, so that refs are found (and reported) in document order.
    for (const [key, child] of Object.entries(node).reverse()) if (child !== null && typeof child === 'object') stack.push([child, pointer + '/' + escapePointerToken(key)]);
  }
  return { external: false, internal };
}

/**
 * Every REST API has the models `Empty` and `Error`, and API Gateway's import resolves a schema `$ref`
 * by model name, so a gateway spec may name them without defining them.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html#models-mappings-models
 */
const BUILT_IN_MODELS = ['#/components/schemas/Empty', '#/components/schemas/Error'];

/** A spec written for API Gateway: with x-gateway, or with API Gateway's own extensions. */
function isGatewaySpec(file: SourceFile): boolean {
  return /\bx-(?:gateway|amazon-apigateway-)/.test(file.text);
}

/**
 * An internal `$ref` must name a node (or one of `builtIn`), following the `$ref`s on its way, and must not lead back to
 * itself through `$ref`s alone (a schema that contains itself further down is fine).
 */
function checkInternalRef(file: SourceFile, pointer: string, ref: string, builtIn: readonly string[]): Diagnostic[] {
  const problem = (message: string, hint: string): Diagnostic[] => [{ code: 'unresolved-ref', severity: 'error', message, location: { file: file.path, pointer: pointer + '/$ref' }, hint }];
  const seen = new Set<string>([pointer]);
  let target = ref;
  for (;;) {
    let fragment: string;
    try {
      fragment = decodeURIComponent(target.slice(1));
    } catch {
      return problem(`\`${target}\` is not a valid JSON pointer.`, 'Percent-encode only whole characters in a $ref.');
    }
    const found = walkToTarget(file.value, fragment);
    if (found === undefined && builtIn.includes(target)) return [];
    if (found === undefined) return problem(`\`${target}\` names nothing in this document.`, 'Check the JSON pointer after `#` (`~1` stands for `/`, `~0` for `~`).');
    if (seen.has(found.pointer)) return problem(`\`${ref}\` is circular: following it through $refs never reaches an object.`, 'Point one of the $refs in the loop at the object itself.');
    seen.add(found.pointer);
    const next = (found.node as { $ref?: unknown } | null)?.$ref;
    if (typeof next !== 'string' || !isPointerRef(next)) return [];
    target = next;
  }
}

function isPointerRef(ref: string): boolean {
  return ref === '#' || ref.startsWith('#/');
}

/** The node at `pointer`, following the internal `$ref`s met on the way; undefined when there is none. */
function walkToTarget(root: unknown, pointer: string): { node: unknown; pointer: string } | undefined {
  let node = root;
  let here = '';
  for (const token of splitPointer(pointer)) {
    for (let hops = 0; hops < 32 && isRefNode(node) && !Object.hasOwn(node, token) && node.$ref.startsWith('#'); hops += 1) {
      here = node.$ref.slice(1);
      node = valueAtPointer(root, here);
    }
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
    here += '/' + escapePointerToken(token);
  }
  return { node, pointer: here };
}

function byPath(byAbsolute: ReadonlyMap<string, SourceFile>): Map<string, SourceFile> {
  return new Map([...byAbsolute.values()].map((f) => [f.path, f] as const));
}

/** Why reading or writing a file failed, by its errno code; else Node's message. */
const FS_FAILURES: Readonly<Record<string, string>> = {
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/**
 * Why a file could not be read (or, with `write`, written), without the path that Node's message carries:
 * a missing file, for a write, means its directory does not exist.
 */
export function fsFailureReason(error: unknown, operation: 'read' | 'write' = 'read'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return operation === 'write' ? 'its directory does not exist' : 'no such file';
  return (code !== undefined ? FS_FAILURES[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
}

function unreadable(path: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `Cannot read ${path}: ${fsFailureReason(error)}`,
    location: { file: path, pointer: '' },
    hint: code === 'EISDIR' ? `Name the spec files, or a glob such as '${path.replace(/\/$/, '')}/**/*.yaml' (quoted, so that the shell leaves it to gateform).` : 'Check the path; it is taken relative to the current directory.',
  };
}

/**
 * The OpenAPI version family, or a diagnostic saying why the document is not one we compile. A version
 * without its patch number (`"3.0"`, or `3.0` read as a number) is read as the family's usual version, with
 * a warning.
 */
function checkVersion(file: SourceFile): { family: '3.0' | '3.1'; warning?: Diagnostic } | Diagnostic {
  const value = file.value;
  const at = (pointer: string): Location => ({ file: file.path, pointer });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    // An empty document has no node to point at: its first line stands for it.
    const location = value === null || value === undefined ? { ...at(''), position: { line: 1, column: 1 } } : at('');
    return { code: 'not-openapi', severity: 'error', message: 'The document is not an OpenAPI object.', location, hint: 'An OpenAPI 3 document is a mapping with `openapi`, `info` and `paths`.' };
  }
  const doc = value as JsonObject;
  if ('swagger' in doc) {
    const swagger = doc['swagger'];
    return {
      code: 'unsupported-openapi-version',
      severity: 'error',
      message: `Swagger${typeof swagger === 'string' || typeof swagger === 'number' ? ` ${swagger}` : ''} is not supported; gateform reads OpenAPI 3.0 and 3.1.`,
      location: at('/swagger'),
      hint: 'Convert it first, e.g. `npx swagger2openapi spec.yaml -o openapi.yaml`.',
    };
  }
  const version = doc['openapi'];
  if (typeof version === 'string' && /^3\.0\.\d+$/.test(version)) return { family: '3.0' };
  if (typeof version === 'string' && /^3\.1\.\d+$/.test(version)) return { family: '3.1' };
  const family = version === '3.0' || version === 3 ? '3.0' : version === '3.1' || version === 3.1 ? '3.1' : undefined;
  if (family) {
    const full = family === '3.1' ? '3.1.0' : '3.0.3';
    return {
      family,
      warning: {
        code: 'openapi-version-incomplete',
        severity: 'warning',
        message: `\`openapi: ${typeof version === 'string' ? `"${version}"` : `${version} (a number)`}\` has no patch version; it is read as ${full}.`,
        location: at('/openapi'),
        hint: `Write the full version as a string: \`openapi: "${full}"\`.`,
      },
    };
  }
  if (version === undefined) {
    return { code: 'not-openapi', severity: 'error', message: 'The document has no `openapi` version field.', location: at(''), hint: 'Add `openapi: 3.0.3` (or 3.1.0) at the top.' };
  }
  const written =
    typeof version === 'string' ? `"${version}"`
    : version === null ? 'null'
    : typeof version !== 'object' ? `${String(version)} (a ${typeof version})`
    : Array.isArray(version) ? '[…] (a list)' : '{…} (a mapping)';
  return {
    code: 'unsupported-openapi-version',
    severity: 'error',
    message: `\`openapi: ${written}\` is not a version gateform reads; it reads 3.0.x and 3.1.x.`,
    location: at('/openapi'),
    hint: 'Write the full version as a string, such as "3.0.3" or "3.1.0".',
  };
}

function toPath(url: string): string {
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}

/**
 * Map a pointer into the bundled document to where its node was written, following `$ref`s (internal
 * ones, and the external ones bundling replaced) through the files as the user wrote them.
 */
function locateIn(pointer: string, rootPath: string, files: ReadonlyMap<string, SourceFile>): Location {
  let filePath = rootPath;
  let file = files.get(rootPath)!;
  let node: unknown = file.value;
  let here = '';
  for (const token of splitPointer(pointer)) {
    for (let hops = 0; hops < 32 && isRefNode(node) && !Object.hasOwn(node, token); hops += 1) {
      const target = refTarget(node.$ref, filePath, files);
      if (!target) break;
      ({ filePath, file, pointer: here } = target);
      node = valueAtPointer(file.value, here);
    }
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[token];
    here += '/' + escapePointerToken(token);
    if (node === undefined) break;
  }
  return { file: file.path, pointer: here };
}

function isRefNode(node: unknown): node is { $ref: string } {
  return node !== null && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string';
}

function refTarget(ref: string, fromPath: string, files: ReadonlyMap<string, SourceFile>): { filePath: string; file: SourceFile; pointer: string } | undefined {
  const hash = ref.indexOf('#');
  const target = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1));
  const filePath = target === '' ? fromPath : resolvePath(dirname(fromPath), target);
  const file = files.get(filePath);
  return file ? { filePath, file, pointer: fragment } : undefined;
}


interface RefError {
  readonly message: string;
  readonly source?: string;
  readonly path?: readonly (string | number)[] | null;
  readonly code?: string;
}

/** Turn json-schema-ref-parser's errors into diagnostics at the `$ref` that failed. */
function refDiagnostics(error: unknown, root: SourceFile, files: ReadonlyMap<string, SourceFile>): Diagnostic[] {
  const errors: RefError[] =
    error !== null && typeof error === 'object' && Array.isArray((error as { errors?: unknown }).errors)
      ? (error as { errors: RefError[] }).errors
      : [{ message: error instanceof Error ? error.message : String(error) }];
  return errors
    .filter((e) => e.code !== 'EPARSER') // already reported as a syntax error in that file
    .map((e) => {
      const source = e.source ? files.get(toPath(e.source.split('#')[0]!)) : undefined;
      const file = source ?? root;
      const pointer = e.path ? e.path.map((t) => '/' + escapePointerToken(t)).join('') : '';
      const refPointer = file.positionOf(pointer + '/$ref') ? pointer + '/$ref' : pointer;
      return {
        code: 'unresolved-ref',
        severity: 'error',
        message: cleanRefMessage(e.message, root),
        location: { file: file.path, pointer: file.positionOf(refPointer) ? refPointer : '' },
        hint: 'Check the file name (relative to the file that holds the $ref) and the JSON pointer after `#`.',
      } satisfies Diagnostic;
    });
}

function cleanRefMessage(message: string, root: SourceFile): string {
  const base = dirname(resolvePath(root.path));
  return message
    .replace(new RegExp(escapeRegExp(base + '/'), 'g'), '')
    .replace(/ENOENT: no such file or directory, open '[^']*'/, 'no such file')
    .split('\n')[0]!;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
