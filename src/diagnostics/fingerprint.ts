/**
 * The fingerprint of a finding: the same problem at the same place gets the same one, however lines move
 * around it (it is made of the code, the file, the JSON pointer and the message, never a line number).
 * SARIF's partialFingerprints and the baseline file use it.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostic.js';

export function fingerprint(d: Diagnostic): string {
  return createHash('sha256')
    .update(`${d.code}\u0000${d.location?.file ?? ''}\u0000${d.location?.pointer ?? ''}\u0000${d.message}`)
    .digest('hex')
    .slice(0, 32);
}
