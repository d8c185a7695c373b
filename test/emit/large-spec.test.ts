/**
 * A spec whose template would exceed CloudFormation's 1,000,000 bytes: the Body moves to a file beside the
 * template (docs/large-specs.md), which `--check` compares too; what cannot move is refused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSpec } from '../../bench/generate.js';
import { requirePackageFile } from '../../src/package-files.js';
import { tempDir } from '../support/temp.js';

const GATEFORM = 'dist/cli/bin/gateform.js';
const OPERATIONS = 3000;

function gateform(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [GATEFORM, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cfnLint(path: string): string[] | undefined {
  try {
    execFileSync('cfn-lint', ['--version'], { stdio: 'ignore' });
  } catch {
    console.warn('cfn-lint is not installed: the large templates are not checked with it.');
    return undefined;
  }
  const run = spawnSync('cfn-lint', ['--format', 'parseable', '--', path], { encoding: 'utf8' });
  return run.stdout.split('\n').filter((line) => line.trim() !== '');
}

type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };

/** Where the placeholder specs are compiled for. */
const TARGET = ['--region', 'eu-west-1', '--account-id', '123456789012'];

/** The compiled spec's folder, template and Body file; `placeholders`: a Lambda function named by a placeholder. */
function compileLarge(options: { http?: boolean; placeholders?: boolean; edit?: (spec: string) => string } = {}) {
  const dir = tempDir('gateform-large-');
  const spec = join(dir, 'openapi.yaml');
  const text = generateSpec(OPERATIONS, { literal: !options.placeholders, http: options.http ?? false });
  writeFileSync(spec, options.edit ? options.edit(text) : text);
  const output = join(dir, 'template.yaml');
  const run = gateform('compile', spec, '-o', output, ...(options.placeholders ? TARGET : []));
  expect(run.stderr).not.toMatch(/\berror\b/);
  expect(run.status).toBe(0);
  const bodies = readdirSync(dir).filter((name) => /^template\.body-[0-9a-f]{12}\.json$/.test(name));
  expect(bodies).toHaveLength(1);
  return { dir, spec, output, template: readFileSync(output, 'utf8'), bodyFile: bodies[0]! };
}

