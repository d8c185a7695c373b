/** `gateform lint`: check specs against the gateway rules, in the formats CI tools read. */
import { readFileSync } from 'node:fs';
import { resolveDiagnostics } from '../diagnostics/resolve.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatGithub } from '../diagnostics/format/github.js';
import { formatJson } from '../diagnostics/format/json.js';
import { formatSarif } from '../diagnostics/format/sarif.js';
import { formatStylish } from '../diagnostics/format/stylish.js';
import { configAt } from '../compile.js';
import { lint } from '../lint.js';
import { applyBaseline, readBaseline, writeBaseline } from '../lint/baseline.js';
import { DEFAULT_CONFIG, findConfig, type LintConfig } from '../lint/config.js';
import { sarifRules } from '../lint/codes.js';
import { IO_ERROR_CODES } from '../load/load-document.js';
import { fsFailureReason, type ReadOptions } from '../load/read-policy.js';
import type { SourceFile } from '../load/source-file.js';
import { flag, type FlagSpec, type ParsedArgs, parseArgs, readOptions, UsageError } from './args.js';
import { expandFiles } from './files.js';
import {
  EXIT_DIAGNOSTICS,
  EXIT_OK,
  EXIT_USAGE,
  type Io,
  outputRefusal,
  packageVersion,
  writeAtomically,
} from './io.js';

export const LINT_USAGE = `Usage: gateform lint <openapi.yaml | glob>... [options]

Check OpenAPI documents for API Gateway rules (x-gateway and raw x-amazon-apigateway-* extensions).

Options:
  --format <name>        stylish (default), json, sarif or github
  --config <file>        gateform.config.yaml to use (default: found upward from each spec)
  --max-warnings <n>     Exit 1 when there are more than n warnings
  -o, --output <file>    Write the report to <file> instead of stdout
  --baseline <file>      Accept the findings listed in <file>: only new ones count (and fail the run)
  --generate-baseline <file>
                         Write every finding of this run to <file> as the baseline, and exit 0
  --root <folder>        Folder the specs and their $refs are read under (default: the nearest
                         folder above each spec with .git or package.json, else the spec's)
  --remote-refs          Let $refs read http(s) URLs
  -h, --help             Show this help

Exit codes: 0 clean, 1 errors (or warnings over --max-warnings), 2 usage or I/O error.
`;

