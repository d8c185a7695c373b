/** `gateform compile` (also the `compile` bin): OpenAPI + x-gateway → CloudFormation template. */
import { readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { compile } from '../compile.js';
import { IO_ERROR_CODES } from '../load/load-document.js';
import { fsFailureReason } from '../load/read-policy.js';
import type { OutputFormat } from '../emit/serialize.js';
import { type DeployTarget, targetProblem } from '../emit/literal-body.js';
import { unifiedDiff } from './diff.js';
import type { ReadOptions } from '../load/read-policy.js';
import { flag, parseArgs, readOptions, UsageError, type FlagSpec } from './args.js';
import {
  EXIT_DIAGNOSTICS,
  EXIT_OK,
  EXIT_USAGE,
  type Io,
  outputRefusal,
  printDiagnostics,
  writeAtomically,
} from './io.js';

export const COMPILE_USAGE = `Usage: compile <openapi.yaml> [options]

Compile an OpenAPI 3 document annotated with x-gateway into a CloudFormation template.

Options:
  -o, --output <file>    Write the template to <file> (format from its extension) instead of stdout;
                         over 1 MB, its Body goes beside it (out.yaml: out.body-<hash>.json)
  --format <yaml|json>   Output format (default: from --output's extension, else yaml)
  --into <template>      Merge the output into this CloudFormation or SAM template
  --region <region>, --account-id <id>
                         Where a template over 1 MB deploys: its Body's placeholders and
                         Lambda URIs are written for them (docs/large-specs.md)
  --config <file>        gateform.config.yaml to use (default: found upward from the spec)
  --check                Exit 1 if --output is not what would be written now, printing the
                         unified diff to stdout (for CI)
  --root <folder>        Folder the spec and its $refs are read under (default: the nearest
                         folder above the spec with .git or package.json, else the spec's)
  --remote-refs          Let $refs read http(s) URLs
  -h, --help             Show this help

Exit codes: 0 ok, 1 errors in the spec (or --check found a stale file), 2 usage or I/O error.
`;

const FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', value: true },
  { name: 'format', value: true },
  { name: 'into', value: true },
  { name: 'region', value: true },
  { name: 'account-id', value: true },
  { name: 'config', value: true },
  { name: 'check' },
  { name: 'root', value: true },
  { name: 'remote-refs' },
  { name: 'help', short: 'h' },
];

export async function runCompile(argv: readonly string[], io: Io): Promise<number> {
  let options: CompileCliOptions;
  let read: ReadOptions;
  try {
    const args = parseArgs(argv, FLAGS);
    if (args.flags.has('help')) {
      io.stdout(COMPILE_USAGE);
      return EXIT_OK;
    }
    options = {
      ...compileOptions(
        args.positional,
        flag(args, 'output'),
        flag(args, 'format'),
        flag(args, 'into'),
        args.flags.has('check'),
      ),
      ...(flag(args, 'config') !== undefined && { config: flag(args, 'config')! }),
      ...deployTarget(flag(args, 'region'), flag(args, 'account-id')),
    };
    read = readOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`compile: ${error.message}\n\n${COMPILE_USAGE}`);
    return EXIT_USAGE;
  }

  const result = await compile(options.input, {
    format: options.format,
    ...(options.output !== undefined && { bodyFileStem: bodyFileStem(options.output) }),
    ...(options.into !== undefined && { into: options.into }),
    ...(options.config !== undefined && { configFile: options.config }),
    ...(options.target !== undefined && { target: options.target }),
    read,
  });
  printDiagnostics(io, result.diagnostics, result.files);
  if (result.text === undefined) {
    return result.diagnostics.some((d) => IO_ERROR_CODES.has(d.code)) ? EXIT_USAGE : EXIT_DIAGNOSTICS;
  }
  const text = result.text;
  if (!options.output) {
    io.stdout(text);
    return EXIT_OK;
  }
  const refusal = outputRefusal(options.output, [
    options.input,
    ...(options.into !== undefined ? [options.into] : []),
    ...result.files.keys(),
  ]);
  if (refusal !== undefined) {
    io.stderr(`compile: cannot write ${options.output}: ${refusal}\n`);
    return EXIT_USAGE;
  }
  const body = result.body && { path: join(dirname(options.output), result.body.file), text: result.body.text };
  const bodyRefusal = body && outputRefusal(body.path, [options.input, ...result.files.keys()]);
  if (body && bodyRefusal !== undefined) {
    io.stderr(`compile: cannot write ${body.path}: ${bodyRefusal}\n`);
    return EXIT_USAGE;
  }
  if (options.check) {
    const current = await readFile(options.output, 'utf8').catch(() => undefined);
    // The template names its Body file by the Body's hash, so the same template with a stale Body file is a changed file.
    const currentBody = body && (await readFile(body.path, 'utf8').catch(() => undefined));
    if (current === text && (!body || currentBody === body.text)) return EXIT_OK;
    if (current === text && body) {
      io.stderr(
        `${body.path}: ${currentBody === undefined ? 'does not exist' : 'is out of date'}; run \`${rerun(options, options.output)}\` and commit the result.\n`,
      );
      return EXIT_DIAGNOSTICS;
    }
    if (current !== undefined)
      io.stdout(
        unifiedDiff(current, text, {
          from: `${options.output}\t(current)`,
          to: `${options.output}\t(compiled from ${options.input})`,
        }),
      );
    io.stderr(
      `${options.output}: ${current === undefined ? 'does not exist' : 'is out of date'}; run \`${rerun(options, options.output)}\` and commit the result.\n`,
    );
    return EXIT_DIAGNOSTICS;
  }
  try {
    // The Body first: the template that names it is written only once the Body is whole, and a Body file
    // is never rewritten with other content (its name is its hash).
    if (body) await writeAtomically(body.path, body.text);
    await writeAtomically(options.output, text);
  } catch (error) {
    io.stderr(`compile: cannot write ${options.output}: ${fsFailureReason(error, 'write')}\n`);
    return EXIT_USAGE;
  }
  await removeStaleBodies(options.output, body?.path);
  return EXIT_OK;
}

