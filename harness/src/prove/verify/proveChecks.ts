import type { SpecSession } from '../../campaign/SpecSession.js';
import type { Finding, ProofRecord, SourceLocation } from '../../report/types.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import type { Ctx } from '../word/Word.js';
import { readSetupWorld } from './initialState.js';
import { sevmOptionsFor, type ProofContext } from './ProofContext.js';
import { runBounded, type BoundedResult } from './runBounded.js';
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
 * The verdicts of a spec's checks: the bounded search from the set-up state first (its
 * depth 0 is the base case); then, for the checks it proved, the inductive step, in the
 * spec's order, each assuming the invariants already proved inductive. A step that breaks
 * leaves the bounded verdict with the counterexample to induction named in the reason.
 */
export async function proveChecks(session: SpecSession, checks: readonly VerifyCheck[], o: ProveChecksOptions): Promise<ProveOutcome> {
  const startedAt = Date.now();
  const contracts = new Map<string, VerifyContract>(session.deployment.contracts.map((c) => [c.key, { address: c.address, abi: c.abi }]));
  const p: ProofContext = {
    ctx: o.ctx, sevm: o.sevm, session, world: await readSetupWorld(session), contracts,
    bounds: o.bounds, sevmOptions: sevmOptionsFor(o.bounds), reportPath: o.reportPath, startedAt,
  };
  const bounded = await runBounded(p, checks);
  const boundedMs = Date.now() - startedAt;
  const proofs: ProofRecord[] = [];
  const findings: Finding[] = [];
  const inductive: VerifyCheck[] = [];
  // Invariants first: a property's step assumes every invariant proved inductive.
  for (const check of [...checks.filter((c) => c.kind === 'invariant'), ...checks.filter((c) => c.kind === 'property')]) {
    const t0 = Date.now();
    const base = {
      kind: check.kind, name: check.name, depth: o.bounds.depth, loopBound: o.bounds.loopBound,
      ...(o.locations?.get(`${check.kind}:${check.name}`) ? { location: o.locations.get(`${check.kind}:${check.name}`)! } : {}),
    };
    const b: BoundedResult = bounded.get(check.name)!;
    if (b.finding !== undefined) findings.push(b.finding);
    if (b.verdict !== 'proved-bounded') {
      proofs.push({ ...base, verdict: b.verdict, ...(b.reason ? { reason: b.reason } : {}), ...(b.finding ? { findingId: b.finding.id } : {}), timeMs: boundedMs });
      continue;
    }
    let step;
    try {
      step = await runInductive(p, check, inductive);
    } catch (e) {
      step = { status: 'unknown' as const, reason: `inductive step failed: ${(e as Error).message.split('\n')[0]}` };
    }
    const timeMs = boundedMs + (Date.now() - t0);
    if (step.status === 'preserved' && check.kind === 'property') {
      proofs.push({ ...base, verdict: 'proved-inductive', reason: `holds after every call it applies to, from any state${inductive.length > 0 ? ` where ${inductive.map((c) => c.name).join(', ')} hold` : ''}`, timeMs });
    } else if (step.status === 'preserved') {
      inductive.push(check);
      proofs.push({ ...base, verdict: 'proved-inductive', reason: `base case on the set-up state; every target function preserves it${inductive.length > 1 ? ` (assuming ${inductive.slice(0, -1).map((c) => c.name).join(', ')})` : ''}`, timeMs });
    } else {
      const hint = step.status === 'broken' ? '; hint: add an invariant (lemma) that excludes that state' : '';
      proofs.push({ ...base, verdict: 'proved-bounded', reason: `${b.reason}; not inductive: ${step.reason}${hint}`, timeMs });
    }
  }
  return { proofs, findings };
}
