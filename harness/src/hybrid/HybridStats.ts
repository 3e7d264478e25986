/** What hybrid fuzzing did in one campaign (summed over workers); see HybridFuzzer. */
export interface HybridStats {
  /** Times the campaign stalled and corpus sequences were explored symbolically. */
  rounds: number;
  /** Corpus sequences whose last call was explored. */
  explored: number;
  /** Z3 queries (each bounded by a resource limit). */
  queries: number;
  /** Branch sides made reachable by a concrete candidate value, without asking Z3. */
  concrete: number;
  /** Branch sides made reachable by Z3's model. */
  solved: number;
  /** Proposed sequences run for real. */
  candidates: number;
  /** Edges those runs reached first. */
  newEdges: number;
  /** Proposed sequences that really took a branch side aimed at, and so joined the corpus. */
  corpusEntries: number;
  /** Timing: wall time spent in hybrid rounds, candidates' runs included. */
  timeMs: number;
  /** Set when an error of Z3 or of the symbolic EVM ended hybrid fuzzing early (the search went on without it). */
  disabled?: string;
}

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
