import type { Finding, ProofRecord, SourceLocation } from '../../report/types.js';
import type { ProveOutcome } from '../verify/proveChecks.js';
import type { Obligation, ObligationOutcome } from './Obligation.js';
import type { ObligationPool } from './ObligationPool.js';

/** An obligation without its procedure and check: what every obligation of one spec shares. */
export type SpecObligation = Omit<Obligation, 'procedure' | 'check' | 'assume'>;

/**
 * `proveChecks` with every obligation in the pool's workers: each check's bounded
 * search is its own obligation (they run in parallel), then the inductive steps go in the
 * spec's order, invariants first, each assuming the invariants proved inductive before it. An obligation
 * that timed out or whose worker died gives `unknown` / `error` for its check alone.
 * Verdicts come back in the checks' order whatever order the workers finish in.
 */
export async function proveChecksInWorkers(
  pool: ObligationPool,
  spec: SpecObligation,
  checks: readonly { kind: 'invariant' | 'property'; name: string }[],
  locations?: ReadonlyMap<string, SourceLocation>,
): Promise<ProveOutcome> {
  const bounded = new Map(checks.map((c) => [c.name, pool.run({ ...spec, procedure: 'bounded', check: c.name, assume: [] })]));
  const proofs: ProofRecord[] = [];
  const findings: Finding[] = [];
  const inductive: string[] = [];
  // Invariants first: a property's step assumes every invariant proved inductive.
  for (const check of [...checks.filter((c) => c.kind === 'invariant'), ...checks.filter((c) => c.kind === 'property')]) {
    const location = locations?.get(`${check.kind}:${check.name}`);
    const base = { kind: check.kind, name: check.name, depth: spec.bounds.depth, loopBound: spec.bounds.loopBound, ...(location ? { location } : {}) };
    const b = await bounded.get(check.name)!;
    if (b.status !== 'done') {
      proofs.push({ ...base, verdict: b.status === 'timeout' ? 'unknown' : 'error', reason: b.status === 'timeout' ? b.reason : `engine failure: ${b.reason}`, timeMs: b.timeMs });
      continue;
    }
    const r = b.result;
    if (r.procedure !== 'bounded') throw new Error(`internal: a bounded obligation answered ${r.procedure}`);
    if (r.finding !== undefined) findings.push(r.finding);
    if (r.verdict !== 'proved-bounded') {
      proofs.push({ ...base, verdict: r.verdict, ...(r.reason ? { reason: r.reason } : {}), ...(r.finding ? { findingId: r.finding.id } : {}), timeMs: b.timeMs });
      continue;
    }
    const s = await pool.run({ ...spec, procedure: 'inductive', check: check.name, assume: [...inductive] });
    const step = stepOf(s);
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

function stepOf(s: ObligationOutcome): { status: 'preserved' } | { status: 'broken' | 'unknown' | 'vacuous'; reason: string } {
  if (s.status === 'timeout') return { status: 'unknown', reason: `inductive step: ${s.reason}` };
  if (s.status === 'error') return { status: 'unknown', reason: `inductive step failed: ${s.reason}` };
  if (s.result.procedure !== 'inductive') throw new Error(`internal: an inductive obligation answered ${s.result.procedure}`);
  return s.result.step;
}
