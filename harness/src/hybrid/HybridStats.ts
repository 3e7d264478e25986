import type { HybridRecord } from '../report/types.js';

/** What hybrid fuzzing did in one campaign (summed over workers); see HybridFuzzer. The report's record, field for field. */
export type HybridStats = HybridRecord;

export function emptyHybridStats(): HybridStats {
  return { rounds: 0, explored: 0, queries: 0, concrete: 0, solved: 0, candidates: 0, newEdges: 0, corpusEntries: 0, timeMs: 0 };
}

/** The stats of several workers of one campaign, added up. */
export function sumHybridStats(parts: readonly (HybridStats | undefined)[]): HybridStats | undefined {
  const known = parts.filter((p): p is HybridStats => p !== undefined);
  if (known.length === 0) return undefined;
  const out = emptyHybridStats();
  const counts = Object.keys(out) as Exclude<keyof HybridStats, 'disabled'>[];
  for (const p of known) for (const k of counts) out[k] += p[k];
  const disabled = known.find((p) => p.disabled !== undefined)?.disabled;
  return disabled === undefined ? out : { ...out, disabled };
}
