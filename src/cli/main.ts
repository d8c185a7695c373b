/** `gateform`: the main CLI, with one subcommand per file in this folder. */
import { runCompile } from './compile.js';
import { runLint } from './lint.js';
import { EXIT_OK, EXIT_USAGE, type Io, packageVersion } from './io.js';

export const GATEFORM_USAGE = `Usage: gateform <command> [options]

Commands:
  compile <openapi.yaml>   Compile an OpenAPI document with x-gateway into a CloudFormation template
  lint <files or globs>    Check OpenAPI documents for API Gateway rules

Options:
  -h, --help               Show this help (or a command's: gateform compile --help)
  -v, --version            Show the version
`;

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: Io) => Promise<number>>> = {
  compile: runCompile,
  lint: runLint,
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') {
    io.stdout(GATEFORM_USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`gateform: unknown command ${command}\n\n${GATEFORM_USAGE}`);
    return EXIT_USAGE;
  }
  return run(rest, io);
}
