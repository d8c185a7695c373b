/**
 * `gateform.config.yaml`: the preset (`extends: recommended | strict | all`), severities per rule, and
 * ignores by file glob and JSON pointer. Found upward from the spec's folder, or named with --config.
 *
 * The file is checked in full (keys, types, rule ids, severities) before it is used: a config that
 * silently ignored more than it says would hide findings, so any problem in it is an `invalid-config`
 * error and the run exits 2.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import { readInput } from '../load/load-document.js';
import { parseSource } from '../load/parse.js';
import type { ReadOptions } from '../load/read-policy.js';
import type { SourceFile } from '../load/source-file.js';
import { closest } from '../model/x-gateway-schema.js';
import type { Preset, Rule, RuleSeverity } from './rule.js';

export const CONFIG_FILE = 'gateform.config.yaml';

export interface Ignore {
  readonly file?: (path: string) => boolean;
  readonly pointer?: string;
  readonly rules?: readonly string[];
  /** Why the team accepts these findings, as written in the config; shown with each finding it suppresses. */
  readonly reason: string;
}

export interface LintConfig {
  readonly preset: Preset;
  /** Severities by rule id, or by the code of a compiler warning (NON_FATAL_CODES). */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  readonly ignores: readonly Ignore[];
  /** Folder that ignore globs are relative to. */
  readonly root: string;
  /** `refs:`, what specs may read: the root folder (absolute) and remote refs. */
  readonly read?: ReadOptions;
}

export const DEFAULT_CONFIG: LintConfig = { preset: 'recommended', rules: {}, ignores: [], root: process.cwd() };

/**
 * Warnings and notes of the compiler (load, model, integrations) that `rules:` may set a severity for,
 * like a rule's. Its errors are not here: they mean no correct template can be written. Where the
 * compiler and a rule check the same thing (on x-gateway and on raw extensions), they share the rule's id.
 */
export const NON_FATAL_CODES: readonly string[] = [
  'api-key-without-usage-plan',
  'aws-spelling',
  'body-validation-content-type',
  'body-validation-not-json',
  'cache-any-method-unused',
  'cache-cluster-unused',
  'stages-over-quota',
  'cloudwatch-role-required',
  'cookie-not-validated',
  'cors-gateway-responses-origin',
  'cors-header-not-allowed',
  'cors-proxy-responses',
  'default-endpoint-disabled-without-domain',
  'deprecated-form',
  'domain-endpoint-not-admitted',
  'domain-mtls-default-endpoint',
  'gateway-response-not-customizable',
  'http-api-integrations-over-quota',
  'http-api-routes-over-quota',
  'http-url-params-unmapped',
  'lambda-permission-api-wide',
  'lambda-permission-not-generated',
  'model-keyword-dropped',
  'model-keyword-ignored',
  'model-name-renamed',
  'openapi-header-swagger2',
  'openapi-info-incomplete',
  'openapi-parameter-oas3',
  'openapi-responses-empty',
  'openapi-version-incomplete',
  'policy-accounts-exclude-anonymous',
  'policy-accounts-without-iam',
  'routing-rules-over-quota',
  'service-binary-media-types',
  'service-key-unknown',
  'stream-edge-idle',
  'template-needs-s3',
  'usage-plan-burst-below-rate',
  'usage-plan-method-without-api-key',
  'usage-plan-quota-offset',
  'usage-plan-without-api-key',
  'websocket-authorizer-no-cache',
  'websocket-no-default-route',
  'websocket-reply-lifecycle',
  'websocket-route-unreachable',
  'websocket-schema-lifecycle',
  'websocket-stage-no-tracing',
];

const PRESETS: readonly Preset[] = ['recommended', 'strict', 'all'];
const SEVERITIES: readonly RuleSeverity[] = ['error', 'warn', 'off'];
const KEYS = ['extends', 'rules', 'ignore', 'refs'];
const REFS_KEYS = ['root', 'remote'];
const IGNORE_KEYS = ['file', 'pointer', 'rules', 'reason'];

