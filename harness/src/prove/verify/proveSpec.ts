import { relative } from 'node:path';
import type { CampaignSettings } from '../../campaign/CampaignSettings.js';
import { openSession } from '../../campaign/openSession.js';
import { isVigilError } from '../../errors/VigilError.js';
import { provedToBound } from '../../report/provedToBound.js';
import type { ProofRecord, SpecResult } from '../../report/types.js';
import { SymbolicEvm } from '../explore/SymbolicEvm.js';
import { compileChecks } from '../spec/compileCheck.js';
import type { Ctx } from '../word/Word.js';
import { proveChecksInWorkers } from '../worker/proveChecksInWorkers.js';
import type { ObligationPool } from '../worker/ObligationPool.js';
import { searchConcrete, type ConcreteSearchBudget } from './searchConcrete.js';
import { specChecks } from './specChecks.js';
import { proveChecks } from './proveChecks.js';
import type { ProveBounds, VerifyCheck } from './types.js';

export interface ProveSpecOptions {
  root: string;
  cacheDir: string;
  settings: CampaignSettings;
  bounds: ProveBounds;
  reportPath: string;
  /** Obligations in worker threads, each with its own Z3 and a wall-clock limit (what `vigil prove` uses). */
  pool?: ObligationPool;
  /** Without a pool: every obligation in this thread, on this context (no hard time limit). */
  ctx?: Ctx;
  /** Concrete search before the solver (see searchConcrete); none when absent. */
  concrete?: ConcreteSearchBudget;
  /**
   * Runs the concrete search when no other spec's is running (specs are proved together and
   * share this thread): each search then gets its runs, not a share of the time cap.
   */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/**
 * One spec's verdicts as a report entry: checks outside the provable subset are
 * `fuzz-only` with their construct, the others go through the bounded and inductive
 * procedures; replayed counterexamples are its findings. An engine failure is `error`.
 */
export async function proveSpec(file: string, o: ProveSpecOptions): Promise<SpecResult> {
  const started = Date.now();
  const session = await openSession(file, { root: o.root, cacheDir: o.cacheDir, settings: o.settings });
  const compiled = await compileChecks(file);
  const proofs: ProofRecord[] = [];
  const provable: VerifyCheck[] = [];
  const locations = new Map(compiled.map((c) => [`${c.kind}:${c.name}`, c.location]));
  // Concrete values first: a check the fuzzer breaks gets its replayed counterexample, not a proof attempt.
  const concrete = o.concrete;
  const exclusive = o.exclusive ?? ((fn) => fn());
  const broken = concrete === undefined ? [] : await exclusive(() => searchConcrete(session, concrete, o.reportPath));
  const brokenKeys = new Set(broken.map((b) => `${b.kind}:${b.name}`));
  for (const b of broken) {
    const location = locations.get(`${b.kind}:${b.name}`);
    proofs.push({
      kind: b.kind, name: b.name, verdict: 'counterexample', foundBy: 'concrete-search',
      reason: `found by concrete search before the solver (seed ${b.finding.seed}, ${b.runs} runs), replayed in the EVM: ${b.finding.shrunk.calls.length} call${b.finding.shrunk.calls.length === 1 ? '' : 's'}`,
      findingId: b.finding.id, ...(location ? { location } : {}), timeMs: b.timeMs,
    });
  }
  provable.push(...specChecks(session, compiled).filter((c) => !brokenKeys.has(`${c.kind}:${c.name}`)));
  for (const c of compiled) {
    if (!c.provable && !brokenKeys.has(`${c.kind}:${c.name}`)) proofs.push({ kind: c.kind, name: c.name, verdict: 'fuzz-only', reason: c.construct, location: c.location, timeMs: 0 });
  }
  let findings: SpecResult['findings'] = broken.map((b) => b.finding);
  try {
    const out = o.pool !== undefined
      ? await proveChecksInWorkers(o.pool, { file: session.file, root: o.root, cacheDir: o.cacheDir, settings: o.settings, bounds: o.bounds, reportPath: o.reportPath }, provable, locations)
      : await proveChecks(session, provable, { ctx: ctxOf(o), sevm: new SymbolicEvm(ctxOf(o)), bounds: o.bounds, reportPath: o.reportPath, locations });
    proofs.push(...out.proofs);
    findings.push(...out.findings);
  } catch (e) {
    if (isVigilError(e)) throw e;
    const reason = `engine failure: ${(e as Error).message.split('\n')[0]}`;
    for (const c of provable) proofs.push({ kind: c.kind, name: c.name, verdict: 'error', reason, ...(locations.has(`${c.kind}:${c.name}`) ? { location: locations.get(`${c.kind}:${c.name}`)! } : {}), timeMs: Date.now() - started });
  }
  const order = new Map(compiled.map((c, i) => [`${c.kind}:${c.name}`, i]));
  proofs.sort((a, b) => order.get(`${a.kind}:${a.name}`)! - order.get(`${b.kind}:${b.name}`)!);
  const failed = new Set(findings.map((f) => f.id));
  return {
    name: session.name,
    file: relative(process.cwd(), session.file),
    status: findings.length > 0 ? 'failed' : proofs.some((p) => !provedToBound(p, o.bounds.depth) && p.verdict !== 'fuzz-only') ? 'inconclusive' : 'passed',
    findings,
    checks: session.checks.checkNames.map(({ kind, name }) => ({ kind, name, status: failed.has(`${session.name}:${kind}:${name}`) ? 'failed' : 'passed', checks: 0 })),
    functions: [],
    coverage: { contracts: [] },
    stats: { runs: 0, calls: 0, reverts: 0, durationMs: Date.now() - started, callsPerSec: 0 },
    proofs,
  };
}

function ctxOf(o: ProveSpecOptions): Ctx {
  if (o.ctx === undefined) throw new Error('internal: proveSpec needs a worker pool or a Z3 context');
  return o.ctx;
}
