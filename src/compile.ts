/** The whole compile: load → check → model → emit, one diagnostics stream (DESIGN.md principle 1). */
import { dirname } from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { childPointer, hasErrors } from './diagnostics/diagnostic.js';
import { emitTemplate } from './emit/template.js';
import { type ExternalBody, fitTemplate } from './emit/external-body.js';
import { type DeployTarget, targetProblem } from './emit/literal-body.js';
import type { CfnTemplate } from './model/cfn.js';
import { type OutputFormat, serializeTemplate } from './emit/serialize.js';
import { loadDocument, readInput } from './load/load-document.js';
import { parseSource } from './load/parse.js';
import { type ReadOptions, readPolicy } from './load/read-policy.js';
import type { SourceFile } from './load/source-file.js';
import { applyConfig, DEFAULT_CONFIG, findConfig, type LintConfig, loadConfig } from './lint/config.js';
import { lintDocument } from './lint/engine.js';
import { RULES } from './lint/rules/index.js';
import { buildModel } from './model/build-model.js';
import { type BaseTemplate, baseTemplateOf } from './model/base-template.js';
import { isBlock } from './model/context.js';
import type { GatewayModel } from './model/ir.js';

export interface CompileOptions {
  /** A CloudFormation or SAM template to merge the output into. */
  readonly into?: string;
  /** The lint configuration; default: gateform.config.yaml found upward from the spec, else recommended. */
  readonly config?: LintConfig;
  /** The config file to read instead of the one found upward (`--config`); its problems are diagnostics. */
  readonly configFile?: string;
  /** What the spec may read, over the config's `refs` (docs/cli.md, "Read policy and limits"). */
  readonly read?: ReadOptions;
  /** The form the template will be written in, whose size decides how it can be deployed; default yaml. */
  readonly format?: OutputFormat;
  /**
   * Where the template will be written, without its extension (`out` for `out.yaml`), relative to its
   * folder: a template over CloudFormation's 1,000,000 bytes gets its Body in `<stem>.body-<hash>.json`.
   */
  readonly bodyFileStem?: string;
  /**
   * The Region and account the template will be deployed to: a Body that must move to S3 gets its
   * intrinsics written for them (docs/large-specs.md). Unused when the template fits.
   */
  readonly target?: DeployTarget;
}

export interface CompileResult {
  /** Present only when there is no error-level diagnostic. */
  readonly template?: CfnTemplate;
  /** The template as written, in the `format` asked for (serialized once: its size is checked on it). */
  readonly text?: string;
  /** The API's OpenAPI Body, when it must be written beside the template (`BodyS3Location` names it). */
  readonly body?: ExternalBody;
  readonly model?: GatewayModel;
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, by the path diagnostics name, for printing code frames. */
  readonly files: ReadonlyMap<string, SourceFile>;
}

export async function compile(path: string, options: CompileOptions = {}): Promise<CompileResult> {
  const targetError = options.target && targetProblem(options.target);
  if (targetError !== undefined) throw new TypeError(`compile: ${targetError}`);
  const files = new Map<string, SourceFile>();
  // The config's own problems come first, reported even when the spec cannot be read; it sets the read
  // policy, then the loader's and the model's warnings, as in lint.
  const diagnostics: Diagnostic[] = [];
  const config =
    options.config ??
    (options.configFile !== undefined
      ? configAt(options.configFile, diagnostics, files)
      : configFor(path, diagnostics, files));
  let base: BaseTemplate | undefined;
  if (options.into !== undefined) {
    const read = readBase(options.into);
    if (read.file) files.set(read.file.path, read.file);
    if (!read.file || read.diagnostics.length > 0) return { diagnostics: [...diagnostics, ...read.diagnostics], files };
    base = baseTemplateOf(read.file);
  }
  const {
    loaded,
    diagnostics: loadDiagnostics,
    files: read,
  } = await loadDocument(path, readPolicy(path, { ...config.read, ...options.read }));
  for (const [name, file] of read) files.set(name, file);
  if (!loaded || hasErrors(loadDiagnostics)) return { diagnostics: [...diagnostics, ...loadDiagnostics], files };
  const { model, diagnostics: modelDiagnostics } = buildModel(loaded, base ? { base } : {});
  diagnostics.push(...applyConfig([...loadDiagnostics, ...modelDiagnostics], config, true));
  // The lint rules run on every compile, beside the model's checks: an error-level finding stops the template.
  diagnostics.push(...lintDocument(loaded, model, config));
  if (!model || hasErrors(diagnostics)) return { diagnostics, files, ...(model && { model }) };

  const emitted = emitTemplate(model, loaded, base);
  diagnostics.push(...applyConfig(emitted.diagnostics, config, true));
  if (hasErrors(diagnostics)) return { diagnostics, files, model };
  const fitted = fitTemplate(emitted.template, model, options.bodyFileStem, {
    ...(options.target && { target: options.target }),
  });
  diagnostics.push(...applyConfig(fitted.diagnostics, config, true));
  if (hasErrors(diagnostics)) return { diagnostics, files, model };
  const format = options.format ?? 'yaml';
  const text = serializeTemplate(fitted.template, format);
  diagnostics.push(...applyConfig(inlineSize(text, format, model), config, true));
  return { template: fitted.template, text, ...(fitted.body && { body: fitted.body }), model, diagnostics, files };
}