/** The config file that applies to `spec`: the nearest one upward from its folder. */
export function findConfig(spec: string): string | undefined {
  let dir = resolve(dirname(spec));
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface ConfigResult {
  /** Only when the file is valid. */
  readonly config?: LintConfig;
  /** The file as read (also when invalid), for code frames. */
  readonly file?: SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

/** Read as a regular file, within the size limit, not through a link out of its folder. */
export function loadConfig(path: string, rules: readonly Rule[]): ConfigResult {
  const shown = relative(process.cwd(), path) || path;
  const read = readInput(shown, dirname(resolve(path)));
  if (!('file' in read)) return { diagnostics: read.diagnostics };
  if (read.diagnostics.length > 0)
    return { file: read.file, diagnostics: read.diagnostics.map((d) => ({ ...d, code: 'invalid-config' })) };
  const parsed = parseSource(shown, read.file.text);
  if (!parsed.ok)
    return { file: parsed.file, diagnostics: parsed.diagnostics.map((d) => ({ ...d, code: 'invalid-config' })) };
  const diagnostics: Diagnostic[] = [];
  const problem = (pointer: string, message: string, hint: string): void => {
    diagnostics.push({ code: 'invalid-config', severity: 'error', message, location: { file: shown, pointer }, hint });
  };
  const ruleIds = rules.map((r) => r.meta.id);
  const folder = dirname(resolve(path));
  const config = readConfig(parsed.file.value ?? {}, [...ruleIds, ...NON_FATAL_CODES], folder, problem);
  if (diagnostics.length > 0) return { file: parsed.file, diagnostics };
  return { config: { ...config, root: folder }, file: parsed.file, diagnostics: widened(config.read ?? {}, shown) };
}

type Problem = (pointer: string, message: string, hint: string) => void;

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'a mapping'
        : `the ${typeof value} ${JSON.stringify(value)}`;
}

function suggestion(word: string, known: readonly string[]): string {
  // `warning` → `warn`: a known word the misspelling starts with is as good a guess as a close one.
  const guess = closest(word, known) ?? known.find((k) => word.startsWith(k));
  return guess ? ` Did you mean \`${guess}\`?` : '';
}

function unknownKeys(
  block: Record<string, unknown>,
  known: readonly string[],
  pointer: string,
  where: string,
  problem: Problem,
): void {
  for (const key of Object.keys(block)) {
    if (!known.includes(key))
      problem(
        childPointer(pointer, key),
        `Unknown key \`${key}\` in ${where}.${suggestion(key, known)}`,
        `Known keys: ${known.join(', ')}.`,
      );
  }
}

function readConfig(
  value: unknown,
  codes: readonly string[],
  folder: string,
  problem: Problem,
): Omit<LintConfig, 'root'> {
  if (!isMapping(value)) {
    problem(
      '',
      `${CONFIG_FILE} must be a mapping, not ${describe(value)}.`,
      'Write `extends:`, `rules:` and `ignore:` keys.',
    );
    return DEFAULT_CONFIG;
  }
  unknownKeys(value, KEYS, '', CONFIG_FILE, problem);
  const preset = value['extends'] ?? 'recommended';
  if (!PRESETS.includes(preset as Preset)) {
    problem(
      '/extends',
      `\`extends: ${typeof preset === 'string' ? preset : describe(preset)}\` is not a preset.${typeof preset === 'string' ? suggestion(preset, PRESETS) : ''}`,
      'Use recommended, strict or all.',
    );
  }
  return {
    preset: preset as Preset,
    rules: readSeverities(value['rules'] ?? {}, codes, problem),
    ignores: readIgnores(value['ignore'] ?? [], codes, problem),
    read: readRefs(value['refs'] ?? {}, folder, problem),
  };
}

/**
 * A config that widens what specs may read says so on every run (a note at `refs`): in a pull request it
 * is as untrusted as the spec, and a wider read policy should never go unseen.
 */
function widened(read: ReadOptions, file: string): Diagnostic[] {
  const what = [
    ...(read.root !== undefined ? [`files under ${read.root}`] : []),
    ...(read.remote ? ['remote URLs'] : []),
  ];
  if (what.length === 0) return [];
  return [
    {
      code: 'refs-widened',
      severity: 'info',
      message: `This config lets $refs read ${what.join(' and ')}.`,
      location: { file, pointer: '/refs' },
      hint: 'Review a change to `refs` like a change to code: it sets what a spec may read.',
    },
  ];
}

/** `refs: { root, remote }`: the folder `$ref`s may read under (relative to the config's folder), and remote refs. */
function readRefs(value: unknown, folder: string, problem: Problem): ReadOptions {
  if (!isMapping(value)) {
    problem(
      '/refs',
      `\`refs\` must be a mapping, not ${describe(value)}.`,
      'For example `refs: { root: .., remote: false }`.',
    );
    return {};
  }
  unknownKeys(value, REFS_KEYS, '/refs', '`refs`', problem);
  const { root, remote } = value;
  if (root !== undefined && (typeof root !== 'string' || root === ''))
    problem(
      '/refs/root',
      `\`root\` must be a folder, not ${describe(root)}.`,
      'A path relative to the folder of this file, such as `..`.',
    );
  if (remote !== undefined && typeof remote !== 'boolean')
    problem(
      '/refs/remote',
      `\`remote\` must be true or false, not ${describe(remote)}.`,
      'Remote (http and https) $refs are read only with `remote: true`.',
    );
  return {
    ...(typeof root === 'string' && root !== '' && { root: resolve(folder, root) }),
    ...(typeof remote === 'boolean' && { remote }),
  };
}

function readSeverities(value: unknown, codes: readonly string[], problem: Problem): Record<string, RuleSeverity> {
  if (!isMapping(value)) {
    problem(
      '/rules',
      `\`rules\` must be a mapping from rule id to severity, not ${describe(value)}.`,
      'For example `rules: { operation-no-auth: off }`.',
    );
    return {};
  }
  const severities: Record<string, RuleSeverity> = {};
  for (const [id, severity] of Object.entries(value)) {
    const at = childPointer('/rules', id);
    if (!codes.includes(id))
      problem(
        at,
        `\`${id}\` is not a rule.${suggestion(id, codes)}`,
        'See docs/rules/ for the rules; compiler warnings may be set by their code too.',
      );
    else if (!SEVERITIES.includes(severity as RuleSeverity))
      problem(
        at,
        `Severity ${typeof severity === 'string' ? `\`${severity}\`` : describe(severity)} is not one of ` +
          `error, warn, off.${typeof severity === 'string' ? suggestion(severity, SEVERITIES) : ''}`,
        'Use error, warn or off.',
      );
    else severities[id] = severity as RuleSeverity;
  }
  return severities;
}

function readIgnores(value: unknown, codes: readonly string[], problem: Problem): Ignore[] {
  if (!Array.isArray(value)) {
    problem(
      '/ignore',
      `\`ignore\` must be a list of { file, pointer, rules } entries, not ${describe(value)}.`,
      'For example `ignore: [{ file: "legacy/**" }]`.',
    );
    return [];
  }
  return value.flatMap((entry: unknown, index): Ignore[] => {
    const at = childPointer('/ignore', index);
    if (!isMapping(entry)) {
      problem(
        at,
        `An ignore entry must be a mapping with \`file\`, \`pointer\` and/or \`rules\`, not ${describe(entry)}.`,
        typeof entry === 'string'
          ? `Write \`- file: "${entry}"\` to ignore files by glob.`
          : 'For example `- { file: "legacy/**" }`.',
      );
      return [];
    }
    unknownKeys(entry, IGNORE_KEYS, at, 'an ignore entry', problem);
    const { file, pointer, rules, reason } = entry;
    if (typeof reason !== 'string' || reason.trim() === '')
      problem(
        reason === undefined ? at : childPointer(at, 'reason'),
        reason === undefined
          ? 'An ignore entry needs a `reason`: why these findings are accepted.'
          : `\`reason\` must be a sentence saying why these findings are accepted, not ${describe(reason)}.`,
        'For example `reason: "Generated by the legacy exporter; replaced in Q3."` It is shown with every finding the entry suppresses.',
      );
    if (file === undefined && pointer === undefined) {
      problem(
        at,
        'An ignore entry needs a `file` glob or a `pointer`; without them it would ignore the whole run.',
        'To turn a rule off everywhere, write `rules: { <rule>: off }` instead.',
      );
    }
    if (file !== undefined && (typeof file !== 'string' || file === ''))
      problem(
        childPointer(at, 'file'),
        `\`file\` must be a glob, not ${describe(file)}.`,
        'Globs are relative to the folder of the config file: `*`, `**` and `?` work.',
      );
    if (pointer !== undefined && (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/')))) {
      problem(
        childPointer(at, 'pointer'),
        `\`pointer\` must be a JSON pointer starting with \`/\`, not ${describe(pointer)}.`,
        'For example `/paths/~1pets~1{id}/get` (`~1` stands for `/`).',
      );
    }
    if (rules !== undefined) {
      if (!Array.isArray(rules) || rules.length === 0)
        problem(
          childPointer(at, 'rules'),
          `\`rules\` must be a non-empty list of rule ids, not ${describe(rules)}.`,
          'Leave `rules` out to ignore every rule there.',
        );
      else {
        rules.forEach((id: unknown, i) => {
          if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
            problem(
              childPointer(at, 'rules', i),
              `${typeof id === 'string' ? `\`${id}\`` : describe(id)} is not a rule id.`,
              'Rule ids and diagnostic codes are kebab-case, such as operation-no-auth.',
            );
          else if (!codes.includes(id) && closest(id, codes))
            problem(
              childPointer(at, 'rules', i),
              `\`${id}\` is not a rule.${suggestion(id, codes)}`,
              'See docs/rules/ for the rules.',
            );
        });
      }
    }
    return [
      {
        ...(typeof file === 'string' && { file: globMatcher(file) }),
        ...(typeof pointer === 'string' && { pointer }),
        ...(Array.isArray(rules) && { rules: rules.map(String) }),
        reason: typeof reason === 'string' ? reason.trim() : '',
      },
    ];
  });
}

