import type { SpecSession } from '../../campaign/SpecSession.js';
import type { SuiteRef } from '../../native/SuiteRef.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import { runBounded, type BoundedResult } from '../verify/runBounded.js';
import { runInductive } from '../verify/runInductive.js';
import type { ProveBounds, VerifyCheck } from '../verify/types.js';
import type { ObligationResult } from '../worker/Obligation.js';
import type { Ctx } from '../word/Word.js';
import { nativeInvariantCheck } from './nativeInvariantCheck.js';
import { nativeInvariants } from './nativeInvariants.js';
import { nativeProofContext } from './nativeProofContext.js';
import { explainCheatReason, type SymbolicVmCode } from './symbolicVm.js';

export interface NativeObligationInput {
  ctx: Ctx;
  sevm: SymbolicEvm;
  bounds: ProveBounds;
  reportPath: string;
  vm: SymbolicVmCode;
  procedure: 'bounded' | 'inductive';
  check: string;
  /** Inductive: invariants already proved inductive, assumed on the pre-state. */
  assume: readonly string[];
}

/** One native invariant under one procedure, with the same result shape as the spec obligations. */
export async function runNativeObligation(session: SpecSession & { suite: SuiteRef }, o: NativeObligationInput, onPartial?: (r: ObligationResult) => void): Promise<ObligationResult> {
  const options = { loopBound: o.bounds.loopBound, timeoutMs: o.bounds.timeoutMs, solverTimeoutMs: Math.min(o.bounds.timeoutMs, 10_000) };
  const checks = new Map<string, VerifyCheck>(nativeInvariants(session).map((inv) => [inv.fn.name, nativeInvariantCheck(inv, options)]));
  const pick = (name: string) => {
    const c = checks.get(name);
    if (c === undefined) throw new Error(`no invariant function ${name} in ${session.suite.contract}`);
    return c;
  };
  const check = pick(o.check);
  const p = await nativeProofContext(session, o);
  if (o.procedure === 'bounded') {
    const answer = (r: BoundedResult): ObligationResult => ({
      procedure: 'bounded', verdict: r.verdict,
      ...(r.reason !== undefined ? { reason: explainCheatReason(r.reason, o.vm) } : {}),
      ...(r.finding ? { finding: r.finding } : {}),
      ...(r.depth !== undefined ? { depth: r.depth } : {}),
    });
    return answer((await runBounded(p, [check], (_name, r) => onPartial?.(answer(r)))).get(check.name)!);
  }
  const step = await runInductive(p, check, o.assume.map(pick));
  return { procedure: 'inductive', step: 'reason' in step ? { ...step, reason: explainCheatReason(step.reason, o.vm) } : step };
}
