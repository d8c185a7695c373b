/**
 * One rule for every string of the language: a `${Name}` placeholder written where the x-gateway schema takes
 * a string is substituted in the template (a `Ref` or `Fn::Sub` of the template parameter `Name`), or refused
 * with an error at that string. The places are read from the schema (every string value, and every key of a
 * map), so a key added to the language is probed as soon as it exists: the specs in `test/placeholders/`
 * must then show it, or this test fails saying so.
 *
 * A placeholder that reaches the template unsubstituted is what cfn-lint reports as E1029 (a variable
 * outside `Fn::Sub`); one that is dropped leaves its parameter unused (W2001). Both are looked for in one
 * cfn-lint run over specs that carry every accepted placeholder at once.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile, serializeTemplate } from '../src/index.js';
import { childPointer, splitPointer } from '../src/diagnostics/diagnostic.js';
import { tempDir } from './support/temp.js';

type Node = Record<string, unknown>;
const schema = JSON.parse(readFileSync('schemas/x-gateway.schema.json', 'utf8')) as Node;
const SPECS = ['public', 'private', 'raw-policy', 'http'].map((name) => ({
  name,
  document: parse(readFileSync(`test/placeholders/${name}.yaml`, 'utf8')) as Node,
}));

/**
 * A step from a value to one inside it: a property, any key of a map (`*`), an array item, a map's key
 * itself, or any string inside a block the schema leaves free (a raw policy, a mock body).
 */
type Step =
  | { readonly property: string }
  | { readonly anyKey: true }
  | { readonly item: number }
  | { readonly key: true }
  | { readonly anyString: true };

interface Site {
  /** The schema node whose instances hold the site: `root`, `operation`, or a `$ref` target. */
  readonly owner: string;
  readonly steps: readonly Step[];
}

const resolve = (ref: string): Node =>
  ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, token) => (node as Node)[token], schema) as Node;
const takesString = (node: Node): boolean =>
  typeof node['$ref'] === 'string'
    ? takesString(resolve(node['$ref']))
    : node['type'] === 'string' ||
      (Array.isArray(node['type']) && node['type'].includes('string')) ||
      (Array.isArray(node['anyOf']) && (node['anyOf'] as Node[]).some(takesString));
const object = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);
/** A schema with inner structure to walk (not a string, or a string-or-intrinsic value such as `awsValue`). */
const container = (node: Node): boolean =>
  'properties' in node ||
  object(node['additionalProperties']) ||
  object(node['items']) ||
  'prefixItems' in node ||
  'allOf' in node ||
  (Array.isArray(node['anyOf']) && (node['anyOf'] as Node[]).some(container));

/** A block the schema does not describe inside (any JSON, or an object or array of anything). */
const freeForm = (node: Node): boolean =>
  !container(node) &&
  !takesString(node) &&
  !('enum' in node) &&
  !('const' in node) &&
  (node['type'] === undefined ||
    (Array.isArray(node['type']) && node['type'].every((t) => t === 'object' || t === 'array')));

/** Every place the schema takes a string, once per schema node (an integration's keys once, not once per place it is used). */
function stringSites(): Site[] {
  const sites = new Map<string, Site>();
  const walked = new Set<string>();
  const add = (owner: string, steps: readonly Step[]): void =>
    void sites.set(`${owner} ${JSON.stringify(steps)}`, { owner, steps });
  const walk = (node: Node, owner: string, steps: readonly Step[]): void => {
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const target = resolve(ref);
      if (!container(target)) {
        if (takesString(target) || takesString(node)) add(owner, steps);
        return;
      }
      if (!walked.has(ref)) {
        walked.add(ref);
        walk(target, ref, []);
      }
      return;
    }
    if (takesString(node)) add(owner, steps);
    if (freeForm(node)) add(owner, [...steps, { anyString: true }]);
    for (const [name, child] of Object.entries(object(node['properties']) ? node['properties'] : {}))
      if (object(child)) walk(child, owner, [...steps, { property: name }]);
    if (object(node['additionalProperties'])) {
      add(owner, [...steps, { key: true }]);
      walk(node['additionalProperties'], owner, [...steps, { anyKey: true }]);
    }
    if (object(node['items'])) walk(node['items'], owner, [...steps, { item: 0 }]);
    if (Array.isArray(node['prefixItems']))
      for (const [i, child] of (node['prefixItems'] as Node[]).entries()) walk(child, owner, [...steps, { item: i }]);
    for (const branch of (node['anyOf'] ?? []) as Node[]) walk(branch, owner, steps);
    for (const branch of (node['allOf'] ?? []) as Node[])
      walk(object(branch['then']) ? branch['then'] : branch, owner, steps);
  };
  walk(schema, 'root', []);
  walk(resolve('#/$defs/operation'), 'operation', []);
  return [...sites.values()];
}

