import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, golden, runFixture, unexpectedGoldens } from './support/fixtures.js';
import { validateTemplateFile } from './support/cfn-validate.js';

describe('golden fixtures', () => {
  for (const fixture of fixtureCases()) {
    it(fixture.name, async () => {
      const outputs = await runFixture(fixture);
      expect(unexpectedGoldens(fixture, Object.keys(outputs)), 'golden files this fixture no longer produces').toEqual(
        [],
      );
      for (const [file, text] of Object.entries(outputs)) {
        const expected = golden(fixture, file, text);
        expect(expected, `${fixture.dir}/${file} is missing (run with UPDATE_GOLDEN=1 to create it)`).toBeDefined();
        expect(text, `${fixture.dir}/${file}`).toBe(expected);
      }
      if (outputs['template.yaml'] !== undefined) {
        expect(validateTemplateFile(join(fixture.dir, 'template.yaml'))).toEqual([]);
      }
    });
  }
});
