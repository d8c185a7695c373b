import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

const SPECS = [
  { name: 'output', short: 'o', value: true },
  { name: 'check' },
  { name: 'rule', value: true, repeat: true },
] as const;

describe('parseArgs', () => {
  it('reads positionals, short and long flags, inline values and repeats', () => {
    const args = parseArgs(
      ['a.yaml', '-o', 'out.yaml', '--check', '--rule=x', '--rule', 'y', '--', '--not-a-flag'],
      SPECS,
    );
    expect(args.positional).toEqual(['a.yaml', '--not-a-flag']);
    expect(args.flags.get('output')).toEqual(['out.yaml']);
    expect(args.flags.get('check')).toEqual(['true']);
    expect(args.flags.get('rule')).toEqual(['x', 'y']);
  });

  it.each([
    [['--outptu', 'x'], 'unknown option --outptu'],
    [['-o'], 'option --output needs a value'],
    [['--check=yes'], 'option --check takes no value'],
    [['-o', 'a', '-o', 'b'], 'option --output is given twice'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, SPECS)).toThrow(new UsageError(message));
  });
});
