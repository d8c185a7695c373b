/**
 * Load an OpenAPI document: read and parse the main file, bundle its `$ref`s across files with
 * swagger-parser (which reads every referenced file through our parser, so tags and positions work there
 * too), and validate the OpenAPI structure. Every problem becomes a diagnostic; nothing throws.
 */
import { dirname, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { escapePointerToken, splitPointer, valueAtPointer } from '../diagnostics/diagnostic.js';
import { parseSource } from './parse.js';
import {
  decodeUtf8,
  fetchRemote,
  LIMITS,
  megabytes,
  type ReadFailure,
  readPolicy,
  type ReadPolicy,
  type ReadResult,
  readUnder,
} from './read-policy.js';
import { SourceFile } from './source-file.js';
import { structureDiagnostics } from './structure.js';
import { convertSwagger2 } from './swagger2.js';

export type JsonObject = Record<string, unknown>;

export interface LoadedDocument {
  /** The main file. */
  readonly root: SourceFile;
  /** The bundled document: every external `$ref` inlined or turned into an internal one. */
  readonly document: JsonObject;
  /** Every file read, by the path shown to the user. */
  readonly files: ReadonlyMap<string, SourceFile>;
  /** OpenAPI version family of `document` (a Swagger 2.0 input is read as 3.0). */
  readonly version: '3.0' | '3.1';
  /** Set when the input is Swagger 2.0: `document` is its reading in OpenAPI 3.0 shapes (swagger2.ts). */
  readonly swagger?: '2.0';
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

/** Read a file named on the command line (a spec, a config, a template) under the read policy's root. */
export function readInput(
  path: string,
  root: string,
): { file: SourceFile; diagnostics: readonly Diagnostic[] } | { diagnostics: readonly Diagnostic[] } {
  const read = readUnder(path, root);
  if (!read.ok) return { diagnostics: [unreadable(path, read)] };
  const decoded = decodeUtf8(read.bytes);
  if (decoded.ok) return { file: new SourceFile(path, decoded.text, undefined), diagnostics: [] };
  return { file: new SourceFile(path, decoded.text, undefined), diagnostics: [invalidEncoding(path, decoded)] };
}

export interface LoadOptions {
  /** Read Swagger 2.0 documents too (lint checks them; compile reads OpenAPI 3 only). */
  readonly swagger2?: boolean;
}

export async function loadDocument(
  path: string,
  policy: ReadPolicy = readPolicy(path),
  options: LoadOptions = {},
): Promise<LoadResult> {
  const read = readInput(path, policy.root);
  if (!('file' in read)) return { diagnostics: read.diagnostics, files: new Map() };
  if (read.diagnostics.length > 0) return { diagnostics: read.diagnostics, files: new Map([[path, read.file]]) };
  return loadText(path, read.file.text, policy, options);
}

/** Load from text already read; `path` names the file and is the base for relative `$ref`s. */
export async function loadText(
  path: string,
  text: string,
  policy: ReadPolicy = readPolicy(path),
  options: LoadOptions = {},
): Promise<LoadResult> {
  const parsed = parseSource(path, text);
  const root = parsed.file;
  const rootOnly = new Map([[root.path, root]]);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics, files: rootOnly };
  const version = checkVersion(root, options.swagger2 === true);
  if ('code' in version) return { diagnostics: [version], files: rootOnly };

  const absoluteRoot = resolvePath(path);
  const byAbsolute = new Map<string, SourceFile>([[absoluteRoot, root]]);
  const diagnostics: Diagnostic[] = version.warning ? [version.warning] : [];
  let document: JsonObject;
  const refs = collectRefs(root.value);
  if (!refs.some(({ ref }) => !ref.startsWith('#'))) {
    // Nothing to bundle: skip the resolver's walk of the whole document, and only check that every
    // internal `$ref` names a node. A `$ref` that names nothing is reported and the rest is still checked:
    // it stays in the document, and whatever follows it finds no node (compile stops at the error).
    document = structuredClone(root.value) as JsonObject;
    const builtIn = !isGatewaySpec(root)
      ? []
      : version.family === '2.0'
        ? BUILT_IN_MODELS.map((m) => m.replace('#/components/schemas/', '#/definitions/'))
        : BUILT_IN_MODELS;
    diagnostics.push(...refs.flatMap(({ pointer, ref }) => checkRef(byAbsolute, absoluteRoot, pointer, ref, builtIn)));
  } else {
    await readReferenced(absoluteRoot, Buffer.byteLength(text), policy, byAbsolute, diagnostics);
    for (const [key, file] of byAbsolute) {
      if (file.value !== undefined)
        diagnostics.push(
          ...collectRefs(file.value).flatMap(({ pointer, ref }) => checkRef(byAbsolute, key, pointer, ref, [])),
        );
    }
    // A `$ref` that failed (reported above) stays in the document as written, and the rest is still
    // bundled and checked: whatever follows it finds no node (compile stops at the error).
    const reported = diagnostics.some((d) => d.severity === 'error');
    const bundled = await bundle(absoluteRoot, root.value as JsonObject, byAbsolute);
    if (bundled.error !== undefined && !reported) diagnostics.push(...refDiagnostics(bundled.error, root, byAbsolute));
    if (bundled.document === undefined) return { diagnostics, files: byPath(byAbsolute) };
    document = bundled.document;
  }

  const files = byPath(byAbsolute);
  const locate = (pointer: string): Location => locateIn(pointer, absoluteRoot, byAbsolute);
  if (version.family === '2.0') {
    if (version.warning) document['swagger'] = '2.0';
    diagnostics.push(...structureDiagnostics(document, '2.0', locate));
    const converted = convertSwagger2(document);
    const loaded: LoadedDocument = {
      root,
      document: converted.document,
      files,
      version: '3.0',
      swagger: '2.0',
      locate: (pointer) => locate(converted.original(pointer)),
    };
    return { loaded, diagnostics, files };
  }
  if (version.warning) document['openapi'] = version.family === '3.1' ? '3.1.0' : '3.0.3';
  const loaded: LoadedDocument = { root, document, files, version: version.family, locate };
  diagnostics.push(...structureDiagnostics(document, loaded.version, locate));
  return { loaded, diagnostics, files };
}

/** Where an external `$ref` leads: an absolute path or an http(s) URL (its key in the files read), and the JSON pointer. */
type RefTarget =
  | { readonly key: string; readonly remote: boolean; readonly fragment: string }
  | { readonly refused: string };

function isRemote(key: string): boolean {
  return /^https?:/.test(key);
}

function refTarget(ref: string, fromKey: string, policy?: ReadPolicy): RefTarget {
  const hash = ref.indexOf('#');
  const [target, fragment] = hash < 0 ? [ref, ''] : [ref.slice(0, hash), ref.slice(hash + 1)];
  if (target === '') return { key: fromKey, remote: isRemote(fromKey), fragment };
  let url: URL;
  try {
    url = new URL(target, isRemote(fromKey) ? fromKey : pathToFileURL(fromKey));
  } catch {
    return { refused: 'it is neither a relative path nor a URL' };
  }
  if (url.protocol === 'file:') return { key: fileURLToPath(url), remote: false, fragment };
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { refused: `\`${url.protocol}\` URLs are not read` };
  if (policy && !policy.remote) return { refused: 'remote $refs are off' };
  url.hash = '';
  return { key: url.href, remote: true, fragment };
}

/**
 * Read every file the `$ref`s reach, under the read policy, into `files` (by absolute path or URL). A
 * `$ref` that is refused, over a limit, unreadable or empty gets a diagnostic at the `$ref`, which names
 * the rule and never shows what the target holds.
 */
async function readReferenced(
  rootKey: string,
  rootBytes: number,
  policy: ReadPolicy,
  files: Map<string, SourceFile>,
  diagnostics: Diagnostic[],
): Promise<void> {
  let total = rootBytes;
  /** Why each target that failed did; null when its own diagnostics say it (a syntax error in it). */
  const failures = new Map<string, RefFailure | null>();
  const read = async (key: string, remote: boolean): Promise<RefFailure | null | undefined> => {
    const result: ReadResult = remote ? await fetchRemote(key) : readUnder(key, policy.root);
    if (!result.ok)
      return {
        code:
          result.kind === 'refused' ? 'ref-refused' : result.kind === 'limit' ? 'document-too-large' : 'unresolved-ref',
        reason: result.reason,
        hint:
          result.kind === 'unreadable'
            ? 'Check the file name (relative to the file that holds the $ref).'
            : result.hint,
      };
    total += result.bytes.length;
    if (total > LIMITS.totalBytes)
      return {
        code: 'document-too-large',
        reason: `the files read would pass ${megabytes(LIMITS.totalBytes)}, the limit for a spec and its $refs`,
        hint: 'Split the API into several specs.',
      };
    const shown = remote ? key : relative(process.cwd(), key) || key;
    const decoded = decodeUtf8(result.bytes);
    const parsed = decoded.ok ? parseSource(shown, decoded.text) : undefined;
    files.set(key, parsed?.file ?? new SourceFile(shown, decoded.text, undefined));
    if (!decoded.ok) diagnostics.push(invalidEncoding(shown, decoded));
    if (!parsed?.ok) {
      diagnostics.push(...(parsed?.diagnostics ?? []));
      return null;
    }
    if (parsed.file.value === null || parsed.file.value === undefined)
      return {
        code: 'unresolved-ref',
        reason: 'empty',
        hint: 'Write the object the $ref stands for in that file, or point the $ref at a file that has it.',
      };
    return undefined;
  };
  const queue = [rootKey];
  for (const fromKey of queue) {
    const from = files.get(fromKey)!;
    for (const { pointer, ref } of collectRefs(from.value)) {
      if (ref.startsWith('#')) continue;
      const target = refTarget(ref, fromKey, policy);
      let failure: RefFailure | null | undefined;
      if ('refused' in target) {
        failure = {
          code: 'ref-refused',
          reason: target.refused,
          hint: 'Enable remote $refs with `--remote-refs` or `refs.remote: true` in gateform.config.yaml, or name a file under the root.',
        };
      } else {
        if (!files.has(target.key) && !failures.has(target.key)) {
          const outcome = await read(target.key, target.remote);
          if (outcome === undefined) queue.push(target.key);
          else failures.set(target.key, outcome);
        }
        failure = failures.get(target.key);
      }
      if (!failure) continue;
      const message =
        failure.reason === 'empty' ? `\`${ref}\` names an empty file.` : `\`${ref}\` is not read: ${failure.reason}.`;
      diagnostics.push({
        code: failure.code,
        severity: 'error',
        message,
        location: { file: from.path, pointer: pointer + '/$ref' },
        hint: failure.hint,
      });
    }
  }
}

interface RefFailure {
  readonly code: string;
  /** Why the target is not read, or `empty`. */
  readonly reason: string;
  readonly hint: string;
}

/**
 * Bundle with swagger-parser, which reads nothing itself: every file was read (under the read policy) and
 * parsed (with our parser, so tags and positions work there too) into `files`. With `continueOnError`, a
 * `$ref` it cannot follow (a file that was not read, a pointer that names nothing) is left as written,
 * the others are bundled, and the errors come with the document.
 */
async function bundle(
  absoluteRoot: string,
  value: JsonObject,
  files: ReadonlyMap<string, SourceFile>,
): Promise<{ document?: JsonObject; error?: unknown }> {
  const read = (file: { url: string }): SourceFile => {
    const read = files.get(keyOf(file.url));
    if (read === undefined) throw new Error(`${file.url} was not read`);
    return read;
  };
  // Loaded only here: most specs have no external `$ref`, and swagger-parser is the slowest module to load.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  const parser = new SwaggerParser();
  // swagger-parser refuses a version written as a number (`swagger: 2.0`, `info.version: 1`), which
  // gateform reports as a warning: it bundles them as strings, and they are put back as written.
  const copy = structuredClone(value);
  for (const key of ['swagger', 'openapi']) if (typeof copy[key] === 'number') copy[key] = String(copy[key]);
  const info = copy['info'] as JsonObject | undefined;
  const version = info?.['version'];
  if (typeof version === 'number') info!['version'] = String(version);
  const asWritten = (document: JsonObject): JsonObject => {
    for (const key of ['swagger', 'openapi']) if (typeof value[key] === 'number') document[key] = value[key];
    const bundledInfo = document['info'] as JsonObject | undefined;
    if (typeof version === 'number' && bundledInfo) bundledInfo['version'] = version;
    return document;
  };
  const bundling = parser.bundle(
    absoluteRoot,
    copy as never,
    {
      continueOnError: true,
      resolve: {
        file: false,
        http: false,
        external: true,
        gateform: { order: 1, canRead: true, read: (file: { url: string }) => read(file).text },
      },
      parse: {
        json: false,
        yaml: false,
        text: false,
        binary: false,
        gateform: { order: 1, canParse: true, allowEmpty: true, parse: (file: { url: string }) => read(file).value },
      },
    } as never,
  );
  try {
    return { document: asWritten((await bundling) as unknown as JsonObject) };
  } catch (error) {
    const partial: unknown = parser.api;
    return partial !== null && typeof partial === 'object'
      ? { document: asWritten(partial as JsonObject), error }
      : { error };
  }
}

/** Every `$ref` of a document, in document order, found in one walk (iterative: nesting depth is bounded only by parseSource). */
function collectRefs(value: unknown): { pointer: string; ref: string }[] {
  const refs: { pointer: string; ref: string }[] = [];
  // Each entry links to its parent's, so that a pointer is only spelled out for a node with a `$ref`.
  interface Entry {
    readonly node: object;
    readonly key: string;
    readonly parent: Entry | undefined;
  }
  const pointerOf = (entry: Entry): string => {
    const tokens: string[] = [];
    for (let e: Entry | undefined = entry; e?.parent; e = e.parent) tokens.push(escapePointerToken(e.key));
    return tokens.length === 0 ? '' : '/' + tokens.reverse().join('/');
  };
  const stack: Entry[] =
    value !== null && typeof value === 'object' ? [{ node: value, key: '', parent: undefined }] : [];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const node = entry.node;
    const ref = (node as { $ref?: unknown }).$ref;
    // `#name` names a 3.1 `$anchor`: the model resolves those, knowing where anchors may stand.
    if (typeof ref === 'string' && !Array.isArray(node) && (!ref.startsWith('#') || isPointerRef(ref)))
      refs.push({ pointer: pointerOf(entry), ref });
    // Pushed last first, so that refs are found (and reported) in document order.
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const child = (node as Record<string, unknown>)[keys[i]!];
      if (child !== null && typeof child === 'object') stack.push({ node: child, key: keys[i]!, parent: entry });
    }
  }
  return refs;
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
 * A `$ref` must name a node (or one of `builtIn`), following the `$ref`s on its way, in this file and
 * the others read, and must not lead back to itself through `$ref`s alone (a schema that contains itself
 * further down is fine). A file that was not read has had its diagnostic.
 */
