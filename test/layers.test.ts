/**
 * The layers of src/ import one way (docs/architecture.md): no file imports in a cycle, and no layer
 * imports one above it. The graph is read from the sources with TypeScript's own import scanner, type-only
 * imports included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { stronglyConnected } from '../src/emit/dependencies.js';

const SRC = resolve(import.meta.dirname, '../src');

/** File (relative to src/, `/`-separated) → the src/ files it imports. */
function importGraph(root: string): Map<string, string[]> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const local = importedFiles.map((i) => i.fileName).filter((name) => name.startsWith('.') && name.endsWith('.js'));
    graph.set(
      slash(file),
      local.map((name) => slash(relative(root, resolve(root, dirname(file), name.replace(/\.js$/, '.ts'))))),
    );
  }
  return graph;
}

function slash(path: string): string {
  return path.split('\\').join('/');
}

/** The import cycles (strongly connected components of more than one file, or a file importing itself). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  return stronglyConnected(graph).filter((files) => files.length > 1 || graph.get(files[0]!)?.includes(files[0]!));
}

/** The IR and the values it is written in: below the integrations and everything that builds or reads the IR. */
const IR_FILES = 'ir|aws-value|context|names|order|cfn|arns';
const IR = new RegExp(`^model/(${IR_FILES})\\.ts$`);
const MODEL_BUT_IR = new RegExp(`^model/(?!(${IR_FILES})\\.ts$)`);

/** [files, what they must not import, why]. */
const RULES: readonly (readonly [from: RegExp, forbidden: RegExp, why: string])[] = [
  [
    /^(load|diagnostics)\//,
    /^(integrations|emit|lint|cli)\/|^(compile|lint|index)\.ts$/,
    'loading and diagnostics know nothing of what reads them',
  ],
  [/^(load|diagnostics)\//, /^model\/(?!aws-value\.ts$)/, 'loading reads CloudFormation values only'],
  [
    IR,
    /^(integrations|emit|lint|cli)\/|^(compile|lint|index)\.ts$/,
    'the IR is below every stage that builds or reads it',
  ],
  [IR, MODEL_BUT_IR, 'the IR does not import the model builders'],
  [
    /^integrations\//,
    /^(emit|lint|cli)\/|^(compile|lint|index)\.ts$/,
    'integrations parse into the IR and render from it, below the emitters',
  ],
  [/^integrations\//, MODEL_BUT_IR, 'integrations take only the IR and its values from the model'],
  [/^model\//, /^(emit|lint|cli)\/|^(compile|lint|index)\.ts$/, 'the model is built before anything lints or emits it'],
  [/^emit\//, /^(lint|cli)\/|^(compile|lint|index)\.ts$/, 'emitting needs no linting'],
  [/^emit\/shared\//, /^emit\/(?!shared\/)/, 'shared emission pieces know no API kind'],
  [/^emit\/rest\//, /^emit\/(?!rest\/|shared\/|[^/]+\.ts$)/, 'one API kind does not import another'],
  [/^emit\/websocket\//, /^emit\/(?!websocket\/|shared\/|[^/]+\.ts$)/, 'one API kind does not import another'],
  [/^emit\/http\//, /^emit\/(?!http\/|shared\/|[^/]+\.ts$)/, 'one API kind does not import another'],
  [/^lint\//, /^cli\/|^(compile|lint|index)\.ts$/, 'the rules know nothing of the commands'],
  [/^(?!cli\/)/, /^cli\//, 'only the command line imports the command line'],
];

function violations(graph: ReadonlyMap<string, readonly string[]>): string[] {
  return [...graph].flatMap(([file, imports]) =>
    RULES.flatMap(([from, forbidden, why]) =>
      from.test(file) ? imports.filter((to) => forbidden.test(to)).map((to) => `${file} → ${to}: ${why}`) : [],
    ),
  );
}

describe('layers of src/', () => {
  const graph = importGraph(SRC);

  it('reads the imports of every file', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('compile.ts')).toContain('model/build-model.ts');
    expect(graph.get('model/ir.ts')).toContain('model/aws-value.ts');
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('imports only downward', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('finds a cycle and an upward import when there is one', () => {
    const broken = new Map([...graph, ['model/ir.ts', [...graph.get('model/ir.ts')!, 'integrations/lambda.ts']]]);
    expect(
      cyclesOf(broken).some((cycle) => cycle.includes('model/ir.ts') && cycle.includes('integrations/lambda.ts')),
    ).toBe(true);
    expect(violations(broken)).toContain(
      'model/ir.ts → integrations/lambda.ts: the IR is below every stage that builds or reads it',
    );
    expect(cyclesOf(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
  });
});
