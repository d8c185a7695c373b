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
const ERRS = `${HEAD}paths:\n  /a/{id}:\n    get:\n      x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200" } } }\n      responses: { "200": { description: ok } }\n`;

describe('gateform lint', () => {
  it('exits 0 on a clean spec, 1 on errors, and honours --max-warnings', () => {
    const dir = workspace({ 'clean.yaml': CLEAN, 'warns.yaml': WARNS, 'errs.yaml': ERRS });
    expect(lint(['clean.yaml'], dir).status).toBe(0);
    expect(lint(['warns.yaml'], dir).status).toBe(0);
    expect(lint(['warns.yaml', '--max-warnings', '0'], dir).status).toBe(1);
    const errors = lint(['errs.yaml'], dir);
    expect(errors.status).toBe(1);
    expect(errors.stdout).toContain('errs.yaml:5:5: error Path parameter `id` of `/a/{id}` is not declared');
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
        'extends: strict\nrules:\n  http-backend-insecure: error\nignore:\n  - file: "legacy/*.yaml"\n  - pointer: /paths/~1a/get\n    rules: [operation-no-auth]\n',
      'api/warns.yaml': WARNS,
      'legacy/errs.yaml': ERRS,
    });
    const result = lint(['api/warns.yaml', 'legacy/errs.yaml', '--format', 'json'], dir);
    const codes = (JSON.parse(result.stdout) as { code: string; severity: string }[]).map(
      (d) => `${d.severity} ${d.code}`,
    );
    expect(codes).toContain('error http-backend-insecure');
    expect(codes).toContain('warning stage-access-logs');
    expect(codes).not.toContain('warning operation-no-auth');
    expect(codes.some((c) => c.includes('path-param-undeclared'))).toBe(false);
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
    ['Swagger 2.0', 'swagger: "2.0"\ninfo: { title: T, version: "1" }\npaths: {}\n', 'unsupported-openapi-version'],
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
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'path-param-undeclared', level: 'error' });
    expect(sarif.runs[0].tool.driver.rules.length).toBeGreaterThanOrEqual(30);
    expect(lint(['errs.yaml', '--format', 'github'], dir).stdout).toMatch(/^::error file=errs.yaml,line=5,col=5,/);
  });

  it('exits 2 on usage errors', () => {
    expect(lint([]).status).toBe(2);
    expect(lint(['a.yaml', '--format', 'xml']).status).toBe(2);
    expect(lint(['a.yaml', '--max-warnings', 'many']).status).toBe(2);
  });
});