function checkRef(
  files: ReadonlyMap<string, SourceFile>,
  fromKey: string,
  pointer: string,
  ref: string,
  builtIn: readonly string[],
): Diagnostic[] {
  const from = files.get(fromKey)!;
  const problem = (message: string, hint: string): Diagnostic[] => [
    {
      code: 'unresolved-ref',
      severity: 'error',
      message,
      location: { file: from.path, pointer: pointer + '/$ref' },
      hint,
    },
  ];
  const seen = new Set<string>([`${fromKey}#${pointer}`]);
  let [key, next] = [fromKey, ref];
  for (;;) {
    const target = refTarget(next, key);
    if ('refused' in target) return [];
    const file = files.get(target.key);
    if (file?.value === undefined || file.value === null) return [];
    let fragment: string;
    try {
      fragment = decodeURIComponent(target.fragment);
    } catch {
      return problem(`\`${next}\` is not a valid JSON pointer.`, 'Percent-encode only whole characters in a $ref.');
    }
    const found = walkToTarget(file.value, fragment);
    if (found === 'elsewhere') return [];
    if (found === undefined && target.key === fromKey && builtIn.includes(next)) return [];
    if (found === undefined)
      return problem(
        `\`${next}\` names nothing in ${file === from ? 'this document' : file.path}.`,
        'Check the JSON pointer after `#` (`~1` stands for `/`, `~0` for `~`).',
      );
    if (seen.has(`${target.key}#${found.pointer}`))
      return problem(
        `\`${ref}\` is circular: following it through $refs never reaches an object.`,
        'Point one of the $refs in the loop at the object itself.',
      );
    seen.add(`${target.key}#${found.pointer}`);
    const after = (found.node as { $ref?: unknown } | null)?.$ref;
    if (typeof after !== 'string' || (after.startsWith('#') && !isPointerRef(after))) return [];
    [key, next] = [target.key, after];
  }
}

