import { describe, expect, it } from 'vitest';
import { schemaProblem } from '../../src/diagnostics/schema-problem.js';

describe('schemaProblem', () => {
  it('words counts in the plural the noun takes', () => {
    expect(schemaProblem('maxProperties', { limit: 4 })).toBe('may have at most 4 entries');
    expect(schemaProblem('maxProperties', { limit: 1 })).toBe('may have at most 1 entry');
    expect(schemaProblem('maxItems', { limit: 3 })).toBe('may list at most 3 items');
    expect(schemaProblem('maxLength', { limit: 1 })).toBe('must be at most 1 character long');
  });
});