/** The severity a rule runs at under a config. */
export function severityOf(rule: Rule, config: LintConfig): RuleSeverity {
  const configured = config.rules[rule.meta.id];
  if (configured) return configured;
  const { severity, strict } = rule.meta;
  if (config.preset === 'recommended') return severity;
  if (config.preset === 'strict') return strict ?? (severity === 'off' ? 'warn' : severity);
  return severity === 'error' || strict === 'error' ? 'error' : 'warn';
}

/** The ignore entry that applies to a finding, if any. */
export function ignoreOf(config: LintConfig, code: string, file: string, pointer: string): Ignore | undefined {
  const path = relative(config.root, resolve(file));
  return config.ignores.find(
    (ignore) =>
      (!ignore.file || ignore.file(path)) &&
      (!ignore.pointer || pointer === ignore.pointer || pointer.startsWith(ignore.pointer + '/')) &&
      (!ignore.rules || ignore.rules.includes(code)),
  );
}

/**
 * The config applied to the diagnostics of the loader and the model (the rules apply it as they report):
 * ignores take any diagnostic out (into `suppressed`, with the entry's reason, when given), and `rules:`
 * sets the severity of the compiler's warnings and notes. Errors other than rule findings keep their
 * severity; with `keepErrors` (compile) they are not ignored either, since no correct template can be
 * written past them.
 */
