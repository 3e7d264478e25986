import type { SpecSession } from '../../campaign/SpecSession.js';
import type { Finding, ProofRecord, SourceLocation } from '../../report/types.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import type { Ctx } from '../word/Word.js';
import { readSetupWorld } from './initialState.js';
import { sevmOptionsFor, type ProofContext } from './ProofContext.js';
import { proveInOrder } from './proveInOrder.js';
import { runBounded } from './runBounded.js';
import { runInductive } from './runInductive.js';
import type { ProveBounds, VerifyCheck, VerifyContract } from './types.js';

export interface ProveOutcome {
  proofs: ProofRecord[];
  /** Replayed counterexamples, in the fuzzer's report format. */
  findings: Finding[];
}

export interface ProveChecksOptions {
  ctx: Ctx;
  sevm: SymbolicEvm;
  bounds: ProveBounds;
  reportPath: string;
  /** Where each check is declared (`invariant:name`). */
  locations?: ReadonlyMap<string, SourceLocation>;
}

/**
 * The verdicts of a spec's checks in this thread, on one Z3 context (see proveInOrder): the
 * bounded search from the set-up state (its depth 0 is the base case), then the inductive
 * steps of the checks it proved.
 */
export async function proveChecks(session: SpecSession, checks: readonly VerifyCheck[], o: ProveChecksOptions): Promise<ProveOutcome> {
  const startedAt = Date.now();
  const contracts = new Map<string, VerifyContract>(session.deployment.contracts.map((c) => [c.key, { address: c.address, abi: c.abi }]));
  const p: ProofContext = {
    ctx: o.ctx, sevm: o.sevm, session, world: await readSetupWorld(session), contracts,
    bounds: o.bounds, sevmOptions: sevmOptionsFor(o.bounds), reportPath: o.reportPath, startedAt,
  };
  // One bounded search evaluates every check along the same paths.
  const all = runBounded(p, checks).then((results) => ({ results, timeMs: Date.now() - startedAt }));
  const byName = new Map(checks.map((c) => [c.name, c]));
  return proveInOrder({
    checks, bounds: o.bounds, ...(o.locations ? { locations: o.locations } : {}),
    bounded: async (name) => {
      const { results, timeMs } = await all;
      return { status: 'done', result: results.get(name)!, timeMs };
    },
    inductive: async (name, assume) => {
      const t0 = Date.now();
      try {
        return { status: 'done', result: await runInductive(p, byName.get(name)!, assume.map((n) => byName.get(n)!)), timeMs: Date.now() - t0 };
      } catch (e) {
        return { status: 'error', reason: (e as Error).message.split('\n')[0]!, timeMs: Date.now() - t0 };
      }
    },
  });
}