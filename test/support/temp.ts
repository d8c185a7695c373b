/** Temporary folders for tests: each under the run's one root, which the run removes (test/support/temp-root.ts). */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A new empty folder under the run's root. */
export function tempDir(prefix = 'case-'): string {
  return mkdtempSync(join(inject('tempRoot'), prefix));
}
