import type { Finding } from '../../report/types.js';
import { extendPath } from '../exec/PathCond.js';
import type { SymbolicState } from '../exec/PathState.js';
import { concreteTx } from '../explore/txEnv.js';
import type { EndPath } from '../explore/types.js';
import type { CheckCall } from '../spec/CheckEnv.js';
import { checkCallAfter } from './checkCallAfter.js';
import { confirmCounterexample } from './confirmCounterexample.js';
import type { ProofContext } from './ProofContext.js';
import { setupState } from './initialState.js';
import { symbolicStep, type BlockClock, type SymbolicStep } from './symbolicStep.js';
import type { CheckEnv, VerifyCheck } from './types.js';

export type BoundedVerdict = 'proved-bounded' | 'counterexample' | 'unknown' | 'vacuous';

export interface BoundedResult {
  verdict: BoundedVerdict;
  reason?: string;
  finding?: Finding;
  /** proved-bounded: the depth proved, where it is less than the bounds' (a deeper level was not finished). */
  depth?: number;
}

/** Told each time a check is proved through one more depth (the search goes on deeper). */
export type DepthProgress = (name: string, result: BoundedResult) => void;

interface Trace {
  state: SymbolicState;
  steps: SymbolicStep[];
  clock: BlockClock;
}

/** Reasons kept per check: enough to say which bound was hit, not a log. */
const MAX_REASONS = 3;

/**
 * Every sequence of up to k calls to the target functions from the set-up state: after
 * each call, on every success path, the solver looks for a state where a check fails.
 * Reverting paths end (the state is unchanged, and was checked). A path the engine could
 * not follow, a check it could not evaluate or a query the solver could not decide makes
 * the check unknown, never proved; a solver counterexample counts only once it replays.
 */