/** Where each schema node has instances in a spec (`$ref` targets, `root` and `operation`), as JSON pointers. */
function instances(document: Node): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const record = (owner: string, pointer: string): void =>
    void found.set(owner, [...(found.get(owner) ?? []), pointer]);
  const walk = (node: Node, value: unknown, pointer: string): void => {
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      record(ref, pointer);
      walk(resolve(ref), value, pointer);
      return;
    }
    if (object(value)) {
      for (const [name, child] of Object.entries(object(node['properties']) ? node['properties'] : {}))
        if (name in value && object(child)) walk(child, value[name], childPointer(pointer, name));
      if (object(node['additionalProperties']))
        for (const [name, child] of Object.entries(value))
          walk(node['additionalProperties'], child, childPointer(pointer, name));
    }
    if (Array.isArray(value)) {
      if (object(node['items']))
        for (const [i, child] of value.entries()) walk(node['items'] as Node, child, childPointer(pointer, i));
      if (Array.isArray(node['prefixItems']))
        for (const [i, child] of (node['prefixItems'] as Node[]).entries())
          walk(child, value[i], childPointer(pointer, i));
    }
    for (const branch of [
      ...((node['anyOf'] ?? []) as Node[]),
      ...((node['allOf'] ?? []) as Node[]).map((b) => (object(b['then']) ? b['then'] : b)),
    ])
      walk(branch, value, pointer);
  };
  record('root', '/x-gateway');
  walk(schema, document['x-gateway'], '/x-gateway');
  for (const [path, item] of Object.entries(document['paths'] as Node)) {
    for (const [method, operation] of Object.entries(item as Node)) {
      const block = (operation as Node)['x-gateway'];
      if (block === undefined) continue;
      const pointer = childPointer('/paths', path, method, 'x-gateway');
      record('operation', pointer);
      walk(resolve('#/$defs/operation'), block, pointer);
    }
  }
  return found;
}

/** The site's first string (or map key) in a spec: the pointer of the value to replace, or of the map to add a key to. */
function locate(
  value: unknown,
  pointer: string,
  steps: readonly Step[],
): { readonly pointer: string; readonly key: boolean } | undefined {
  const [step, ...rest] = steps;
  // A number where the schema takes a string too (a placeholder for a number).
  if (step === undefined)
    return typeof value === 'string' || typeof value === 'number' ? { pointer, key: false } : undefined;
  if ('key' in step)
    return object(value) && Object.keys(value).length > 0 && rest.length === 0 ? { pointer, key: true } : undefined;
  if ('anyString' in step) return lastString(value, pointer);
  if (value === null || typeof value !== 'object') return undefined;
  const tokens = 'property' in step ? [step.property] : 'item' in step ? [String(step.item)] : Object.keys(value);
  for (const token of tokens.filter((t) => t in value)) {
    const found = locate((value as Node)[token], childPointer(pointer, token), rest);
    if (found) return found;
  }
  return undefined;
}

/** The last string inside a value, depth first (in a policy statement, its condition's value). */
function lastString(value: unknown, pointer: string): { readonly pointer: string; readonly key: boolean } | undefined {
  if (typeof value === 'string') return { pointer, key: false };
  if (value === null || typeof value !== 'object') return undefined;
  const found = Object.entries(value).map(([token, child]) => lastString(child, childPointer(pointer, token)));
  return found.filter((f) => f !== undefined).at(-1);
}

function valueAt(document: unknown, pointer: string): unknown {
  return splitPointer(pointer).reduce<unknown>((node, token) => (node as Node)[token], document);
}

/** The spec with `placeholder` written at the site: as the string, or as a new key of the map (with the value of its first key). */
function probe(document: Node, site: { readonly pointer: string; readonly key: boolean }, placeholder: string): string {
  const tokens = splitPointer(site.pointer);
  if (site.key) {
    const map = valueAt(document, site.pointer) as Node;
    map[placeholder] = structuredClone(Object.values(map)[0]);
    return childPointer(site.pointer, placeholder);
  }
  const last = tokens.pop()!;
  (valueAt(document, childPointer('', ...tokens)) as Node)[last] = placeholder;
  return site.pointer;
}

const where = (site: Site): string =>
  `${site.owner} ${site.steps.map((s) => ('property' in s ? s.property : 'item' in s ? s.item : 'key' in s ? '{key}' : 'anyString' in s ? '…' : '*')).join('/')}`;

/** The site's first string in each spec that shows it: a key REST and HTTP APIs share is probed in both. */
function hosts(
  site: Site,
): { readonly spec: (typeof SPECS)[number]; readonly pointer: string; readonly key: boolean }[] {
  return SPECS.flatMap((spec) => {
    for (const pointer of instances(spec.document).get(site.owner) ?? []) {
      const found = locate(valueAt(spec.document, pointer), pointer, site.steps);
      if (found) return [{ spec, ...found }];
    }
    return [];
  });
}

