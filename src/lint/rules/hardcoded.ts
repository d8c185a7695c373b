/**
 * Region, account and partition written into the ARNs of a spec that is a template (it fills other
 * values in at deploy time): the template then works in one region, one account or one partition only.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import type { OperationNode, Visitors } from '../rule.js';
import { authorizersOf, integrationOf } from './integration.js';
import { isTemplated, templateTextOf, withoutPlaceholders } from './template-text.js';

export type Hardcoded = 'region' | 'account' | 'partition';

export interface HardcodedValue {
  readonly kind: Hardcoded;
  readonly found: string;
  readonly pointer: string;
}

const PSEUDO: Readonly<Record<Hardcoded, string>> = {
  region: '${AWS::Region}',
  account: '${AWS::AccountId}',
  partition: '${AWS::Partition}',
};

/** The hard-coded parts of the ARNs in `text` (placeholders read as no value). */
export function hardcodedParts(text: string): { kind: Hardcoded; found: string }[] {
  const plain = withoutPlaceholders(text);
  const parts: { kind: Hardcoded; found: string }[] = [];
  const add = (kind: Hardcoded, found: string | undefined): void => {
    if (found !== undefined && !parts.some((p) => p.kind === kind && p.found === found)) parts.push({ kind, found });
  };
  for (const match of plain.matchAll(/arn:([^:\s]*):([^:\s]*):([^:\s]*):([^:\s]*):/g)) {
    if (/^aws(-[a-z-]+)?$/.test(match[1]!)) add('partition', match[1]);
    if (/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/.test(match[3]!)) add('region', match[3]);
    if (/^\d{12}$/.test(match[4]!)) add('account', match[4]);
  }
  for (const match of plain.matchAll(/:sqs:path\/(\d{12})\//g)) add('account', match[1]);
  return parts;
}

/** Visitors that collect the hard-coded `kinds` of ARNs in URIs and credentials, and report them in a templated spec. */
export function hardcodedVisitors(
  kinds: readonly Hardcoded[],
  report: (value: HardcodedValue, pseudo: string) => void,
): Visitors {
  const found: HardcodedValue[] = [];
  let templated = false;
  const check = (value: unknown, pointer: string): void => {
    if (value === undefined) return;
    if (isTemplated(value)) templated = true;
    const text = templateTextOf(value);
    // A function ARN written out names a function deployed elsewhere, usually another account's, on purpose.
    if (text === undefined || /:lambda:[a-z0-9-]+:\d{12}:function:/.test(text)) return;
    for (const part of hardcodedParts(text)) if (kinds.includes(part.kind)) found.push({ ...part, pointer });
  };
  return {
    Document(document) {
      for (const { value, pointer } of authorizersOf(document)) {
        for (const key of ['authorizerUri', 'authorizerCredentials']) check(value[key], childPointer(pointer, key));
        const providers = value['providerARNs'];
        if (Array.isArray(providers))
          providers.forEach((arn, i) => {
            check(arn, childPointer(pointer, 'providerARNs', i));
          });
        else check(providers, childPointer(pointer, 'providerARNs'));
      }
    },
    Operation(node: OperationNode) {
      const integration = integrationOf(node);
      if (!integration) return;
      for (const key of ['uri', 'credentials']) check(integration.value[key], childPointer(integration.pointer, key));
    },
    DocumentExit() {
      // A spec with every value written out (an export) is meant for one place; a template is not.
      if (!templated) return;
      for (const value of found) report(value, PSEUDO[value.kind]);
    },
  };
}
