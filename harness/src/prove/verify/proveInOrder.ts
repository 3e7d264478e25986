import type { Finding, ProofRecord, SourceLocation } from '../../report/types.js';
import type { ProveOutcome } from './proveChecks.js';
import type { BoundedVerdict } from './runBounded.js';
import type { StepResult } from './runInductive.js';
import type { ObligationResult } from '../worker/Obligation.js';
import type { ProveBounds } from './types.js';

/** A procedure's answer, or why there is none (stopped at its time limit, with what it had proved by then, or failed). */
export type TaskOutcome<R> =
  | { status: 'done'; result: R; timeMs: number }
  | { status: 'timeout'; reason: string; timeMs: number; partial?: R }
  | { status: 'error'; reason: string; timeMs: number };

export interface BoundedAnswer {
  verdict: BoundedVerdict;
  reason?: string;
  finding?: Finding;
  /** proved-bounded at less than the plan's depth: the depth proved. */
  depth?: number;
}

export interface ProofPlan {
  checks: readonly { kind: 'invariant' | 'property'; name: string }[];
  bounds: ProveBounds;
  /** Where each check is declared (`invariant:name`). */
  locations?: ReadonlyMap<string, SourceLocation>;
  /** The bounded search of one check; asked for every check before any answer is awaited. */
  bounded(name: string): Promise<TaskOutcome<BoundedAnswer>>;
  /** The inductive step of one check, assuming the invariants named. */
  inductive(name: string, assume: string[]): Promise<TaskOutcome<StepResult>>;
}

/**
 * The verdicts of a set of checks however their procedures run (in this thread, in worker
 * threads, for specs or native suites): every bounded search first, then, for the checks it
 * proved, the inductive step, invariants first in their order, each assuming the invariants
 * proved inductive before it (a property's step assumes them all). A step that breaks leaves
 * the bounded verdict with the counterexample to induction and a lemma hint. A bounded
 * search stopped at its time limit after proving a smaller depth is proved-bounded at that depth.
 */
export async function proveInOrder(plan: ProofPlan): Promise<ProveOutcome> {
  const bounded = new Map(plan.checks.map((c) => [c.name, plan.bounded(c.name)]));
  for (const p of bounded.values()) p.catch(() => undefined);
  const proofs: ProofRecord[] = [];
  const findings: Finding[] = [];
  const inductive: string[] = [];
  const ordered = [...plan.checks.filter((c) => c.kind === 'invariant'), ...plan.checks.filter((c) => c.kind === 'property')];
  for (const check of ordered) {
    const location = plan.locations?.get(`${check.kind}:${check.name}`);
    const base = { kind: check.kind, name: check.name, depth: plan.bounds.depth, loopBound: plan.bounds.loopBound, ...(location ? { location } : {}) };
    const b = stoppedDeeper(await bounded.get(check.name)!);
    if (b.status !== 'done') {
      proofs.push({ ...base, verdict: b.status === 'timeout' ? 'unknown' : 'error', reason: b.status === 'timeout' ? b.reason : `engine failure: ${b.reason}`, timeMs: b.timeMs });
      continue;
    }
    const r = b.result;
    if (r.depth !== undefined) base.depth = r.depth;
    if (r.finding !== undefined) findings.push(r.finding);
    if (r.verdict !== 'proved-bounded') {
      proofs.push({ ...base, verdict: r.verdict, ...(r.reason ? { reason: r.reason } : {}), ...(r.finding ? { findingId: r.finding.id, foundBy: 'solver' as const } : {}), timeMs: b.timeMs });
      continue;
    }
    const s = await plan.inductive(check.name, [...inductive]);
    const step: StepResult = s.status === 'done' ? s.result : { status: 'unknown', reason: s.status === 'timeout' ? `inductive step: ${s.reason}` : `inductive step failed: ${s.reason}` };
    const timeMs = b.timeMs + s.timeMs;
    if (step.status === 'preserved' && check.kind === 'property') {
      proofs.push({ ...base, verdict: 'proved-inductive', reason: `holds after every call it applies to, from any state${inductive.length > 0 ? ` where ${inductive.join(', ')} hold` : ''}`, timeMs });
    } else if (step.status === 'preserved') {
      inductive.push(check.name);
      proofs.push({ ...base, verdict: 'proved-inductive', reason: `base case on the set-up state; every target function preserves it${inductive.length > 1 ? ` (assuming ${inductive.slice(0, -1).join(', ')})` : ''}`, timeMs });
    } else {
      const hint = step.status === 'broken' ? '; hint: add an invariant (lemma) that excludes that state' : '';
      proofs.push({ ...base, verdict: 'proved-bounded', reason: `${r.reason}; not inductive: ${step.reason}${hint}`, timeMs });
    }
  }
  return { proofs, findings };
}

/** A bounded search stopped at its time limit, with a depth it had proved: that depth's verdict, saying what stopped. */
function stoppedDeeper(o: TaskOutcome<BoundedAnswer>): TaskOutcome<BoundedAnswer> {
  const depth = o.status === 'timeout' ? o.partial?.depth : undefined;
  if (o.status !== 'timeout' || o.partial === undefined || depth === undefined) return o;
  const reason = `${o.partial.reason ?? `depth ${depth}`}; depth ${depth + 1} stopped: ${o.reason}`;
  return { status: 'done', timeMs: o.timeMs, result: { ...o.partial, reason } };
}

/** A procedure result as worker threads return it (tagged with its procedure), for `bounded`. */
export function boundedOutcome(o: TaskOutcome<ObligationResult | { procedure: 'check' }>): TaskOutcome<BoundedAnswer> {
  if (o.status === 'timeout') {
    const { partial, ...rest } = o;
    if (partial === undefined) return rest;
    if (partial.procedure !== 'bounded') throw new Error(`internal: a bounded task answered ${partial.procedure}`);
    const { procedure: _, ...answer } = partial;
    return { ...rest, partial: answer };
  }
  if (o.status !== 'done') return o;
  if (o.result.procedure !== 'bounded') throw new Error(`internal: a bounded task answered ${o.result.procedure}`);
  const { procedure: _, ...answer } = o.result;
  return { ...o, result: answer };
}

/** The same, for `inductive`. */
export function stepOutcome(o: TaskOutcome<ObligationResult | { procedure: 'check' }>): TaskOutcome<StepResult> {
  if (o.status === 'timeout') return { status: 'timeout', reason: o.reason, timeMs: o.timeMs };
  if (o.status !== 'done') return o;
  if (o.result.procedure !== 'inductive') throw new Error(`internal: an inductive task answered ${o.result.procedure}`);
  return { ...o, result: o.result.step };
}