describe(`a ${OPERATIONS}-operation spec`, () => {
  it('compiles as a REST API with its Body beside the template, for aws cloudformation package', () => {
    const { dir, spec, output, template, bodyFile } = compileLarge();
    expect(template).toContain(`      BodyS3Location: ${bodyFile}\n`);
    expect(template).not.toMatch(/^\s+Body:/m);
    expect(Buffer.byteLength(template)).toBeLessThan(1_000_000);
    const body = JSON.parse(readFileSync(join(dir, bodyFile), 'utf8')) as { paths: Record<string, unknown> };
    expect(Object.keys(body.paths)).toHaveLength(OPERATIONS / 2);
    const validate = requirePackageFile('./generated/openapi-3.0.cjs') as Validator;
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // W3002: the path works once `aws cloudformation package` has uploaded it, which is the intent.
    const findings = cfnLint(output);
    if (findings) expect(findings.filter((f) => !/:W3002:/.test(f))).toEqual([]);
    expect(gateform('compile', spec, '-o', output, '--check').status).toBe(0);
  });

  it('redeploys exactly when the Body changes (placeholders and all), replaces its Body file, and --check sees a stale Body', () => {
    const first = compileLarge({ placeholders: true });
    const deployment = (text: string) => /^ {2}(BenchApiDeployment\w+):/m.exec(text)?.[1];
    // The same spec again: the same template, the same Body file.
    expect(gateform('compile', first.spec, '-o', first.output, ...TARGET).status).toBe(0);
    expect(readFileSync(first.output, 'utf8')).toBe(first.template);
    // One operation changed: a new Body file, a new Deployment, and the old Body file gone.
    writeFileSync(
      first.spec,
      readFileSync(first.spec, 'utf8').replace('operationId: getResource7', 'operationId: fetch7'),
    );
    expect(gateform('compile', first.spec, '-o', first.output, '--check', ...TARGET).status).toBe(1);
    expect(gateform('compile', first.spec, '-o', first.output, ...TARGET).status).toBe(0);
    const second = readFileSync(first.output, 'utf8');
    expect(deployment(second)).not.toBe(deployment(first.template));
    const bodies = readdirSync(first.dir).filter((name) => name.startsWith('template.body-'));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toBe(first.bodyFile);
    // A Body file edited by hand is stale, though the template is not.
    writeFileSync(join(first.dir, bodies[0]!), '{}\n');
    const check = gateform('compile', first.spec, '-o', first.output, '--check', ...TARGET);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`${bodies[0]}: is out of date`);
  });

  it('compiles as an HTTP API whose Body is read from the bucket its parameter names', () => {
    const { output, template, bodyFile } = compileLarge({ http: true });
    expect(template).toContain(`        Bucket: !Ref BenchApiBodyBucket\n        Key: ${bodyFile}\n`);
    const findings = cfnLint(output);
    if (findings) expect(findings).toEqual([]);
  });

  it('compiles with Lambda placeholders for a Region and account: stage variables reach the function', () => {
    const { dir, spec, output, template, bodyFile } = compileLarge({ placeholders: true });
    expect(template).toContain(`      BodyS3Location: ${bodyFile}\n`);
    expect(template).toContain('      Variables:\n        gateform_fn_ApiFunctionArn: !Select\n');
    expect(template).toMatch(/^Rules:\n {2}BenchApiDeployTarget:\n/m);
    const text = readFileSync(join(dir, bodyFile), 'utf8');
    expect(text).not.toMatch(/"(?:Ref|Fn::[A-Za-z]+)":/);
    const body = JSON.parse(text) as { paths: Record<string, Record<string, Record<string, Record<string, unknown>>>> };
    expect(body.paths['/r1']!['get']!['x-amazon-apigateway-integration']!['uri']).toBe(
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:' +
        '${stageVariables.gateform_fn_ApiFunctionArn}/invocations',
    );
    const validate = requirePackageFile('./generated/openapi-3.0.cjs') as Validator;
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const findings = cfnLint(output);
    if (findings) expect(findings.filter((f) => !/:W3002:/.test(f))).toEqual([]);
    expect(gateform('compile', spec, '-o', output, '--check', ...TARGET).status).toBe(0);
    // Another Region is another Body: --check sees it.
    expect(
      gateform('compile', spec, '-o', output, '--check', '--region', 'eu-central-1', '--account-id', '123456789012')
        .status,
    ).toBe(1);
  });

  it('compiles with Lambda placeholders as an HTTP API', () => {
    const { output, template } = compileLarge({ http: true, placeholders: true });
    expect(template).toContain('      StageVariables:\n        gateform_fn_ApiFunctionArn: !Select\n');
    const findings = cfnLint(output);
    if (findings) expect(findings).toEqual([]);
  });

  it('asks for the Region and account when its Body holds placeholders', () => {
    const dir = tempDir('gateform-large-');
    const spec = join(dir, 'openapi.yaml');
    writeFileSync(spec, generateSpec(OPERATIONS));
    const run = gateform('compile', spec, '-o', join(dir, 'template.yaml'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('which gateform writes literally for one Region and account');
    expect(run.stderr).toContain('`Body/paths/~1r0/get/x-amazon-apigateway-integration/uri`');
    expect(run.stderr).toContain('--region eu-west-1 --account-id 123456789012');
    expect(readdirSync(dir)).toEqual(['openapi.yaml']);
  });

  it('needs an output file to put the Body beside', () => {
    const dir = tempDir('gateform-large-');
    const spec = join(dir, 'openapi.yaml');
    writeFileSync(spec, generateSpec(OPERATIONS, { literal: true }));
    const run = gateform('compile', spec);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('standard output cannot hold');
  });
});