/** `out` for `out.yaml`: the stem of the Body file written beside a template too large to hold it. */
function bodyFileStem(output: string): string {
  const name = basename(output);
  return name.slice(0, name.length - extname(name).length) || name;
}

/**
 * Body files that earlier compiles wrote beside `output` and that the template written now no longer names.
 * Only names of the form gateform gives them are touched.
 */
async function removeStaleBodies(output: string, current: string | undefined): Promise<void> {
  const folder = dirname(output);
  const stem = bodyFileStem(output);
  const names = await readdir(folder).catch(() => [] as string[]);
  const pattern = /^\.body-[0-9a-f]{12}\.json$/;
  for (const name of names) {
    const path = join(folder, name);
    if (name.startsWith(stem) && pattern.test(name.slice(stem.length)) && path !== current)
      await unlink(path).catch(() => undefined);
  }
}

interface CompileCliOptions {
  readonly input: string;
  readonly output?: string;
  readonly format: OutputFormat;
  /** Whether `--format` was given, rather than taken from the output's extension. */
  readonly formatGiven: boolean;
  readonly into?: string;
  readonly config?: string;
  readonly check: boolean;
  readonly target?: DeployTarget;
}

/** `--region` and `--account-id`, given together or not at all. */
function deployTarget(region: string | undefined, accountId: string | undefined): { target?: DeployTarget } {
  if (region === undefined && accountId === undefined) return {};
  if (region === undefined || accountId === undefined)
    throw new UsageError(
      `--${region === undefined ? 'account-id' : 'region'} needs --${region === undefined ? 'region' : 'account-id'} too`,
    );
  const target = { region, accountId };
  const problem = targetProblem(target);
  if (problem !== undefined) throw new UsageError(problem);
  return { target };
}

/** The command that writes the file `--check` compared, with the options that change what is written. */
function rerun(options: CompileCliOptions, output: string): string {
  const args = [
    options.input,
    '-o',
    output,
    ...(options.into !== undefined ? ['--into', options.into] : []),
    ...(options.config !== undefined ? ['--config', options.config] : []),
    ...(options.formatGiven ? ['--format', options.format] : []),
    ...(options.target ? ['--region', options.target.region, '--account-id', options.target.accountId] : []),
  ];
  return ['compile', ...args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(' ');
}

function compileOptions(
  positional: readonly string[],
  output: string | undefined,
  format: string | undefined,
  into: string | undefined,
  check: boolean,
): CompileCliOptions {
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0 ? 'no input file given' : `expected one input file, got ${positional.length}`,
    );
  if (format !== undefined && format !== 'yaml' && format !== 'json')
    throw new UsageError(`--format must be yaml or json, not ${format}`);
  if (check && output === undefined) throw new UsageError('--check needs --output, the file to compare');
  const fromExtension = output !== undefined && extname(output).toLowerCase() === '.json' ? 'json' : 'yaml';
  return {
    input: positional[0]!,
    ...(output !== undefined && { output }),
    format: (format ?? fromExtension) as OutputFormat,
    formatGiven: format !== undefined,
    ...(into !== undefined && { into }),
    check,
  };
}