/**
 * CloudFormation takes a template body of at most 51,200 bytes in the request itself; a larger one must be
 * uploaded to S3 first (`aws cloudformation deploy --s3-bucket`, `sam deploy` does it for you).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
const INLINE_TEMPLATE_BYTES = 51_200;

function inlineSize(text: string, format: OutputFormat, model: GatewayModel): Diagnostic[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= INLINE_TEMPLATE_BYTES) return [];
  return [
    {
      code: 'template-needs-s3',
      severity: 'warning',
      message:
        `The template is ${bytes} bytes as ${format === 'yaml' ? 'YAML' : 'JSON'}, over the ` +
        `${INLINE_TEMPLATE_BYTES} bytes CloudFormation accepts inline: it must be deployed from S3.`,
      location: model.api.origin,
      hint: 'Deploy with `aws cloudformation deploy --s3-bucket <bucket>` (or `sam deploy`, which uploads it), or `aws cloudformation package` first.',
    },
  ];
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

/** The --into template, named by the user: read as a regular file, within the size limit, not through a link out of its folder. */
function readBase(path: string): { file?: SourceFile; diagnostics: readonly Diagnostic[] } {
  const read = readInput(path, dirname(path));
  if (!('file' in read))
    return {
      diagnostics: read.diagnostics.map((d) =>
        d.code === 'file-unreadable'
          ? { ...d, hint: 'The --into template is read relative to the current directory.' }
          : d,
      ),
    };
  if (read.diagnostics.length > 0) return read;
  const parsed = parseSource(path, read.file.text);
  if (!parsed.ok) return parsed;
  return { file: parsed.file, diagnostics: templateShapeProblems(parsed.file) };
}

/** The sections of a template gateform reads or merges into, each a mapping of logical IDs. */
const TEMPLATE_SECTIONS = ['Parameters', 'Conditions', 'Resources', 'Outputs'] as const;

/**
 * What makes the --into template unusable before anything is merged into it: not a mapping, no
 * `Resources`, a section that is not a mapping of logical IDs, a resource without a `Type`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
function templateShapeProblems(file: SourceFile): Diagnostic[] {
  const problem = (pointer: string, message: string, hint: string): Diagnostic => ({
    code: 'not-a-template',
    severity: 'error',
    message,
    location: { file: file.path, pointer },
    hint,
  });
  const value = file.value;
  if (!isBlock(value) || !Object.hasOwn(value, 'Resources')) {
    return [
      problem(
        '',
        `${file.path} is not a CloudFormation template (it has no Resources section).`,
        '--into takes a CloudFormation or SAM template.',
      ),
    ];
  }
  const problems: Diagnostic[] = [];
  for (const section of TEMPLATE_SECTIONS) {
    const block = value[section];
    // An empty section (`Outputs:` with nothing under it) is read as none.
    if (block === undefined || (block === null && section !== 'Resources')) continue;
    if (!isBlock(block)) {
      problems.push(
        problem(
          `/${section}`,
          `\`${section}\` of ${file.path} is ${describeValue(block)}, not a mapping of logical IDs.`,
          `Write ${section} as a mapping (\`${section}: { MyName: { … } }\`), or leave it out.`,
        ),
      );
    } else if (section === 'Resources') {
      for (const [id, resource] of Object.entries(block)) {
        if (!isBlock(resource) || typeof resource['Type'] !== 'string')
          problems.push(
            problem(
              childPointer('/Resources', id),
              `The resource \`${id}\` of ${file.path} has no \`Type\`.`,
              'Every resource is a mapping with a `Type` (e.g. `Type: AWS::SQS::Queue`).',
            ),
          );
      }
    }
  }
  return problems;
}

/** What a value is, for a message: "a list", "the number 5", "the text \"x\"". */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return `the ${typeof value} ${JSON.stringify(value)}`;
}
