/**
 * The template's dependency graph, as CloudFormation builds it: a resource depends on every resource its
 * properties name (`Ref`, `Fn::GetAtt`, `${X}` in `Fn::Sub`) and on those its `DependsOn` lists. A cycle
 * makes CloudFormation refuse the whole template ("Circular dependency between resources"), so one is an
 * error naming its members. Merged into a SAM template, a resource the transform generates
 * (`MyFunctionRole`) stands for the resource it is generated from, which holds what it will refer to.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html
 */
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import { type Json, referencedNames } from '../model/aws-value.js';
import { asBlock } from '../model/context.js';
import { compareCodeUnits } from '../model/order.js';
import type { CfnTemplate } from '../model/cfn.js';
import { samGeneratedResources } from '../model/sam-generated.js';

/** One error per cycle: `where` places a resource (the --into template's, or the spec's for generated ones). */
export function dependencyCycles(template: CfnTemplate, where: (id: string) => Location): Diagnostic[] {
  const resources = asBlock(template.Resources);
  const generatedBy = new Map([...samGeneratedResources(template)].map(([id, { by }]) => [id, by]));
  const node = (name: string): string | undefined => (Object.hasOwn(resources, name) ? name : generatedBy.get(name));
  // A Map, not an object: a logical ID may read like an Object.prototype key (`constructor`).
  const edges = new Map<string, string[]>();
  for (const [id, raw] of Object.entries(resources)) {
    const resource = asBlock(raw);
    const dependsOn = resource['DependsOn'];
    const named = [
      ...referencedNames((resource['Properties'] ?? null) as Json),
      ...(Array.isArray(dependsOn) ? dependsOn : [dependsOn]).filter((d): d is string => typeof d === 'string'),
    ];
    edges.set(id, [...new Set(named.map(node).filter((n): n is string => n !== undefined))].sort(compareCodeUnits));
  }
  return stronglyConnected(edges)
    .filter((members) => members.length > 1 || (edges.get(members[0]!) ?? []).includes(members[0]!))
    .map((members) => {
      const cycle = cycleThrough(members, edges);
      return {
        code: 'dependency-cycle',
        severity: 'error',
        message: `The template has a circular dependency: ${[...cycle, cycle[0]].map((id) => `\`${id}\``).join(' → ')}${
          members.length > cycle.length
            ? ` (and ${members
                .filter((m) => !cycle.includes(m))
                .map((m) => `\`${m}\``)
                .join(', ')} in the same loop)`
            : ''
        }; CloudFormation refuses such a template.`,
        location: where(cycle[0]!),
        hint:
          'Break the loop: a resource cannot refer, directly or through others, to a resource that refers to ' +
          "it. A function an API integrates, for instance, can build the API's URL with the stage name written " +
          'out rather than a `Ref` of the Stage (which waits for the routes, and so for the function).',
        related: cycle.slice(1).map((id) => ({ ...where(id), message: `\`${id}\`` })),
      } satisfies Diagnostic;
    });
}

/** Strongly connected components (Tarjan), members in order, components in order of their first member. */
export function stronglyConnected(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (id: string): void => {
    index.set(id, index.size);
    low.set(id, index.get(id)!);
    stack.push(id);
    onStack.add(id);
    for (const next of edges.get(id) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id)!, index.get(next)!));
      }
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === id) break;
    }
    components.push(component.sort(compareCodeUnits));
  };
  for (const id of [...edges.keys()].sort(compareCodeUnits)) if (!index.has(id)) visit(id);
  return components.sort((a, b) => compareCodeUnits(a[0]!, b[0]!));
}

/** One loop through the component's first member, found breadth-first (the shortest). */
function cycleThrough(members: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[] {
  const start = members[0]!;
  const inside = new Set(members);
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const next of edges.get(id) ?? []) {
      if (!inside.has(next)) continue;
      if (next === start) {
        const path = [id];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, id);
        queue.push(next);
      }
    }
  }
  return [start];
}

/** Where a resource is written: in the --into template, else (generated) at the spec's API. */
export function resourceLocation(
  base: { readonly path: string; readonly value: unknown } | undefined,
  fallback: Location,
): (id: string) => Location {
  return (id) =>
    base && Object.hasOwn(asBlock(asBlock(base.value)['Resources']), id)
      ? { file: base.path, pointer: childPointer('/Resources', id) }
      : fallback;
}
