import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, golden, runFixture } from './support/fixtures.js';
import { validateTemplateFile } from './support/cfn-validate.js';

describe('golden fixtures', () => {
  for (const fixture of fixtureCases()) {
    it(fixture.name, async () => {
      const { file, text } = await runFixture(fixture);
      const expected = golden(fixture, file, text);
      expect(expected, `${fixture.dir}/${file} is missing (run with UPDATE_GOLDEN=1 to create it)`).toBeDefined();
      expect(text).toBe(expected);
      if (file === 'template.yaml') {
        expect(validateTemplateFile(join(fixture.dir, file))).toEqual([]);
      }
    });
  }
});