function isPointerRef(ref: string): boolean {
  return ref === '#' || ref.startsWith('#/');
}

/**
 * The node at `pointer`, following the internal `$ref`s met on the way; undefined when there is none,
 * `elsewhere` when the way goes through a `$ref` to another file (the bundler follows those).
 */
function walkToTarget(root: unknown, pointer: string): { node: unknown; pointer: string } | undefined | 'elsewhere' {
  let node = root;
  let here = '';
  for (const token of splitPointer(pointer)) {
    for (let hops = 0; hops < 32 && isRefNode(node) && !Object.hasOwn(node, token); hops += 1) {
      if (!node.$ref.startsWith('#')) return 'elsewhere';
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

function unreadable(path: string, failure: ReadFailure): Diagnostic {
  const code = (failure.error as NodeJS.ErrnoException | undefined)?.code;
  return {
    code: failure.kind === 'limit' ? 'document-too-large' : 'file-unreadable',
    severity: 'error',
    message: `Cannot read ${path}: ${failure.reason}`,
    location: { file: path, pointer: '' },
    hint:
      code === 'EISDIR' || failure.reason === 'it is a folder, and only regular files are read'
        ? `Name the spec files, or a glob such as '${path.replace(/\/$/, '')}/**/*.yaml' (quoted, so that the shell leaves it to gateform).`
        : failure.kind === 'unreadable'
          ? 'Check the path; it is taken relative to the current directory.'
          : failure.hint,
  };
}

/** Invalid UTF-8, which would otherwise be replaced without a word, at its first byte. */
function invalidEncoding(path: string, at: { line: number; column: number }): Diagnostic {
  return {
    code: 'invalid-encoding',
    severity: 'error',
    message: 'The file is not valid UTF-8.',
    location: { file: path, pointer: '', position: { line: at.line, column: at.column } },
    hint: 'Save the file as UTF-8; YAML and JSON documents are read as UTF-8.',
  };
}

/**
 * The OpenAPI version family, or a diagnostic saying why the document is not one we compile. A version
 * without its patch number (`"3.0"`, or `3.0` read as a number) is read as the family's usual version, with
 * a warning.
 */
function checkVersion(
  file: SourceFile,
  swagger2: boolean,
): { family: '2.0' | '3.0' | '3.1'; warning?: Diagnostic } | Diagnostic {
  const value = file.value;
  const at = (pointer: string): Location => ({ file: file.path, pointer });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    // An empty document has no node to point at: its first line stands for it.
    const location = value === null || value === undefined ? { ...at(''), position: { line: 1, column: 1 } } : at('');
    return {
      code: 'not-openapi',
      severity: 'error',
      message: 'The document is not an OpenAPI object.',
      location,
      hint: 'An OpenAPI 3 document is a mapping with `openapi`, `info` and `paths`.',
    };
  }
  const doc = value as JsonObject;
  if ('swagger' in doc) {
    const swagger = doc['swagger'];
    if (swagger2 && swagger === '2.0') return { family: '2.0' };
    if (swagger2 && swagger === 2)
      return {
        family: '2.0',
        warning: {
          code: 'openapi-version-incomplete',
          severity: 'warning',
          message: '`swagger: 2.0` is the number 2 in YAML; it is read as "2.0".',
          location: at('/swagger'),
          hint: 'Write the version as a string: `swagger: "2.0"`.',
        },
      };
    const written = typeof swagger === 'string' || typeof swagger === 'number' ? ` ${swagger}` : '';
    return {
      code: 'unsupported-openapi-version',
      severity: 'error',
      message: swagger2
        ? `\`swagger:${written}\` is not a version gateform reads; it reads Swagger 2.0, OpenAPI 3.0 and 3.1.`
        : `Swagger${written} is not compiled; gateform compiles OpenAPI 3.0 and 3.1 (\`gateform lint\` checks Swagger 2.0 too).`,
      location: at('/swagger'),
      hint: 'Convert it to OpenAPI 3 first, e.g. `npx swagger2openapi spec.yaml -o openapi.yaml`.',
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
    return {
      code: 'not-openapi',
      severity: 'error',
      message: 'The document has no `openapi` version field.',
      location: at(''),
      hint: 'Add `openapi: 3.0.3` (or 3.1.0) at the top.',
    };
  }
  const written =
    typeof version === 'string'
      ? `"${version}"`
      : version === null
        ? 'null'
        : typeof version !== 'object'
          ? `${String(version)} (a ${typeof version})`
          : Array.isArray(version)
            ? '[…] (a list)'
            : '{…} (a mapping)';
  return {
    code: 'unsupported-openapi-version',
    severity: 'error',
    message: `\`openapi: ${written}\` is not a version gateform reads; it reads 3.0.x and 3.1.x.`,
    location: at('/openapi'),
    hint: 'Write the full version as a string, such as "3.0.3" or "3.1.0".',
  };
}

/** A URL or path from swagger-parser (percent-encoded) as the key of the files read: an absolute path, or an http(s) URL. */
function keyOf(url: string): string {
  const bare = url.split('#')[0]!;
  return isRemote(bare) ? bare : fileURLToPath(new URL(bare, 'file:///'));
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
      const target = locatedTarget(node.$ref, filePath, files);
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

function locatedTarget(
  ref: string,
  fromPath: string,
  files: ReadonlyMap<string, SourceFile>,
): { filePath: string; file: SourceFile; pointer: string } | undefined {
  const target = refTarget(ref, fromPath);
  const file = 'key' in target ? files.get(target.key) : undefined;
  if (!file || !('key' in target)) return undefined;
  try {
    return { filePath: target.key, file, pointer: decodeURIComponent(target.fragment) };
  } catch {
    return undefined;
  }
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
      const source = e.source ? files.get(keyOf(e.source)) : undefined;
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
