import { relative } from 'node:path';
import { provedToBound } from '../../report/provedToBound.js';
import type { Finding, ProofRecord, SourceLocation, SpecResult } from '../../report/types.js';
import { boundedOutcome, proveInOrder, stepOutcome } from '../verify/proveInOrder.js';
import type { ProveSuite } from './findProveSuites.js';
import { locateFunction } from './locateFunction.js';
import type { NativeOutcome, NativeRunner, NativeTask } from './NativeTask.js';

export type SuiteTaskBase = Omit<NativeTask, 'suite' | 'procedure' | 'check' | 'assume'>;

/**
 * One native suite's verdicts as a report entry. Invariant functions go through the same
 * bounded-then-inductive order as spec invariants (proveInOrder); `check_*` functions are
 * one task each. A task stopped at its time limit is `unknown`, one that failed is `error`.
 */
export async function proveNativeSuite(suite: ProveSuite, run: NativeRunner, base: SuiteTaskBase): Promise<SpecResult> {
  const started = Date.now();
  const ref = suite.ref;
  const task = (procedure: NativeTask['procedure'], check: string, assume: string[] = []): Promise<NativeOutcome> => run({ ...base, suite, procedure, check, assume });
  const kind = suite.type === 'checks' ? 'property' as const : 'invariant' as const;
  const locations = new Map<string, SourceLocation>();
  for (const name of suite.names) {
    const location = locateFunction(ref.file, name);
    if (location) locations.set(`${kind}:${name}`, location);
  }
  const { proofs, findings } = suite.type === 'checks'
    ? await proveCheckFunctions(suite.names, base, locations, (name) => task('check', name))
    : await proveInOrder({
      checks: suite.names.map((name) => ({ kind, name })), bounds: base.bounds, locations,
      bounded: async (name) => boundedOutcome(await task('bounded', name)),
      inductive: async (name, assume) => stepOutcome(await task('inductive', name, assume)),
    });
  const failed = new Set(findings.map((f) => f.id));
  return {
    name: ref.contract,
    file: relative(process.cwd(), ref.file),
    status: findings.length > 0 ? 'failed' : proofs.some((p) => !provedToBound(p, base.bounds.depth)) ? 'inconclusive' : 'passed',
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

/** `check_*` functions: every task queued at once, verdicts in the suite's order. */
async function proveCheckFunctions(names: readonly string[], base: SuiteTaskBase, locations: ReadonlyMap<string, SourceLocation>, run: (name: string) => Promise<NativeOutcome>): Promise<{ proofs: ProofRecord[]; findings: Finding[] }> {
  const pending = new Map(names.map((n) => [n, run(n)]));
  const proofs: ProofRecord[] = [];
  const findings: Finding[] = [];
  for (const name of names) {
    const b = await pending.get(name)!;
    if (b.status !== 'done') {
      const location = locations.get(`property:${name}`);
      proofs.push({
        kind: 'property', name, depth: 1, loopBound: base.bounds.loopBound, ...(location ? { location } : {}),
        verdict: b.status === 'timeout' ? 'unknown' : 'error', reason: b.status === 'timeout' ? b.reason : `engine failure: ${b.reason}`, timeMs: b.timeMs,
      });
      continue;
    }
    if (b.result.procedure !== 'check') throw new Error(`internal: a check task answered ${b.result.procedure}`);
    proofs.push({ ...b.result.proof, timeMs: b.timeMs });
    if (b.result.finding) findings.push(b.result.finding);
  }
  return { proofs, findings };
}
