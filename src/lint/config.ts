/**
 * `gateform.config.yaml`: the preset (`extends: recommended | strict | all`), severities per rule, and
 * ignores by file glob and JSON pointer. Found upward from the spec's folder, or named with --config.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseSource } from '../load/parse.js';
import type { SourceFile } from '../load/source-file.js';
import type { Preset, Rule, RuleSeverity } from './rule.js';

export const CONFIG_FILE = 'gateform.config.yaml';

export interface Ignore {
  readonly file?: RegExp;
  readonly pointer?: string;
  readonly rules?: readonly string[];
}

export interface LintConfig {
  readonly preset: Preset;
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  readonly ignores: readonly Ignore[];
  /** Folder that ignore globs are relative to. */
  readonly root: string;
  readonly file?: SourceFile;
}

export const DEFAULT_CONFIG: LintConfig = { preset: 'recommended', rules: {}, ignores: [], root: process.cwd() };

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

export function loadConfig(path: string, rules: readonly Rule[]): { config?: LintConfig; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { diagnostics: [{ code: 'file-unreadable', severity: 'error', message: `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, location: { file: path, pointer: '' } }] };
  }
  const shown = relative(process.cwd(), path) || path;
  const parsed = parseSource(shown, text);
  if (!parsed.ok) return { diagnostics: [...parsed.diagnostics] };
  const value = (parsed.file.value ?? {}) as Record<string, unknown>;
  const diagnostics: Diagnostic[] = [];
  const problem = (pointer: string, message: string, hint: string): void => {
    diagnostics.push({ code: 'invalid-config', severity: 'error', message, location: { file: shown, pointer }, hint });
  };
  for (const key of Object.keys(value)) if (!['extends', 'rules', 'ignore'].includes(key)) problem(`/${key}`, `Unknown key \`${key}\` in ${CONFIG_FILE}.`, 'Known keys: extends, rules, ignore.');
  const preset = value['extends'] ?? 'recommended';
  if (preset !== 'recommended' && preset !== 'strict' && preset !== 'all') problem('/extends', `\`extends: ${String(preset)}\` is not a preset.`, 'Use recommended, strict or all.');
  const ids = new Set(rules.map((r) => r.meta.id));
  const severities: Record<string, RuleSeverity> = {};
  for (const [id, severity] of Object.entries((value['rules'] ?? {}) as Record<string, unknown>)) {
    if (!ids.has(id)) problem(`/rules/${id}`, `\`${id}\` is not a rule.`, 'See docs/rules/ for the rules.');
    else if (severity !== 'error' && severity !== 'warn' && severity !== 'off') problem(`/rules/${id}`, `Severity \`${String(severity)}\` is not one of error, warn, off.`, 'Use error, warn or off.');
    else severities[id] = severity;
  }
  const ignores = (Array.isArray(value['ignore']) ? value['ignore'] : []).map((entry: Record<string, unknown>) => ({
    ...(typeof entry['file'] === 'string' && { file: globToRegExp(entry['file']) }),
    ...(typeof entry['pointer'] === 'string' && { pointer: entry['pointer'] }),
    ...(Array.isArray(entry['rules']) && { rules: entry['rules'] as string[] }),
  }));
  if (diagnostics.length > 0) return { diagnostics };
  return { config: { preset: preset as Preset, rules: severities, ignores, root: dirname(path), file: parsed.file }, diagnostics };
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

export function isIgnored(config: LintConfig, ruleId: string, file: string, pointer: string): boolean {
  const path = relative(config.root, resolve(file));
  return config.ignores.some(
    (ignore) =>
      (!ignore.file || ignore.file.test(path)) &&
      (!ignore.pointer || pointer === ignore.pointer || pointer.startsWith(ignore.pointer + '/')) &&
      (!ignore.rules || ignore.rules.includes(ruleId)),
  );
}

/** `*` matches within a folder, `**` across folders, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
