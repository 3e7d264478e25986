import { runCampaign } from '../../campaign/runCampaign.js';
import { runSequence } from '../../campaign/runSequence.js';
import type { SpecSession } from '../../campaign/SpecSession.js';
import { toFinding } from '../../campaign/toFinding.js';
import { SourceIndex } from '../../compile/SourceIndex.js';
import type { Finding } from '../../report/types.js';

/** How much concrete search `vigil prove` does before it asks the solver. */
export interface ConcreteSearchBudget {
  /** Fuzzing runs from the set-up state (0: no concrete search). */
  runs: number;
  /** Calls per run. */
  depth: number;
  /** Wall-clock cap, shrinking included. */
  timeLimitMs: number;
}

export const defaultConcreteSearch: ConcreteSearchBudget = { runs: 100, depth: 50, timeLimitMs: 30_000 };

/** A check broken by concrete execution: its replayed, shrunk counterexample. */
export interface ConcreteCounterexample {
  kind: 'invariant' | 'property';
  name: string;
  finding: Finding;
  runs: number;
  timeMs: number;
}

/**
 * "Try concrete values first": a short, seeded fuzzing campaign from the set-up state
 * before any solver query. A check it breaks needs no proof attempt: its shrunk sequence is
 * run again by the real runner from the set-up state, and only a sequence on which the
 * spec's own check fails there becomes a counterexample, as the fuzzer reports a finding
 * (so `vigil replay` and `vigil export --foundry` take it). Deterministic for a seed and a
 * run count; the time cap only ends a search that would be slow. Hybrid rounds are off:
 * the solver comes after this, with the whole budget. Leaves the chain at the set-up state.
 */
export async function searchConcrete(session: SpecSession, budget: ConcreteSearchBudget, reportPath: string): Promise<ConcreteCounterexample[]> {
  if (budget.runs <= 0) return [];
  const started = Date.now();
  const settings = {
    ...session.settings,
    runs: budget.runs,
    depth: Math.min(session.settings.depth, budget.depth),
    timeLimitMs: Math.min(session.settings.timeLimitMs ?? Infinity, budget.timeLimitMs),
    shrinkTimeMs: Math.min(session.settings.shrinkTimeMs, 5_000),
    hybrid: 'off' as const,
  };
  const result = await runCampaign({ ...session, settings });
  const out: ConcreteCounterexample[] = [];
  const index = new SourceIndex(session.compiled);
  try {
    for (const f of result.findings) {
      const v = f.violation;
      if (v.kind !== 'invariant' && v.kind !== 'property') continue;
      const outcome = await runSequence(session, f.shrunk, { target: v.id });
      if (outcome.violation === undefined) continue;
      const finding = await toFinding(session, index, { ...f, shrunk: f.shrunk.slice(0, outcome.index + 1) }, { seed: settings.seed, reportPath }, true);
      out.push({ kind: v.kind, name: v.name, runs: result.runs, timeMs: Date.now() - started, finding });
    }
  } finally {
    session.chain.revertTo(session.base);
    session.checks.reset();
  }
  return out;
}
