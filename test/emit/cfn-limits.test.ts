import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fittedDescription, fittedName } from '../../src/emit/cfn-limits.js';
import { compile } from '../../src/index.js';
import { referencedNames } from '../../src/model/aws-value.js';
import { tempDir } from '../support/temp.js';

describe('fittedName', () => {
  it('keeps a name of up to 255 characters', () => {
    expect(fittedName('A'.repeat(255))).toBe('A'.repeat(255));
  });

  it('cuts a longer one to 255: 247 characters and 8 hex digits of the whole, different for different names', () => {
    const [a, b] = [fittedName(`${'A'.repeat(300)}X`), fittedName(`${'A'.repeat(300)}Y`)];
    expect(a).toHaveLength(255);
    expect(a.slice(0, 247)).toBe('A'.repeat(247));
    expect(a).toMatch(/^[A-Za-z0-9]+$/);
    expect(a).not.toBe(b);
    expect(fittedName(`${'A'.repeat(300)}X`)).toBe(a);
  });
});

describe('fittedDescription', () => {
  it.each([
    ['short text as it is', 'Pets API', 'Pets API'],
    ['ASCII cut with an ellipsis', 'x'.repeat(2000), `${'x'.repeat(1021)}…`],
    ['multi-byte characters never split', 'é'.repeat(600), `${'é'.repeat(510)}…`],
  ])('%s', (_, text, want) => {
    expect(fittedDescription(text)).toBe(want);
    expect(Buffer.byteLength(fittedDescription(text), 'utf8')).toBeLessThanOrEqual(1024);
  });
});

describe('names from long spec names', () => {
  const dir = tempDir('gateform-limits-');
  const spec = (integration: string): string => {
    const path = `/${'segment'.repeat(40)}/{id}`;
    const path2 = `/${'segment'.repeat(40)}/{id}/other`;
    return `openapi: 3.0.3
info: { title: "${'Très long titre '.repeat(80)}", version: "1" }
x-gateway:
  authorizers:
    ${'a'.repeat(260)}: { type: token, function: "\${AuthArn}" }
  defaults:
    auth: ${'a'.repeat(260)}
    integration: { lambda: "${integration}" }
  usagePlans:
    ${'p'.repeat(260)}: { throttle: { rate: 1, burst: 2 } }
  apiKeys:
    keys:
      ${'k'.repeat(260)}: { plan: ${'p'.repeat(260)} }
paths:
  ${path}:
    get:
      x-gateway: { apiKey: true }
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
  ${path2}:
    post:
      x-gateway: { integration: { sns: { topic: "arn:aws:sns:us-east-1:123456789012:${'t'.repeat(256)}" } } }
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '200': { description: ok } }
`;
  };

  it('fit CloudFormation: logical IDs and output names of at most 255 characters, a description of at most 1,024 bytes, every reference kept', async () => {
    writeFileSync(join(dir, 'long.yaml'), spec('${FnArn}'));
    const result = await compile(join(dir, 'long.yaml'));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const template = result.template!;
    const ids = [...Object.keys(template.Parameters ?? {}), ...Object.keys(template.Resources)];
    expect(Math.max(...ids.map((id) => id.length))).toBe(255);
    for (const id of [...ids, ...Object.keys(template.Outputs ?? {})]) expect(id.length, id).toBeLessThanOrEqual(255);
    expect(Buffer.byteLength(template.Description ?? '', 'utf8')).toBeLessThanOrEqual(1024);
    const dependsOn = Object.values(template.Resources).flatMap((r) => [r.DependsOn ?? []].flat());
    const referenced = [
      ...referencedNames(template.Resources as never),
      ...referencedNames((template.Outputs ?? {}) as never),
      ...dependsOn,
    ];
    expect(referenced.filter((name) => !ids.includes(name))).toEqual([]);
    expect(JSON.stringify((await compile(join(dir, 'long.yaml'))).template)).toBe(JSON.stringify(template));
  });

  it('refuse a parameter name longer than 255 characters, at its placeholder', async () => {
    writeFileSync(join(dir, 'parameter.yaml'), spec(`\${${'P'.repeat(300)}}`));
    const result = await compile(join(dir, 'parameter.yaml'));
    expect(
      result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.location?.pointer}`),
    ).toEqual(['name-too-long /x-gateway/defaults/integration/lambda']);
  });
});
