/**
 * The `sarif` format (SARIF 2.1.0), for GitHub code scanning and other SARIF readers: the tool with its
 * rules, and one result per problem with its location and a fingerprint stable across runs.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeJsonControls } from './escape.js';
import { fingerprint } from '../fingerprint.js';
import type { ResolvedDiagnostic, Severity } from '../diagnostic.js';

export interface RuleMeta {
  readonly id: string;
  readonly description: string;
  readonly docsUrl?: string;
  readonly defaultSeverity: Severity;
}

const LEVEL: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * `root` is the absolute folder relative file names are relative to (the working directory of the run):
 * it becomes `%SRCROOT%`. Without it, `%SRCROOT%` is left for the SARIF reader to supply.
 */
export function formatSarif(
  diagnostics: readonly ResolvedDiagnostic[],
  rules: readonly RuleMeta[],
  version: string,
  root?: string,
): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gateform',
            version,
            informationUri: 'https://github.com/gateform/gateform',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              ...(r.docsUrl !== undefined && { helpUri: r.docsUrl }),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%':
            root === undefined ? { description: { text: 'The folder gateform ran in.' } } : { uri: folderUri(root) },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ...(ruleIndex.has(d.code) && { ruleIndex: ruleIndex.get(d.code) }),
          level: LEVEL[d.severity],
          message: { text: d.hint ? `${d.message} ${d.hint}` : d.message },
          locations: d.file === undefined ? [] : [location(d.file, d.line, d.column, d.endLine, d.endColumn)],
          ...(d.relatedResolved && {
            relatedLocations: d.relatedResolved.map((r, i) => ({
              id: i,
              ...location(r.file, r.line, r.column),
              message: { text: r.message },
            })),
          }),
          partialFingerprints: { primaryLocationLineHash: fingerprint(d) },
          ...(d.suppression && {
            suppressions: [
              {
                kind: 'external',
                status: 'accepted',
                justification: d.suppression.reason,
              },
            ],
          }),
        })),
      },
    ],
  };
  return escapeJsonControls(JSON.stringify(sarif, null, 2)) + '\n';
}

/** An absolute folder as a `file:` URI ending in `/`, as SARIF requires of a base. */
function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : href + '/';
}

/**
 * A file as a SARIF artifact location: a relative file as a percent-encoded URI reference against
 * `%SRCROOT%` (`sp ace/a%.yaml` → `sp%20ace/a%25.yaml`), an absolute one as a `file:` URI.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function location(file: string, line?: number, column?: number, endLine?: number, endColumn?: number) {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(file),
      ...(line !== undefined && {
        region: {
          startLine: line,
          startColumn: column ?? 1,
          ...(endLine !== undefined && { endLine, endColumn: endColumn ?? 1 }),
        },
      }),
    },
  };
}
