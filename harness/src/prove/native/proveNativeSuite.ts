import { relative } from 'node:path';
import type { Finding, ProofRecord, SpecResult } from '../../report/types.js';
import type { ProveSuite } from './findProveSuites.js';
import { locateFunction } from './locateFunction.js';
import type { NativeOutcome, NativeRunner, NativeTask } from './NativeTask.js';

export type SuiteTaskBase = Omit<NativeTask, 'suite' | 'procedure' | 'check' | 'assume'>;

/**
 * One native suite's verdicts as a report entry. Invariant functions: the bounded search
 * from the set-up state, then, for those it proved, the inductive step in the suite's
 * order, each assuming the ones proved inductive before it. `check_*` functions: one task
 * each. A task stopped at its time limit is `unknown`, one that failed is `error`.
 */
export async function proveNativeSuite(suite: ProveSuite, run: NativeRunner, base: SuiteTaskBase): Promise<SpecResult> {
  const started = Date.now();
  const ref = suite.ref;
  const task = (procedure: NativeTask['procedure'], check: string, assume: string[] = []): Promise<NativeOutcome> => run({ ...base, suite, procedure, check, assume });
  const proofs: ProofRecord[] = [];
  const findings: Finding[] = [];
  const kind = suite.type === 'checks' ? 'property' as const : 'invariant' as const;
  // Every first task is queued at once; a runner with several workers runs them in parallel.
  const first = new Map(suite.names.map((n) => [n, task(suite.type === 'checks' ? 'check' : 'bounded', n)]));
  const inductive: string[] = [];
  for (const name of suite.names) {
    const location = locateFunction(ref.file, name);
    const head = { kind, name, depth: suite.type === 'checks' ? 1 : base.bounds.depth, loopBound: base.bounds.loopBound, ...(location ? { location } : {}) };
    const b = await first.get(name)!;
    if (b.status !== 'done') {
      proofs.push({ ...head, verdict: b.status === 'timeout' ? 'unknown' : 'error', reason: b.status === 'timeout' ? b.reason : `engine failure: ${b.reason}`, timeMs: b.timeMs });
      continue;
    }
    const r = b.result;
    if (r.procedure === 'check') {
      proofs.push({ ...r.proof, timeMs: b.timeMs });
      if (r.finding) findings.push(r.finding);
      continue;
    }
    if (r.procedure !== 'bounded') throw new Error(`internal: a bounded task answered ${r.procedure}`);
    if (r.finding) findings.push(r.finding);
    if (r.verdict !== 'proved-bounded') {
      proofs.push({ ...head, verdict: r.verdict, ...(r.reason ? { reason: r.reason } : {}), ...(r.finding ? { findingId: r.finding.id } : {}), timeMs: b.timeMs });
      continue;
    }
    const s = await task('inductive', name, [...inductive]);
    const step = s.status !== 'done' ? { status: 'unknown' as const, reason: `inductive step: ${s.reason}` } : s.result.procedure === 'inductive' ? s.result.step : undefined;
    if (step === undefined) throw new Error('internal: an inductive task answered another procedure');
    const timeMs = b.timeMs + s.timeMs;
    if (step.status === 'preserved') {
      inductive.push(name);
      proofs.push({ ...head, verdict: 'proved-inductive', reason: `base case on the set-up state; every target function preserves it${inductive.length > 1 ? ` (assuming ${inductive.slice(0, -1).join(', ')})` : ''}`, timeMs });
    } else {
      const hint = step.status === 'broken' ? '; hint: add an invariant (lemma) that excludes that state' : '';
      proofs.push({ ...head, verdict: 'proved-bounded', reason: `${r.reason}; not inductive: ${step.reason}${hint}`, timeMs });
    }
  }
  const failed = new Set(findings.map((f) => f.id));
  return {
    name: ref.contract,
    file: relative(process.cwd(), ref.file),
    status: findings.length > 0 ? 'failed' : proofs.some((p) => !p.verdict.startsWith('proved')) ? 'inconclusive' : 'passed',
    findings,
    checks: suite.names.map((name) => ({ kind, name, status: failed.has(`${ref.contract}:${kind}:${name}`) ? 'failed' : 'passed', checks: 0 })),
    functions: [],
    coverage: { contracts: [] },
    stats: { runs: 0, calls: 0, reverts: 0, durationMs: Date.now() - started, callsPerSec: 0 },
    proofs,
    // Invariant suites reopen as `vigil run` opens them, so replay and export work on their findings.
    ...(suite.type === 'invariants' ? { suite: { kind: ref.kind, file: relative(ref.root, ref.file), root: relative(process.cwd(), ref.root) || '.', contract: ref.contract } } : {}),
  };
}
