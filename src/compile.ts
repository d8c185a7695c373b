/** The whole compile: load → check → model → emit, one diagnostics stream (DESIGN.md principle 1). */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { emitTemplate } from './emit/template.js';
import type { CfnTemplate } from './model/cfn.js';
import { fsFailureReason, loadDocument } from './load/load-document.js';
import { parseSource } from './load/parse.js';
import type { SourceFile } from './load/source-file.js';
import { applyConfig, DEFAULT_CONFIG, findConfig, type LintConfig, loadConfig } from './lint/config.js';
import { lintDocument } from './lint/engine.js';
import { RULES } from './lint/rules/index.js';
import { buildModel } from './model/build-model.js';
import { type BaseTemplate, baseTemplateOf } from './model/base-template.js';
import type { GatewayModel } from './model/ir.js';

export interface CompileOptions {
  /** A CloudFormation or SAM template to merge the output into. */
  readonly into?: string;
  /** The lint configuration; default: gateform.config.yaml found upward from the spec, else recommended. */
  readonly config?: LintConfig;
  /** The config file to read instead of the one found upward (`--config`); its problems are diagnostics. */
  readonly configFile?: string;
}

export interface CompileResult {
  /** Present only when there is no error-level diagnostic. */
  readonly template?: CfnTemplate;
  readonly model?: GatewayModel;
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, by the path diagnostics name, for printing code frames. */
  readonly files: ReadonlyMap<string, SourceFile>;
}

export async function compile(path: string, options: CompileOptions = {}): Promise<CompileResult> {
  const files = new Map<string, SourceFile>();
  // The config's own problems come first, reported even when the spec cannot be read; it then sets the
  // loader's and the model's warnings, as in lint.
  const diagnostics: Diagnostic[] = [];
  const config = options.config ?? (options.configFile !== undefined ? configAt(options.configFile, diagnostics, files) : configFor(path, diagnostics, files));
  let base: BaseTemplate | undefined;
  if (options.into !== undefined) {
    const read = await readBase(options.into);
    if (read.file) files.set(read.file.path, read.file);
    if (!read.file || read.diagnostics.length > 0) return { diagnostics: [...diagnostics, ...read.diagnostics], files };
    base = baseTemplateOf(read.file);
  }
  const { loaded, diagnostics: loadDiagnostics, files: read } = await loadDocument(path);
  for (const [name, file] of read) files.set(name, file);
  if (!loaded || hasErrors(loadDiagnostics)) return { diagnostics: [...diagnostics, ...loadDiagnostics], files };
  const { model, diagnostics: modelDiagnostics } = buildModel(loaded, base ? { base } : {});
  diagnostics.push(...applyConfig([...loadDiagnostics, ...modelDiagnostics], config, true));
  // The lint rules run on every compile, beside the model's checks: an error-level finding stops the template.
  diagnostics.push(...lintDocument(loaded, model, config));
  if (!model || hasErrors(diagnostics)) return { diagnostics, files, ...(model && { model }) };

  const emitted = emitTemplate(model, loaded, base);
  diagnostics.push(...emitted.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics, files, model };
  return { template: emitted.template, model, diagnostics, files };
}

/** The config file found upward from the spec, or the recommended preset; its problems join `diagnostics`. */
export function configFor(spec: string, diagnostics: Diagnostic[], files: Map<string, SourceFile>): LintConfig {
  const path = findConfig(spec);
  return path ? configAt(path, diagnostics, files) : DEFAULT_CONFIG;
}

/** The config file at `path`, or the recommended preset when it cannot be used; its problems join `diagnostics`. */
export function configAt(path: string, diagnostics: Diagnostic[], files: Map<string, SourceFile>): LintConfig {
  const loaded = loadConfig(path, RULES);
  diagnostics.push(...loaded.diagnostics);
  if (loaded.file) files.set(loaded.file.path, loaded.file);
  return loaded.config ?? DEFAULT_CONFIG;
}

async function readBase(path: string): Promise<{ file?: SourceFile; diagnostics: readonly Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { diagnostics: [{ code: 'file-unreadable', severity: 'error', message: `Cannot read ${path}: ${fsFailureReason(error)}`, location: { file: path, pointer: '' }, hint: 'The --into template is read relative to the current directory.' }] };
  }
  const parsed = parseSource(path, text);
  if (!parsed.ok) return parsed;
  const value = parsed.file.value;
  if (value === null || typeof value !== 'object' || !('Resources' in value)) {
    return { file: parsed.file, diagnostics: [{ code: 'not-a-template', severity: 'error', message: `${path} is not a CloudFormation template (it has no Resources section).`, location: { file: path, pointer: '' }, hint: '--into takes a CloudFormation or SAM template.' }] };
  }
  return { file: parsed.file, diagnostics: [] };
}