export function applyConfig(
  diagnostics: readonly Diagnostic[],
  config: LintConfig,
  keepErrors: boolean,
  suppressed?: Diagnostic[],
): Diagnostic[] {
  return diagnostics.flatMap((d): Diagnostic[] => {
    if (keepErrors && d.severity === 'error') return [d];
    const ignore = d.location?.file && ignoreOf(config, d.code, d.location.file, d.location.pointer);
    if (ignore) {
      suppressed?.push({ ...d, suppression: { kind: 'ignore', reason: ignore.reason } });
      return [];
    }
    const configured = d.severity === 'error' ? undefined : config.rules[d.code];
    if (configured === 'off') return [];
    return configured ? [{ ...d, severity: configured === 'error' ? 'error' : 'warning' }] : [d];
  });
}

type GlobToken =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one' | 'star' | 'any' | 'folders' };

/**
 * A glob as a test of paths: `*` matches within a folder, `**` across folders (before a slash, also
 * none), `?` one character. Matched by dynamic programming over (glob token, path offset), in time proportional
 * to their product: a regular expression would backtrack exponentially on `*a*a*a*…b`.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      tokens.push({ kind: glob[i + 2] === '/' ? 'folders' : 'any' });
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') tokens.push({ kind: 'star' });
    else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: c });
  }
  return (path) => {
    const n = path.length;
    // after[j]: tokens from the next one on match path.slice(j); filled from the last token back.
    let after = new Uint8Array(n + 1);
    after[n] = 1;
    for (let t = tokens.length - 1; t >= 0; t -= 1) {
      const token = tokens[t]!;
      const here = new Uint8Array(n + 1);
      let folderEnd = 0; // some `/` at or after j is followed by a match of the rest
      for (let j = n; j >= 0; j -= 1) {
        const c = path[j];
        if (token.kind === 'char') here[j] = j < n && c === token.char ? after[j + 1]! : 0;
        else if (token.kind === 'one') here[j] = j < n && c !== '/' ? after[j + 1]! : 0;
        else if (token.kind === 'star') here[j] = after[j] || (j < n && c !== '/' ? here[j + 1]! : 0);
        else if (token.kind === 'any') here[j] = after[j] || (j < n ? here[j + 1]! : 0);
        else {
          if (j < n && c === '/' && after[j + 1]) folderEnd = 1;
          here[j] = after[j] || folderEnd;
        }
      }
      after = here;
    }
    return after[0] === 1;
  };
}
