import type { SpecError } from '../report/types.js';
/** Calls and reverts of one target function, keyed so the same function merges across workers. */
export interface FunctionCount {
  key: string;
  contract: string;
  function: string;
  calls: number;
  reverts: number;
}

/**
 * What every per-worker result has, whatever form its findings and calls take: a worker
 * thread's result (calls as records) and a shard's spec result in a report both fit, so
 * `vigil run --workers N` and `vigil merge` join their parts by one rule.
 */
export interface WorkerPart<F, C> {
  findings: readonly F[];
  functions: readonly FunctionCount[];
  /** Evaluations per check (`invariant:name`). */
  checkCounts: readonly (readonly [string, number])[];
  runs: number;
  calls: number;
  reverts: number;
  interrupted: boolean;
  stale: readonly { id: string; message: string }[];
  corpus: readonly C[];
  /** A spec check that threw or timed out ended this worker's campaign early. */
  error?: SpecError;
}

export interface MergedParts<F, C> {
  findings: F[];
  functions: Map<string, Omit<FunctionCount, 'key'>>;
  checkCounts: Map<string, number>;
  runs: number;
  calls: number;
  reverts: number;
  interrupted: boolean;
  stale: { id: string; message: string }[];
  corpus: C[];
  /** The first worker's check error, in worker order. */
  error?: SpecError;
}

/** How to tell findings apart and which counterexample is shorter. */
export interface FindingKey<F> {
  id: (f: F) => string;
  length: (f: F) => number;
}

/**
 * Joins parts given in worker order. A finding seen by several workers keeps the shortest
 * counterexample, ties going to the lower worker, and keeps the place where it was first
 * seen; counts add up; corpora are concatenated in worker order. Saved counterexamples are
 * replayed by the first worker only, so its stale list is the run's. The rule is associative
 * over consecutive workers, which is what lets shards of workers merge to one run.
 */
export function mergeWorkerParts<F, C>(parts: readonly WorkerPart<F, C>[], key: FindingKey<F>): MergedParts<F, C> {
  const findings = new Map<string, F>();
  const functions = new Map<string, Omit<FunctionCount, 'key'>>();
  const checkCounts = new Map<string, number>();
  for (const part of parts) {
    for (const f of part.findings) {
      const known = findings.get(key.id(f));
      if (known === undefined || key.length(f) < key.length(known)) findings.set(key.id(f), f);
    }
    for (const f of part.functions) {
      const known = functions.get(f.key);
      if (known === undefined) functions.set(f.key, { contract: f.contract, function: f.function, calls: f.calls, reverts: f.reverts });
      else {
        known.calls += f.calls;
        known.reverts += f.reverts;
      }
    }
    for (const [k, n] of part.checkCounts) checkCounts.set(k, (checkCounts.get(k) ?? 0) + n);
  }
  const total = (f: (p: WorkerPart<F, C>) => number) => parts.reduce((a, p) => a + f(p), 0);
  return {
    findings: [...findings.values()],
    functions,
    checkCounts,
    runs: total((p) => p.runs),
    calls: total((p) => p.calls),
    reverts: total((p) => p.reverts),
    interrupted: parts.some((p) => p.interrupted),
    stale: [...(parts[0]?.stale ?? [])],
    corpus: parts.flatMap((p) => [...p.corpus]),
    ...(parts.some((p) => p.error) ? { error: parts.find((p) => p.error)!.error! } : {}),
  };
}
