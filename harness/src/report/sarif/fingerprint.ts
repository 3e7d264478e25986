import { createHash } from 'node:crypto';

/** A hash of a stable id, the same in every run that finds the same thing, so alerts are matched across runs. */
export function fingerprint(stableId: string): string {
  return createHash('sha256').update(stableId).digest('hex');
}