async function compileDocument(dir: string, name: string, document: Node) {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, stringify(document));
  return { path, result: await compile(path) };
}

function cfnLintAvailable(): boolean {
  try {
    execFileSync('cfn-lint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('${Name} placeholders in every string of x-gateway', () => {
  const sites = stringSites();

  it('finds the string sites of the schema in the probe specs', () => {
    expect(sites.length).toBeGreaterThan(90);
    expect(
      sites.filter((site) => hosts(site).length === 0).map(where),
      'schema sites no spec in test/placeholders/ shows: add them',
    ).toEqual([]);
  });

  it('substitutes each placeholder, or refuses it at the place it is written', { timeout: 300_000 }, async () => {
    for (const spec of SPECS)
      expect(
        (await compileDocument(tempDir('gateform-probe-'), spec.name, spec.document)).result.template,
        `${spec.name}.yaml compiles`,
      ).toBeDefined();
    const dir = tempDir('gateform-probe-');
    const accepted = new Map<string, { readonly site: Site; readonly pointer: string; readonly key: boolean }[]>();
    const misplaced: string[] = [];
    for (const [i, site] of sites.entries())
      for (const host of hosts(site)) {
        const document = structuredClone(host.spec.document);
        const at = probe(document, host, '${Probe}');
        // `Probe` is a parameter of the template, declared as such, so that no place can take it for something else.
        const gateway = document['x-gateway'] as Node;
        gateway['parameters'] = { ...(gateway['parameters'] as Node), Probe: { description: 'A probe' } };
        const { result } = await compileDocument(dir, `site${i}-${host.spec.name}`, document);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length === 0)
          accepted.set(host.spec.name, [
            ...(accepted.get(host.spec.name) ?? []),
            { site, pointer: host.pointer, key: host.key },
          ]);
        // A refusal names the placeholder's own place (or a place inside it).
        for (const error of errors) {
          const pointer = error.location?.pointer ?? '(nowhere)';
          if (pointer !== at && !pointer.startsWith(`${at}/`))
            misplaced.push(`${where(site)} in ${host.spec.name}.yaml at ${at}: ${error.code} at ${pointer}`);
        }
      }
    expect(misplaced, 'refusals located elsewhere than the placeholder').toEqual([]);

    // Every accepted placeholder at once, each its own declared parameter, in one cfn-lint run.
    const templates: string[] = [];
    const names = new Map<string, string>();
    for (const spec of SPECS) {
      const document = structuredClone(spec.document);
      const probes = accepted.get(spec.name) ?? [];
      for (const [n, host] of probes.entries()) {
        const name = `Probe${spec.name.replace(/\W/g, '')}${n}`;
        names.set(name, where(host.site));
        probe(document, host, `\${${name}}`);
      }
      const gateway = document['x-gateway'] as Node;
      gateway['parameters'] = {
        ...(gateway['parameters'] as Node),
        ...Object.fromEntries(
          [...names.keys()]
            .filter((n) => n.startsWith(`Probe${spec.name.replace(/\W/g, '')}`))
            .map((n) => [n, { description: names.get(n) }]),
        ),
      };
      const { path, result } = await compileDocument(dir, `all-${spec.name}`, document);
      expect(
        result.diagnostics.filter((d) => d.severity === 'error'),
        `${spec.name} with every accepted placeholder`,
      ).toEqual([]);
      const out = `${path}.template.yaml`;
      writeFileSync(out, serializeTemplate(result.template!, 'yaml'));
      templates.push(out);
    }
    if (!cfnLintAvailable()) {
      console.warn(
        'cfn-lint is not installed: the templates with every accepted placeholder are not checked for E1029 and W2001.',
      );
      return;
    }
    let output = '[]';
    try {
      output = execFileSync('cfn-lint', ['--format', 'json', '--', ...templates], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    // Per site: E1029 (written unsubstituted) or W2001 (its parameter unused: the value was dropped).
    const findings = new Set<string>();
    for (const finding of JSON.parse(output) as { Rule: { Id: string }; Message: string }[]) {
      const name = /\b(Probe\w+)/.exec(finding.Message)?.[1];
      if (name !== undefined && (finding.Rule.Id === 'E1029' || finding.Rule.Id === 'W2001'))
        findings.add(
          `${names.get(name)}: ${finding.Rule.Id === 'E1029' ? 'written as it is (E1029)' : 'dropped (W2001)'}`,
        );
    }
    expect([...findings].sort(), 'placeholders written into the template unsubstituted, or dropped').toEqual([]);
  });
});
