/** docs/reference.md is what scripts/docs-reference.js writes from the schema, and every key is annotated. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

const SCHEMA = 'schemas/x-gateway.schema.json';

function generate(...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/docs-reference.js', ...args], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

/** The schema with one change, in a file of its own. */
function changedSchema(change: (schema: { $defs: Record<string, { properties: Record<string, object> }> }) => void) {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  change(schema);
  const file = join(tempDir('reference'), 'x-gateway.schema.json');
  writeFileSync(file, JSON.stringify(schema));
  return file;
}

it('docs/reference.md is up to date (else: npm run docs)', () => {
  expect(generate('--check')).toEqual({ status: 0, stderr: '' });
});

it('finds a stale reference', () => {
  const schema = changedSchema((s) => {
    s.$defs['stage']!.properties['tracing'] = { ...s.$defs['stage']!.properties['tracing'], description: 'Changed.' };
  });
  expect(generate('--check', '--schema', schema)).toMatchObject({ status: 1, stderr: expect.stringMatching(/stale/) });
});

it.each(['x-apiKinds', 'x-aws'])('refuses a key without %s', (annotation) => {
  const schema = changedSchema((s) => {
    delete (s.$defs['stage']!.properties['tracing'] as Record<string, unknown>)[annotation];
  });
  const { status, stderr } = generate('--check', '--schema', schema);
  expect(status).toBe(1);
  expect(stderr).toContain(`/$defs/stage/properties/tracing: ${annotation}`);
});

it('lists every key of the schema, with its kinds', () => {
  const reference = readFileSync('docs/reference.md', 'utf8');
  expect(reference).toContain('| `stage.tracing` | boolean | `false` | REST |');
  expect(reference).toContain('| `integration.payloadFormat` | `1.0` or `2.0` | `2.0` | HTTP |');
  expect(reference).toContain('| `x-gateway.websocket.routes.<name>.reply` | boolean |');
});

it('reads a conditional schema: each branch is a type, an object says which kind takes which key', () => {
  const reference = readFileSync('docs/reference.md', 'utf8');
  expect(reference).toContain(
    '| `integration.vpcLink` | object of `subnets`, `securityGroups` (HTTP) or `targets` (REST, WebSocket) or [awsValue](#awsvalue) |',
  );
  // Only a value that takes any JSON is said to be of any type.
  const anyRows = reference.split('\n').filter((line) => line.split(' | ')[1] === 'any');
  expect(anyRows.map((line) => line.split(' | ')[0])).toEqual(['| `integration.mock.body`']);
});
