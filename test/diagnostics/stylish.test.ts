import { describe, expect, it } from 'vitest';
import type { ResolvedDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatStylish } from '../../src/diagnostics/format/stylish.js';

const LINES = ['openapi: 3.0.3', 'x-gateway:', '  stag: {}'];
const lineOf = (_file: string, line: number) => LINES[line - 1];

describe('formatStylish', () => {
  it('prints place, severity, message, code, a code frame, the hint, related places and a summary', () => {
    const diagnostics: ResolvedDiagnostic[] = [
      {
        code: 'unknown-x-gateway-key',
        severity: 'error',
        message: 'Unknown key `stag`.',
        file: 'a.yaml',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 7,
        hint: 'Did you mean `stage`?',
        relatedResolved: [{ file: 'b.yaml', pointer: '/x', line: 2, column: 1, message: 'also here' }],
      },
      { code: 'w', severity: 'warning', message: 'Careful.', file: 'a.yaml', line: 1, column: 1 },
      { code: 'i', severity: 'info', message: 'No place.' },
    ];
    expect(formatStylish(diagnostics, { lineOf })).toBe(
      [
        'a.yaml:3:3: error Unknown key `stag`. [unknown-x-gateway-key]',
        '  2 | x-gateway:',
        '> 3 |   stag: {}',
        '    |   ^^^^',
        '  hint: Did you mean `stage`?',
        '  b.yaml:2:1: also here',
        '',
        'a.yaml:1:1: warning Careful. [w]',
        '> 1 | openapi: 3.0.3',
        '    | ^',
        '',
        'info No place. [i]',
        '',
        '1 error, 1 warning, 1 info',
        '',
      ].join('\n'),
    );
  });

  it('crops a long line around the column', () => {
    const long = `{"a":${'1,'.repeat(100000)}"key":"value"}`;
    const column = long.indexOf('"key"') + 1;
    const out = formatStylish(
      [
        {
          code: 'c',
          severity: 'error',
          message: 'm',
          file: 'min.json',
          line: 1,
          column,
          endLine: 1,
          endColumn: column + 5,
        },
      ],
      { lineOf: () => long },
    );
    const [, frame, carets] = out.split('\n');
    expect(frame!.length).toBeLessThan(140);
    expect(frame!.indexOf('"key"')).toBe(carets!.indexOf('^'));
    expect(carets!.match(/\^/g)).toHaveLength(5);
    expect(frame).toMatch(/^> 1 \| …1,1,.*"key":"value"}$/);
  });

  it('prints nothing for no diagnostics', () => {
    expect(formatStylish([])).toBe('');
  });

  it('colours only when asked', () => {
    expect(formatStylish([{ code: 'c', severity: 'error', message: 'm' }], { color: true })).toContain(
      '\u001b[31merror',
    );
  });
});
