import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, serializeTemplate } from '../src/index.js';
import { tempDir } from './support/temp.js';

async function compileText(path: string): Promise<string> {
  const result = await compile(path);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return serializeTemplate(result.template, 'yaml');
}

function deploymentIds(template: string): string[] {
  return [...template.matchAll(/^ {2}(\w+Deployment\w+):$/gm)].map((m) => m[1]!);
}

describe('determinism', () => {
  it('compiles the same input to byte-identical output', async () => {
    const first = await compileText('examples/pets/openapi.yaml');
    const second = await compileText('examples/pets/openapi.yaml');
    expect(second).toBe(first);
    expect(deploymentIds(first)).toHaveLength(1);
  });

  it('does not depend on where the spec lies or how its path is written', async () => {
    const dir = tempDir('gateform-');
    writeFileSync(join(dir, 'openapi.yaml'), readFileSync('examples/pets/openapi.yaml', 'utf8'));
    expect(await compileText(join(dir, 'openapi.yaml'))).toBe(await compileText('examples/pets/openapi.yaml'));
  });

  it('gives the Deployment a new logical ID when the API changes, and only then', async () => {
    const dir = tempDir('gateform-');
    const spec = readFileSync('examples/pets/openapi.yaml', 'utf8');
    writeFileSync(join(dir, 'same.yaml'), spec);
    writeFileSync(join(dir, 'changed.yaml'), spec.replace('timeout: 5000', 'timeout: 6000'));
    writeFileSync(
      join(dir, 'described.yaml'),
      spec.replace('description: A page of pets', 'description: A page of the pets'),
    );
    const base = deploymentIds(await compileText('examples/pets/openapi.yaml'));
    expect(deploymentIds(await compileText(join(dir, 'same.yaml')))).toEqual(base);
    expect(deploymentIds(await compileText(join(dir, 'changed.yaml')))).not.toEqual(base);
    expect(deploymentIds(await compileText(join(dir, 'described.yaml')))).not.toEqual(base);
  });

  it("orders Parameters by code units, not by the machine's locale", async () => {
    // Any locale puts `apiFn` before `Backend`; Lithuanian also puts `Yard` before `Jobs`.
    const dir = tempDir('gateform-');
    const path = join(dir, 'openapi.yaml');
    const route = (p: string, fn: string): string =>
      `  /${p}:\n    get:\n      x-gateway: { integration: { lambda: "\${${fn}}" } }\n      responses: { '200': { description: ok } }\n`;
    writeFileSync(
      path,
      `openapi: 3.0.3\ninfo: { title: Order, version: "1" }\npaths:\n${route('a', 'apiFn')}${route('b', 'Yard')}${route('c', 'Jobs')}${route('d', 'Backend')}`,
    );
    const result = await compile(path);
    expect(Object.keys(result.template?.Parameters ?? {})).toEqual(['Backend', 'Jobs', 'Yard', 'apiFn']);
  });
});
