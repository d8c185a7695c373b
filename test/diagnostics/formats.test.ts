import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { ResolvedDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatGithub } from '../../src/diagnostics/format/github.js';
import { formatJson } from '../../src/diagnostics/format/json.js';
import { formatSarif, type RuleMeta } from '../../src/diagnostics/format/sarif.js';

const DIAGNOSTICS: ResolvedDiagnostic[] = [
  {
    code: 'integration-uri',
    messageId: 'http',
    severity: 'error',
    message: 'Bad uri: a, b%c\nnext',
    hint: 'Use https.',
    file: 'api/openapi.yaml',
    line: 12,
    column: 9,
    endLine: 12,
    endColumn: 12,
    location: { file: 'api/openapi.yaml', pointer: '/paths/~1a/get' },
  },
  {
    code: 'api-key-only-protection',
    severity: 'warning',
    message: 'Ünïcode ✓ warning',
    file: 'api/openapi.yaml',
    line: 3,
    column: 1,
    location: { file: 'api/openapi.yaml', pointer: '/x' },
    relatedResolved: [{ file: 'api/other.yaml', pointer: '/y', line: 2, column: 4, message: 'also here' }],
  },
  { code: 'model-name-renamed', severity: 'info', message: 'No location at all' },
];
const RULES: RuleMeta[] = [
  {
    id: 'integration-uri',
    description: 'Integration URIs.',
    docsUrl: 'https://example.com/integration-uri.md',
    defaultSeverity: 'error',
  },
  { id: 'api-key-only-protection', description: 'API keys are not auth.', defaultSeverity: 'warning' },
];

describe('json format', () => {
  it('lists each problem with its place, code, message id and hint', () => {
    const parsed = JSON.parse(formatJson(DIAGNOSTICS)) as Record<string, unknown>[];
    expect(parsed[0]).toEqual({
      file: 'api/openapi.yaml',
      line: 12,
      column: 9,
      endLine: 12,
      endColumn: 12,
      severity: 'error',
      code: 'integration-uri',
      messageId: 'http',
      message: 'Bad uri: a, b%c\nnext',
      hint: 'Use https.',
      pointer: '/paths/~1a/get',
    });
    expect(parsed[1]).toMatchObject({
      related: [{ file: 'api/other.yaml', line: 2, column: 4, pointer: '/y', message: 'also here' }],
    });
    expect(parsed[2]).toEqual({ severity: 'info', code: 'model-name-renamed', message: 'No location at all' });
  });
});

describe('github format', () => {
  it('writes workflow commands with escaped data and properties', () => {
    expect(formatGithub(DIAGNOSTICS).split('\n')).toEqual([
      '::error file=api/openapi.yaml,line=12,col=9,endLine=12,endColumn=12,title=gateform integration-uri::Bad uri: a, b%25c%0Anext%0AUse https.',
      '::warning file=api/openapi.yaml,line=3,col=1,title=gateform api-key-only-protection::Ünïcode ✓ warning',
      '::notice title=gateform model-name-renamed::No location at all',
      '',
    ]);
    expect(
      formatGithub([{ code: 'c', severity: 'error', message: 'm', file: 'a:b,c.yaml', line: 1, column: 1 }]),
    ).toContain('file=a%3Ab%2Cc.yaml');
  });
});

describe('sarif format', () => {
  const schema = JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
      'utf8',
    ),
  ) as object;
  // The SARIF schema has a pattern that is not valid in Unicode mode. Formats (uri, uri-reference…) are checked.
  const ajv = new AjvDraft04.default({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  it('is valid SARIF 2.1.0', () => {
    const log = JSON.parse(formatSarif(DIAGNOSTICS, RULES, '1.2.3'));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('percent-encodes file names into valid URIs, relative to the folder of the run or absolute', () => {
    const odd: ResolvedDiagnostic[] = [
      { code: 'c', severity: 'error', message: 'm', file: 'sp ace/a b%.yaml', line: 1, column: 1 },
      { code: 'c', severity: 'error', message: 'm', file: 'x,y:z/a#b?.yaml', line: 1, column: 1 },
      { code: 'c', severity: 'error', message: 'm', file: '/tmp/sp ace/a.yaml', line: 1, column: 1 },
    ];
    const log = JSON.parse(formatSarif(odd, RULES, '1.2.3', '/work/my repo'));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const uris = log.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: object } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(uris).toEqual([
      { uri: 'sp%20ace/a%20b%25.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'x%2Cy%3Az/a%23b%3F.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///tmp/sp%20ace/a.yaml' },
    ]);
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/my%20repo/' } });
  });

  it('the validation can fail', () => {
    const log = JSON.parse(formatSarif(DIAGNOSTICS, RULES, '1.2.3'));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    const badUri = JSON.parse(formatSarif(DIAGNOSTICS, RULES, '1.2.3'));
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'sp ace/a b.yaml';
    expect(validate(badUri)).toBe(false);
  });

  it('carries rule metadata, levels, regions, related locations and stable fingerprints', () => {
    const log = JSON.parse(formatSarif(DIAGNOSTICS, RULES, '1.2.3'));
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'gateform', version: '1.2.3' });
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'integration-uri',
      shortDescription: { text: 'Integration URIs.' },
      helpUri: 'https://example.com/integration-uri.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note']);
    expect(run.results[0].ruleIndex).toBe(0);
    expect(run.results[2].ruleIndex).toBeUndefined();
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'api/openapi.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 9, endLine: 12, endColumn: 12 },
    });
    expect(run.results[1].relatedLocations[0]).toMatchObject({ message: { text: 'also here' } });
    expect(run.results[2].locations).toEqual([]);
    const moved = JSON.parse(formatSarif([{ ...DIAGNOSTICS[0]!, line: 40 }], RULES, '1.2.3'));
    expect(moved.runs[0].results[0].partialFingerprints).toEqual(run.results[0].partialFingerprints);
  });
});