export async function runBounded(p: ProofContext, checks: readonly VerifyCheck[], onDepth?: DepthProgress): Promise<Map<string, BoundedResult>> {
  const { ctx, sevm, session, bounds } = p;
  const open = new Map(checks.map((c) => [c.name, c]));
  const results = new Map<string, BoundedResult>();
  const unknown = new Map<string, string[]>(checks.map((c) => [c.name, []]));
  const global: string[] = [];
  const layouts = new Set<string>();
  let successes = 0;
  /** The deepest level after which a check had no reason to be unknown (all sequences of that many calls). */
  const provedThrough = new Map<string, number>();
  const addReason = (list: string[], r: string) => {
    if (list.length < MAX_REASONS && !list.includes(r)) list.push(r);
  };

  const clock0: BlockClock = { timestamp: session.chain.timestamp, number: session.chain.blockNumber };
  const start = setupState(ctx, p.world);
  const startTx = concreteTx(BigInt(session.senders[0] ?? session.deployment.actors[0]!), clock0);

  const applied = new Map<string, number>();
  const checkState = async (state: SymbolicState, tx: CheckEnv['tx'], steps: SymbolicStep[], which: readonly VerifyCheck[], around?: { pre: SymbolicState; call: CheckCall }) => {
    for (const check of which) {
      if (!open.has(check.name)) continue;
      if (check.kind === 'property') applied.set(check.name, (applied.get(check.name) ?? 0) + 1);
      const env: CheckEnv = { ctx, sevm, state, tx, contracts: p.contracts, actors: session.deployment.actors, ...(around ?? {}) };
      const value = await check.evaluate(env);
      if (value.unknown !== undefined) {
        addReason(unknown.get(check.name)!, value.unknown);
        continue;
      }
      const violated = ctx.Not(value.holds);
      const q = await sevm.check(extendPath(state.path, violated), bounds.timeoutMs);
      if (q.status === 'unsat') continue;
      if (q.status === 'unknown') {
        addReason(unknown.get(check.name)!, `solver could not decide the check after ${steps.length} call(s) (${q.reason}, timeout ${bounds.timeoutMs} ms)`);
        continue;
      }
      if (steps.length === 0) {
        results.set(check.name, { verdict: 'counterexample', reason: 'fails on the set-up state, before any call' });
        open.delete(check.name);
        continue;
      }
      const end = state as EndPath;
      const c = await confirmCounterexample({ session, sevm, reportPath: p.reportPath, startedAt: p.startedAt }, end, violated, q.model, steps, check);
      if (c.status === 'confirmed') {
        results.set(check.name, { verdict: 'counterexample', finding: c.finding });
        open.delete(check.name);
      } else addReason(unknown.get(check.name)!, c.reason);
    }
  };

  const boundOf = (depth: number) => `depth ${depth}, loop bound ${bounds.loopBound}${layouts.size > 0 ? `, dynamic lengths in {0, 1, 2}` : ''}`;
  const invariants = checks.filter((c) => c.kind === 'invariant');
  const properties = checks.filter((c) => c.kind === 'property');
  await checkState(start, startTx, [], invariants);
  let frontier: Trace[] = [{ state: start, steps: [], clock: clock0 }];
  for (let depth = 1; depth <= bounds.depth && open.size > 0 && frontier.length > 0; depth++) {
    const next: Trace[] = [];
    for (const trace of frontier) {
      for (const target of session.targets) {
        const props = properties.filter((c) => open.has(c.name) && (c.appliesTo?.(target) ?? true));
        // The last call matters only where a check is asked after it: a property-only search
        // (`on: vault.deposit`) explores just the functions it applies to at its last depth.
        if (depth === bounds.depth && props.length === 0 && !invariants.some((c) => open.has(c.name))) continue;
        const prefix = `c${depth}.`;
        const built = symbolicStep(ctx, session, target, trace.state, trace.clock, {
          prefix, maxTimeDelay: BigInt(session.settings.maxTimeDelay), maxBlockDelay: BigInt(session.settings.maxBlockDelay),
        });
        if (!built.complete) addReason(global, `${target.id}: not every calldata layout was explored`);
        for (const step of built.steps) {
          for (const l of step.layout) layouts.add(l);
          const r = await sevm.explore({ state: step.pre, call: step.call, tx: step.tx, options: p.sevmOptions });
          if (r.budget !== undefined) addReason(global, `${target.id} at call ${depth}: ${r.budget} budget hit`);
          for (const end of r.paths) {
            if (end.status === 'unknown') {
              addReason(global, `${target.id} at call ${depth}: ${end.unknown ?? 'unknown'}: ${end.reason ?? ''}`.trim());
              continue;
            }
            const steps = [...trace.steps, step];
            if (end.status !== 'success') {
              // A reverted call leaves the state as it was; properties are still checked after it.
              if (props.length > 0) await checkState({ ...end, world: step.pre.world }, step.tx, steps, props, { pre: step.pre, call: checkCallAfter(step, end) });
              continue;
            }
            successes++;
            await checkState(end, step.tx, steps, [...invariants, ...props], { pre: step.pre, call: checkCallAfter(step, end) });
            if (depth < bounds.depth) next.push({ state: end, steps, clock: { timestamp: step.tx.block.timestamp, number: step.tx.block.number } });
          }
        }
      }
    }
    frontier = next;
    for (const check of checks) {
      if (!open.has(check.name) || global.length > 0 || unknown.get(check.name)!.length > 0) continue;
      if (check.kind === 'property' ? (applied.get(check.name) ?? 0) === 0 : successes === 0) continue;
      provedThrough.set(check.name, depth);
      if (depth < bounds.depth) onDepth?.(check.name, { verdict: 'proved-bounded', reason: boundOf(depth), depth });
    }
  }

  const bound = boundOf(bounds.depth);
  for (const check of checks) {
    if (results.has(check.name)) continue;
    const reasons = [...global, ...unknown.get(check.name)!];
    const shallower = provedThrough.get(check.name);
    // Every sequence of `shallower` calls was decided; the next level was not: that is what is proved.
    if (reasons.length > 0 && shallower !== undefined) {
      results.set(check.name, { verdict: 'proved-bounded', reason: `${boundOf(shallower)}; depth ${shallower + 1} unknown: ${reasons.slice(0, MAX_REASONS).join('; ')}`, depth: shallower });
    } else if (reasons.length > 0) results.set(check.name, { verdict: 'unknown', reason: `${reasons.slice(0, MAX_REASONS).join('; ')} (${bound})` });
    else if (check.kind === 'property' && (applied.get(check.name) ?? 0) === 0) results.set(check.name, { verdict: 'vacuous', reason: `no call it applies to was explored (${bound})` });
    else if (check.kind === 'invariant' && successes === 0 && bounds.depth > 0) results.set(check.name, { verdict: 'vacuous', reason: `every path of every target function reverts from the set-up state (${bound})` });
    else results.set(check.name, { verdict: 'proved-bounded', reason: bound });
  }
  return results;
}