const FLAGS: readonly FlagSpec[] = [
  { name: 'format', value: true },
  { name: 'config', value: true },
  { name: 'max-warnings', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'baseline', value: true },
  { name: 'generate-baseline', value: true },
  { name: 'root', value: true },
  { name: 'remote-refs' },
  { name: 'help', short: 'h' },
];

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export async function runLint(argv: readonly string[], io: Io): Promise<number> {
  let format: Format;
  let maxWarnings: number | undefined;
  let read: ReadOptions;
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, FLAGS);
    if (args.flags.has('help')) {
      io.stdout(LINT_USAGE);
      return EXIT_OK;
    }
    if (args.positional.length === 0) throw new UsageError('no file given');
    format = (flag(args, 'format') ?? 'stylish') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${format}`);
    const max = flag(args, 'max-warnings');
    if (max !== undefined && !/^\d+$/.test(max))
      throw new UsageError(`--max-warnings takes a whole number, not ${max}`);
    maxWarnings = max === undefined ? undefined : Number(max);
    read = readOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`gateform lint: ${error.message}\n\n${LINT_USAGE}`);
    return EXIT_USAGE;
  }

  let diagnostics: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  const files = new Map<string, SourceFile>();
  const { files: specs, unmatched } = expandFiles(args.positional);
  for (const glob of unmatched)
    diagnostics.push({
      code: 'file-unreadable',
      severity: 'error',
      message: `No file matches ${glob}.`,
      hint: 'Globs are taken relative to the current directory.',
    });
  // Each config file is read once, however many specs it applies to, so its problems are reported once.
  const configs = new Map<string, LintConfig>();
  const configPath = flag(args, 'config');
  for (const spec of specs) {
    const path = configPath ?? findConfig(spec);
    const config =
      path === undefined
        ? DEFAULT_CONFIG
        : (configs.get(path) ?? configs.set(path, configAt(path, diagnostics, files)).get(path)!);
    const result = await lint(spec, config, read);
    diagnostics.push(...result.diagnostics);
    suppressed.push(...result.suppressed);
    for (const [name, file] of result.files) files.set(name, file);
  }

  const generate = flag(args, 'generate-baseline');
  if (generate !== undefined) return await generateBaseline(generate, diagnostics, [...specs, ...files.keys()], io);
  const baselineFile = flag(args, 'baseline');
  if (baselineFile !== undefined) {
    const read = readBaselineFile(baselineFile);
    if ('problem' in read) {
      io.stderr(`gateform lint: cannot use the baseline ${baselineFile}: ${read.problem}\n`);
      return EXIT_USAGE;
    }
    const split = applyBaseline(diagnostics, read.fingerprints, baselineFile);
    diagnostics = split.active;
    suppressed.push(...split.suppressed);
  }

  // Suppressed findings are listed by the formats that can say so (json, sarif), after the others.
  const listed = format === 'json' || format === 'sarif' ? [...diagnostics, ...suppressed] : diagnostics;
  const resolved = resolveDiagnostics(listed, files);
  const report =
    format === 'json'
      ? formatJson(resolved)
      : format === 'sarif'
        ? formatSarif(resolved, sarifRules(), packageVersion(), process.cwd())
        : format === 'github'
          ? formatGithub(resolved)
          : formatStylish(resolved, { color: io.color, lineOf: (file, line) => files.get(file)?.lineText(line) });
  const output = flag(args, 'output');
  if (output !== undefined) {
    const refusal = outputRefusal(output, [...specs, ...files.keys()]);
    if (refusal !== undefined) {
      io.stderr(`gateform lint: cannot write ${output}: ${refusal}\n`);
      return EXIT_USAGE;
    }
    try {
      await writeAtomically(output, report);
    } catch (error) {
      io.stderr(`gateform lint: cannot write ${output}: ${fsFailureReason(error, 'write')}\n`);
      return EXIT_USAGE;
    }
  } else {
    io.stdout(report);
  }
  if (diagnostics.some((d) => IO_ERROR_CODES.has(d.code))) return EXIT_USAGE;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return diagnostics.some((d) => d.severity === 'error') || (maxWarnings !== undefined && warnings > maxWarnings)
    ? EXIT_DIAGNOSTICS
    : EXIT_OK;
}

/** `--generate-baseline`: every finding of the run, written atomically; IO and config errors are not accepted. */
async function generateBaseline(
  path: string,
  diagnostics: readonly Diagnostic[],
  inputs: readonly string[],
  io: Io,
): Promise<number> {
  const unusable = diagnostics.filter((d) => IO_ERROR_CODES.has(d.code));
  if (unusable.length > 0) {
    io.stderr(formatStylish(unusable, { color: io.color, lineOf: () => undefined }));
    return EXIT_USAGE;
  }
  const refusal = outputRefusal(path, inputs);
  if (refusal !== undefined) {
    io.stderr(`gateform lint: cannot write ${path}: ${refusal}\n`);
    return EXIT_USAGE;
  }
  try {
    await writeAtomically(path, writeBaseline(diagnostics));
  } catch (error) {
    io.stderr(`gateform lint: cannot write ${path}: ${fsFailureReason(error, 'write')}\n`);
    return EXIT_USAGE;
  }
  io.stdout(`Wrote ${diagnostics.length} finding${diagnostics.length === 1 ? '' : 's'} to the baseline ${path}.\n`);
  return EXIT_OK;
}

function readBaselineFile(path: string): { fingerprints: ReadonlySet<string> } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { problem: fsFailureReason(error, 'read') };
  }
  return readBaseline(text);
}
