/**
 * The README's quickstart, followed literally: its spec is saved as it says, its commands are run with the
 * built CLI in that folder, its deploy command is checked against the template (the file, the capabilities,
 * every parameter), and the template is checked by the CloudFormation validator and by cfn-lint.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { parseSource } from '../../src/load/parse.js';
import { validateTemplateFile } from '../support/cfn-validate.js';
import { tempDir } from '../support/temp.js';

const GATEFORM = join(process.cwd(), 'dist/cli/bin/gateform.js');

interface Block {
  readonly lang: string;
  readonly text: string;
}

/** The fenced code blocks of the README section under `heading`, in order. */
function sectionBlocks(readme: string, heading: string): Block[] {
  const start = readme.indexOf(`\n## ${heading}`);
  expect(start, `README has "## ${heading}"`).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));
}

/** Shell lines, with `\` continuations joined and comments left out. */
function commands(block: Block): string[] {
  return block.text
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** `--name value…` options of a command, each with the words up to the next option. */
function options(command: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const word of command.split(/\s+/)) {
    if (word.startsWith('--')) found.set(word, (current = []));
    else current?.push(word);
  }
  return found;
}

type Template = {
  Transform?: unknown;
  Parameters?: Record<string, { Default?: unknown }>;
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  Outputs?: Record<string, unknown>;
};

const readme = readFileSync('README.md', 'utf8');
const blocks = sectionBlocks(readme, 'Quickstart');
const dir = tempDir('quickstart-');
const ran: { command: string; status: number | null; stderr: string }[] = [];

beforeAll(() => {
  const spec = blocks.find((b) => b.lang === 'yaml');
  expect(spec, 'the quickstart shows the spec as a yaml block').toBeDefined();
  expect(readme).toContain('save this as `openapi.yaml`');
  writeFileSync(join(dir, 'openapi.yaml'), spec!.text);
  for (const command of blocks.filter((b) => b.lang === 'sh').flatMap(commands)) {
    if (!command.startsWith('gateform ')) continue;
    const result = spawnSync(process.execPath, [GATEFORM, ...command.split(/\s+/).slice(1)], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    ran.push({ command, status: result.status, stderr: result.stderr });
  }
});

function template(): Template {
  const path = join(dir, 'template.yaml');
  return parseSource(path, readFileSync(path, 'utf8')).file.value as Template;
}

it('runs only commands the test knows: gateform, and the AWS CLI checked below', () => {
  const all = blocks.filter((b) => b.lang === 'sh').flatMap(commands);
  expect(all.filter((c) => !/^(gateform |aws cloudformation (deploy|describe-stacks) )/.test(c))).toEqual([]);
  expect(ran.map((r) => r.command)).toEqual([
    'gateform lint openapi.yaml',
    'gateform compile openapi.yaml -o template.yaml',
  ]);
});

it('lints and compiles the spec with no error or warning', () => {
  for (const { command, status, stderr } of ran) {
    expect({ command, status, problems: stderr.match(/\b(error|warning)\b.*/g) ?? [] }).toEqual({
      command,
      status: 0,
      problems: [],
    });
  }
});

it('deploys with the template it compiled, the capabilities it needs and every parameter', () => {
  const deploys = blocks
    .filter((b) => b.lang === 'sh')
    .flatMap(commands)
    .filter((c) => c.startsWith('aws cloudformation deploy '));
  expect(deploys).toHaveLength(1);
  const deploy = options(deploys[0]!);
  expect(deploy.get('--template-file')).toEqual(['template.yaml']);
  const t = template();
  const capabilities = deploy.get('--capabilities') ?? [];
  if (Object.values(t.Resources).some((r) => r.Type.startsWith('AWS::IAM::'))) {
    expect(capabilities).toContain('CAPABILITY_IAM');
  }
  if (t.Transform !== undefined) expect(capabilities).toContain('CAPABILITY_AUTO_EXPAND');
  const given = (deploy.get('--parameter-overrides') ?? []).map((pair) => pair.split('=')[0]);
  const needed = Object.entries(t.Parameters ?? {})
    .filter(([, p]) => p.Default === undefined)
    .map(([name]) => name);
  expect(given.sort()).toEqual(needed.sort());
  const stack = deploy.get('--stack-name');
  for (const other of blocks.filter((b) => b.lang === 'sh').flatMap(commands)) {
    if (other.startsWith('aws cloudformation describe-stacks '))
      expect(options(other).get('--stack-name')).toEqual(stack);
  }
});

it('emits what the README says it emits', () => {
  const t = template();
  const types = Object.values(t.Resources).map((r) => r.Type);
  expect(types).toEqual(
    expect.arrayContaining(['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Stage', 'AWS::IAM::Role']),
  );
  const permissions = Object.values(t.Resources).filter((r) => r.Type === 'AWS::Lambda::Permission');
  expect(permissions.map((p) => JSON.stringify(p.Properties?.['SourceArn']))).toEqual([
    expect.stringMatching(/\/\*\/GET\/pets\/\*"/),
  ]);
  expect(Object.keys(t.Outputs ?? {})).toEqual(expect.arrayContaining(['PetsApiUrl', 'PetsApiId']));
  expect(readme).toMatch(/the Outputs `PetsApiUrl`\s+and `PetsApiId`/);
});

it('gives a template the CloudFormation validator accepts', () => {
  expect(validateTemplateFile(join(dir, 'template.yaml'))).toEqual([]);
});

it('gives a template cfn-lint finds no error or warning in', (context) => {
  const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    context.skip('cfn-lint is not installed: the quickstart template is not linted with it');
  }
  const lint = spawnSync('cfn-lint', ['--non-zero-exit-code', 'warning', '--', 'template.yaml'], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect({ status: lint.status, output: lint.stdout + lint.stderr }).toEqual({ status: 0, output: '' });
});
