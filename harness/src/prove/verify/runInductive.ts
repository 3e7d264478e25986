import { extendPath } from '../exec/PathCond.js';
import type { SymbolicState } from '../exec/PathState.js';
import type { TxEnv } from '../exec/ExecEnv.js';
import { checkCallAfter } from './checkCallAfter.js';
import { anyState } from './initialState.js';
import type { ProofContext } from './ProofContext.js';
import { symbolicStep, type BlockClock } from './symbolicStep.js';
import type { CheckEnv, VerifyCheck } from './types.js';
import { sym, type BV, type BoolExpr } from '../word/Word.js';

export type StepResult =
  | { status: 'preserved' }
  | { status: 'broken'; reason: string }
  | { status: 'unknown'; reason: string }
  | { status: 'vacuous'; reason: string };

/**
 * The inductive step: from any storage and balances where the check and the invariants
 * already proved inductive hold, every target function, with any arguments, sender,
 * value and time, keeps the check. A success path where the solver finds it broken is a
 * counterexample to induction from a state that may not be reachable: the caller decides
 * what it means (the bounded search found none, so the hint is a lemma).
 */
export async function runInductive(p: ProofContext, check: VerifyCheck, proved: readonly VerifyCheck[]): Promise<StepResult> {
  // A property is not assumed before the call: it relates the two states of one call.
  const property = check.kind === 'property';
  const assumedChecks = property ? proved : [...proved, check];
  const { ctx, sevm, session, bounds } = p;
  const pre: SymbolicState = anyState(ctx, p.world);
  // Any block: the step holds at every time, not only at the set-up block's.
  const clock: BlockClock = {
    timestamp: sym(ctx.BitVec.const('i.timestamp', 64).zeroExt(192) as BV),
    number: sym(ctx.BitVec.const('i.number', 64).zeroExt(192) as BV),
  };
  // One sender at a time: from any storage, a symbolic sender's mapping slots are hashes of
  // unknown inputs over an unknown array, which the solver decides far more slowly.
  for (const target of session.targets.filter((t) => check.appliesTo?.(t) ?? true)) for (const sender of session.senders) {
    const built = symbolicStep(ctx, session, target, pre, clock, {
      prefix: 'i.', senders: [sender], splitAddresses: false, maxTimeDelay: BigInt(session.settings.maxTimeDelay), maxBlockDelay: BigInt(session.settings.maxBlockDelay),
    });
    for (const step of built.steps) {
      // The pre-state's assumptions join only the final query: in the path they would weigh on
      // every branch decision, and a branch kept without them only adds paths (sound).
      const assumed: SymbolicState = step.pre;
      const assumptions: BoolExpr[] = [];
      for (const c of assumedChecks) {
        const v = await c.evaluate(envOf(p, assumed, step.tx));
        if (v.unknown !== undefined) return { status: 'unknown', reason: `inductive step: ${c.name} on any state: ${v.unknown}` };
        assumptions.push(v.holds);
      }
      const sat = assumptions.length === 0 ? { status: 'sat' } : await sevm.check(extendPath(assumed.path, ctx.And(...assumptions)), bounds.timeoutMs);
      if (sat.status === 'unsat') return { status: 'vacuous', reason: 'inductive step: the assumed invariants hold on no state' };
      const r = await sevm.explore({ state: assumed, call: step.call, tx: step.tx, options: p.sevmOptions });
      if (r.budget !== undefined) return { status: 'unknown', reason: `inductive step: ${target.id}: ${r.budget} budget hit` };
      for (const end of r.paths) {
        if (end.status === 'unknown') return { status: 'unknown', reason: `inductive step: ${target.id}: ${end.unknown ?? 'unknown'}: ${end.reason ?? ''}`.trim() };
        if (end.status !== 'success' && !property) continue;
        const call = checkCallAfter(step, end);
        const after = end.status !== 'success' ? { ...end, world: assumed.world } : end;
        const v = await check.evaluate(property ? { ...envOf(p, after, step.tx), pre: assumed, call } : envOf(p, end, step.tx));
        if (v.unknown !== undefined) return { status: 'unknown', reason: `inductive step: ${check.name} after ${target.id}: ${v.unknown}` };
        const q = await sevm.check(extendPath(end.path, ctx.And(...assumptions, ctx.Not(v.holds))), bounds.timeoutMs);
        if (q.status === 'sat') {
          const from = property ? `a state${proved.length > 0 ? ' where the proved invariants hold' : ''} the bounded search did not reach` : 'a state the bounded search did not reach';
          return { status: 'broken', reason: `counterexample to induction: ${target.id} breaks ${check.name} from ${from}` };
        }
        if (q.status === 'unknown') return { status: 'unknown', reason: `inductive step: solver could not decide ${check.name} after ${target.id} (${q.reason})` };
      }
    }
  }
  return { status: 'preserved' };
}

function envOf(p: ProofContext, state: SymbolicState, tx: TxEnv): CheckEnv {
  return { ctx: p.ctx, sevm: p.sevm, state, tx, contracts: p.contracts, actors: p.session.deployment.actors };
}
