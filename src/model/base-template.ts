/**
 * The template the output is merged into (`--into`), read once: its parameters, its resources with those
 * the SAM transform generates from it, and which section defines each logical ID. The model reads names,
 * resource types and conditions from it; the emitter checks generated IDs against it and merges into it.
 */
import type { SourceFile } from '../load/source-file.js';
import { asBlock, type Block } from './context.js';
import { type SamGenerated, samGeneratedResources } from './sam-generated.js';

/** Parameters, Resources and Conditions share one set of logical IDs; Outputs have their own. */
const LOGICAL_ID_SECTIONS: readonly string[] = ['Parameters', 'Resources', 'Conditions'];

export interface BaseTemplate {
  /** The path diagnostics and hints name. */
  readonly path: string;
  /** The template as written. */
  readonly value: Block;
  readonly parameters: Block;
  /** Its resources, and (as `{ Type }`) those the SAM transform adds, for reading a reference's type. */
  readonly resources: Block;
  /**
   * What `${Name}`, `Ref` and `GetAtt` may name: its parameters and resources (not its conditions or
   * mappings), and the resources the SAM transform generates from it.
   */
  readonly names: ReadonlySet<string>;
  /** What the SAM transform generates under a logical ID the template itself leaves free. */
  generatedBySam(id: string): SamGenerated | undefined;
  /** The section that defines `id` where a generated entry of `section` would clash with it. */
  sectionDefining(id: string, section: 'Parameters' | 'Conditions' | 'Resources' | 'Outputs'): string | undefined;
  /** The condition a resource of the template is created under, if any. */
  conditionOf(id: string): string | undefined;
}

export function baseTemplateOf(file: SourceFile): BaseTemplate {
  const value = asBlock(file.value);
  const own = asBlock(value['Resources']);
  const sam = samGeneratedResources(value);
  const resources: Block = { ...Object.fromEntries([...sam].map(([id, { type }]) => [id, { Type: type }])), ...own };
  const parameters = asBlock(value['Parameters']);
  return {
    path: file.path,
    value,
    parameters,
    resources,
    names: new Set([...Object.keys(parameters), ...Object.keys(resources)]),
    generatedBySam: (id) => (Object.hasOwn(own, id) ? undefined : sam.get(id)),
    sectionDefining: (id, section) =>
      (section === 'Outputs' ? ['Outputs'] : LOGICAL_ID_SECTIONS).find((s) => Object.hasOwn(asBlock(value[s]), id)),
    conditionOf: (id) => {
      const condition = asBlock(own[id])['Condition'];
      return typeof condition === 'string' ? condition : undefined;
    },
  };
}
