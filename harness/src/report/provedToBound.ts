import type { ProofRecord } from './types.js';

/**
 * A proof that settles its check as asked: proved inductive, or proved bounded through the
 * depth the run asked for. A bounded proof at a smaller depth (the deeper level ran out of
 * time or was not decided) is true but short of the request: the run is inconclusive.
 */
export function provedToBound(p: ProofRecord, depth: number): boolean {
  if (p.verdict === 'proved-inductive') return true;
  return p.verdict === 'proved-bounded' && (p.depth ?? depth) >= depth;
}
