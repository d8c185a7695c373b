/** Every location a diagnostic reports resolves to a real position (no silent fallback to a parent). */
import { describe, expect, it } from 'vitest';
import { compile, resolveDiagnostics } from '../src/index.js';
import { fixtureCases } from './support/fixtures.js';

describe('diagnostic locations', () => {
  for (const fixture of fixtureCases()) {
    it(fixture.name, async () => {
      const result = await compile(fixture.input, fixture.base ? { into: fixture.base } : {});
      for (const d of resolveDiagnostics(result.diagnostics, result.files)) {
        if (!d.location) continue;
        const where = `${d.code} at ${d.location.file}#${d.location.pointer}`;
        expect(result.files.has(d.location.file), where).toBe(true);
        if (d.location.pointer !== '' || d.location.position) expect(d.line, where).toBeDefined();
        for (const r of d.relatedResolved ?? []) expect(r.line, `${where} related ${r.pointer}`).toBeDefined();
      }
    });
  }
});
