/** The built `gateform lint`, as CI runs it: exit codes, formats, config, robustness. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

function lint(args: readonly string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const bin = join(process.cwd(), 'dist/cli/bin/gateform.js');
  const result = spawnSync(process.execPath, [bin, 'lint', ...args], {
    encoding: 'utf8',
    cwd: cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Readonly<Record<string, string>>): string {
  const dir = tempDir('gateform-lint-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const HEAD = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\n';
const CLEAN = `${HEAD}paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200" } } }\n      responses: { "200": { description: ok } }\n`;
const WARNS = `${HEAD}paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "http://b.example.com" }\n      responses: { "200": { description: ok } }\n`;
const ERRS = `${HEAD}paths:\n  /a/{id}:\n    get:\n      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n      responses: { "200": { description: ok } }\n`;

describe('gateform lint', () => {
  it('lists ignored findings with their reason in json and as SARIF suppressions, and counts them for nothing', () => {
    const dir = workspace({
      'gateform.config.yaml':
        'ignore:\n  - pointer: /paths/~1a~1{id}/get\n    reason: The integration is attached by another stack.\n',
      'errs.yaml': ERRS,
    });
    const json = lint(['errs.yaml', '--format', 'json'], dir);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject([
      {
        code: 'integration-missing',
        suppression: { kind: 'ignore', reason: 'The integration is attached by another stack.' },
      },
    ]);
    const sarif = JSON.parse(lint(['errs.yaml', '--format', 'sarif'], dir).stdout);
    expect(sarif.runs[0].results[0].suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'The integration is attached by another stack.' },
    ]);
    expect(lint(['errs.yaml'], dir).stdout).not.toContain('integration-missing');
  });

  it('fails only on findings that are not in the baseline, however lines move', () => {
    const dir = workspace({ 'errs.yaml': ERRS });
    const generated = lint(['errs.yaml', '--generate-baseline', 'baseline.json'], dir);
    expect(generated.status).toBe(0);
    expect(generated.stdout).toContain('Wrote 1 finding to the baseline baseline.json.');
    expect(lint(['errs.yaml', '--baseline', 'baseline.json'], dir).status).toBe(0);
    // Lines move: the same finding, still accepted. A new one fails the run.
    writeFileSync(join(dir, 'errs.yaml'), ERRS.replace('paths:\n', 'tags: []\npaths:\n'));
    expect(lint(['errs.yaml', '--baseline', 'baseline.json'], dir).status).toBe(0);
    writeFileSync(join(dir, 'errs.yaml'), ERRS.replace('/a/{id}:', '/b/{id}:'));
    const fresh = lint(['errs.yaml', '--baseline', 'baseline.json', '--format', 'json'], dir);
    expect(fresh.status).toBe(1);
    expect((JSON.parse(fresh.stdout) as { pointer: string }[]).map((d) => d.pointer)).toEqual(['/paths/~1b~1{id}/get']);
    expect(lint(['errs.yaml', '--baseline', 'nope.json'], dir).status).toBe(2);
  });

  it('exits 0 on a clean spec, 1 on errors, and honours --max-warnings', () => {
    const dir = workspace({ 'clean.yaml': CLEAN, 'warns.yaml': WARNS, 'errs.yaml': ERRS });
    expect(lint(['clean.yaml'], dir).status).toBe(0);
    expect(lint(['warns.yaml'], dir).status).toBe(0);
    expect(lint(['warns.yaml', '--max-warnings', '0'], dir).status).toBe(1);
    const errors = lint(['errs.yaml'], dir);
    expect(errors.status).toBe(1);
    expect(errors.stdout).toContain('errs.yaml:5:5: error GET /a/{id} has no integration.');
  });

  it('expands globs and reports files that match none', () => {
    const dir = workspace({ 'specs/a.yaml': CLEAN, 'specs/nested/b.yaml': ERRS });
    const result = lint(['specs/**/*.yaml', '--format', 'json'], dir);
    const files = new Set((JSON.parse(result.stdout) as { file: string }[]).map((d) => d.file));
    expect(files).toEqual(new Set(['specs/nested/b.yaml']));
    expect(lint(['nothing/*.yaml'], dir).status).toBe(2);
  });

  it('reads gateform.config.yaml upward: presets, severities, ignores', () => {
    const dir = workspace({
      'gateform.config.yaml':
        'extends: strict\nrules:\n  http-backend-insecure: error\nignore:\n  - file: "legacy/*.yaml"\n    reason: Retired next release.\n  - pointer: /paths/~1a/get\n    rules: [operation-no-auth]\n    reason: Public health check.\n',
      'api/warns.yaml': WARNS,
      'api/open.yaml': CLEAN.replace('/a:', '/b:'),
      'legacy/errs.yaml': ERRS,
    });
    const result = lint(['api/warns.yaml', 'api/open.yaml', 'legacy/errs.yaml', '--format', 'json'], dir);
    const codes = (
      JSON.parse(result.stdout) as { code: string; severity: string; file: string; suppression?: object }[]
    )
      .filter((d) => !d.suppression)
      .map((d) => `${d.severity} ${d.code} ${d.file}`);
    expect(codes).toContain('error http-backend-insecure api/warns.yaml');
    expect(codes).toContain('warning operation-no-auth api/open.yaml');
    expect(codes).not.toContain('warning operation-no-auth api/warns.yaml');
    expect(codes.some((c) => c.includes('integration-missing'))).toBe(false);
    expect(result.status).toBe(1);
  });

  it('says what is wrong with a config file', () => {
    const dir = workspace({
      'gateform.config.yaml': 'extends: lenient\nrules: { no-such-rule: error }\n',
      'a.yaml': CLEAN,
    });
    const result = lint(['a.yaml'], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('gateform.config.yaml:1:1: error `extends: lenient` is not a preset');
    expect(result.stdout).toContain('`no-such-rule` is not a rule');
  });

  it('reports a config shared by several specs once', () => {
    const dir = workspace({ 'gateform.config.yaml': 'extends: lenient\n', 'a.yaml': CLEAN, 'b.yaml': CLEAN });
    const result = lint(['a.yaml', 'b.yaml', '--format', 'json'], dir);
    expect((JSON.parse(result.stdout) as { code: string }[]).map((d) => d.code)).toEqual(['invalid-config']);
    expect(result.status).toBe(2);
  });

  it.each([
    ['broken YAML', 'openapi: 3.0.3\npaths: [\n', 'syntax-error'],
    ['JSON that is no OpenAPI', '{"name": "package", "version": "1.0.0"}', 'not-openapi'],
    ['Swagger 1.2', 'swagger: "1.2"\ninfo: { title: T, version: "1" }\npaths: {}\n', 'unsupported-openapi-version'],
    ['Swagger 2.0', 'swagger: "2.0"\ninfo: { title: T, version: "1" }\npaths: {}\n', undefined],
    ['an empty file', '', 'not-openapi'],
    [
      'circular references',
      `${HEAD}paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200" } } }\n      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Node" } } } } }\ncomponents:\n  schemas:\n    Node: { type: object, properties: { next: { $ref: "#/components/schemas/Node" } } }\n`,
      undefined,
    ],
    [
      'CloudFormation and Terraform placeholders',
      `${HEAD}paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: !Sub "arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations" }\n      responses: { "200": { description: ok } }\n  /b:\n    get:\n      x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "\${backend_url}/b" }\n      responses: { "200": { description: ok } }\n`,
      undefined,
    ],
  ])('never crashes: %s', (_name, text, code) => {
    const dir = workspace({ 'spec.yaml': text });
    const result = lint(['spec.yaml', '--format', 'json'], dir);
    expect(result.stderr).toBe('');
    const codes = (JSON.parse(result.stdout) as { code: string }[]).map((d) => d.code);
    if (code === undefined) expect(codes).toEqual([]);
    else expect(codes).toContain(code);
    expect(result.status).toBe(code === undefined ? 0 : 1);
  });

  it('handles a huge spec', () => {
    const paths = Array.from(
      { length: 3000 },
      (_, i) =>
        `  /r${i}/{id}:\n    get:\n      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n      x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200" } } }\n      responses: { "200": { description: ok } }`,
    ).join('\n');
    const dir = workspace({ 'big.yaml': `${HEAD}paths:\n${paths}\n` });
    const result = lint(['big.yaml', '--format', 'json'], dir);
    expect((JSON.parse(result.stdout) as { code: string }[]).map((d) => d.code)).toEqual(['resource-count']);
  });

  it('writes SARIF and GitHub annotations', () => {
    const dir = workspace({ 'errs.yaml': ERRS });
    const sarif = JSON.parse(lint(['errs.yaml', '--format', 'sarif'], dir).stdout);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'integration-missing', level: 'error' });
    expect(sarif.runs[0].tool.driver.rules.length).toBeGreaterThanOrEqual(30);
    expect(lint(['errs.yaml', '--format', 'github'], dir).stdout).toMatch(/^::error file=errs.yaml,line=5,col=5,/);
  });

  it('exits 2 on usage errors', () => {
    expect(lint([]).status).toBe(2);
    expect(lint(['a.yaml', '--format', 'xml']).status).toBe(2);
    expect(lint(['a.yaml', '--max-warnings', 'many']).status).toBe(2);
  });
});
