import { runCampaign } from '../campaign/runCampaign.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { CataloguedLever } from './catalogLevers.js';

export interface RefuzzBudget {
  seed: number;
  runs: number;
  depth: number;
  timeLimitMs?: number;
}

export interface RefuzzResult {
  runs: number;
  calls: number;
  /** The target broken again with the levers in place: the attacker's way around them. */
  found?: { original: FuzzCall[]; shrunk: FuzzCall[] };
  /** Why no campaign ran (a lever reverted, nothing left to call). */
  skipped?: string;
}

/**
 * A short campaign from the baseline with `levers` pulled first, so the search looks for
 * another way to break `target` while they hold. The levers' and their undos' functions
 * are taken out of the targets: the attacker holds no guardian power.
 */
export async function refuzzWithLevers(session: SpecSession, levers: readonly CataloguedLever[], target: string, budget: RefuzzBudget, signal?: AbortSignal): Promise<RefuzzResult> {
  const { chain, checks } = session;
  chain.revertTo(session.base);
  checks.reset();
  for (const l of levers) {
    const r = await chain.call({ from: l.call.from, to: l.call.contract.address, data: l.call.data });
    if (r.status !== 'success') {
      chain.revertTo(session.base);
      return { runs: 0, calls: 0, skipped: `lever ${l.lever.id} reverts when pulled with the others` };
    }
  }
  const privileged = new Set(levers.flatMap((l) => l.functions));
  const targets = session.targets.filter((t) => !privileged.has(`${t.contract.address}:${t.selector}`));
  if (targets.length === 0) {
    chain.revertTo(session.base);
    return { runs: 0, calls: 0, skipped: 'no function is left to call once the levers are pulled' };
  }
  const base = chain.snapshot();
  try {
    const levered: SpecSession = {
      ...session, base, targets,
      settings: { ...session.settings, ...budget, shrinkLimit: 1000, shrinkTimeMs: 5_000 },
    };
    const result = await runCampaign(levered, { signal });
    const hit = result.findings.find((f) => f.violation.id === target);
    return { runs: result.runs, calls: result.calls, ...(hit ? { found: { original: hit.original, shrunk: hit.shrunk } } : {}) };
  } finally {
    chain.revertTo(session.base);
    chain.release(base);
  }
}
