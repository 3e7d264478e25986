import { relative } from 'node:path';
import type { Finding, SpecResult } from '../report/types.js';
import type { CampaignResult, RawFinding } from './CampaignResult.js';
import { runSequence } from './runSequence.js';
import { toCallRecord } from './toCallRecord.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { SpecSession } from './SpecSession.js';

export interface ReportContext {
  seed: number;
  reportPath: string;
}

/**
 * The report's view of a campaign. Each counterexample is replayed once more here, on
 * a fresh run from the post-set-up state, so every call carries its real result and a
 * counterexample that does not replay can never be reported as one.
 */
export async function toSpecResult(result: CampaignResult, ctx: ReportContext): Promise<SpecResult> {
  const { session } = result;
  // The campaign's evaluations only: the replays below differ between a run and the shards
  // merged into it, and counting them would make `vigil merge` disagree with `--workers`.
  const counts = new Map(session.checks.counts);
  const findings: Finding[] = [];
  for (const f of result.findings) findings.push(await toFinding(session, f, ctx));
  const failedIds = new Set(findings.map((f) => f.id));
  const coverage = [];
  for (const c of session.deployment.contracts) {
    const code = await session.chain.getCode(c.address);
    const s = session.chain.coverage?.summarize(code);
    if (s) coverage.push({ name: c.name, instructionsCovered: s.covered, instructionsTotal: s.total });
  }
  return {
    name: session.name,
    file: relative(process.cwd(), session.file),
    status: result.interrupted ? 'interrupted' : findings.length > 0 ? 'failed' : 'passed',
    findings,
    checks: session.checks.checkNames.map(({ kind, name }) => ({
      kind,
      name,
      status: failedIds.has(`${session.name}:${kind}:${name}`) ? 'failed' : 'passed',
      checks: counts.get(`${kind}:${name}`) ?? 0,
      ...(session.checkInfo.has(`${kind}:${name}`) ? { provable: session.checkInfo.get(`${kind}:${name}`)!.provable } : {}),
    })),
    functions: [...result.functions.values()],
    coverage: { contracts: coverage },
    stats: {
      runs: result.runs,
      calls: result.calls,
      reverts: result.reverts,
      durationMs: result.durationMs,
      callsPerSec: Math.round((result.calls * 1000) / Math.max(1, result.durationMs)),
    },
    ...(result.stale.length > 0 ? { staleFindings: result.stale } : {}),
    ...(session.suite ? { suite: { kind: session.suite.kind, file: relative(session.suite.root, session.suite.file), root: relative(process.cwd(), session.suite.root) || '.', contract: session.suite.contract } } : {}),
  };
}

async function toFinding(session: SpecSession, f: RawFinding, ctx: ReportContext): Promise<Finding> {
  const v = f.violation;
  return {
    id: v.id,
    spec: session.name,
    kind: v.kind,
    name: v.name,
    message: v.message,
    ...(v.location ? { location: v.location } : {}),
    seed: String(ctx.seed),
    run: f.run,
    original: { calls: await replayRecords(session, f.original, v.id) },
    shrunk: { calls: await replayRecords(session, f.shrunk, v.id) },
    shrink: f.shrink,
    replayCommand: `npx vigil replay ${ctx.reportPath} --finding '${v.id}'`,
    firstFoundMs: f.firstFoundMs,
    ...(f.replayedFromCorpus ? { replayedFromCorpus: true } : {}),
  };
}

async function replayRecords(session: SpecSession, calls: FuzzCall[], id: string) {
  const outcome = await runSequence(session, calls, { target: id });
  if (outcome.violation === undefined) {
    throw new Error(`internal: the counterexample for ${id} did not replay (${calls.length} calls)`);
  }
  return calls.slice(0, outcome.index + 1).map((c, i) => toCallRecord(c, outcome.executed[i]));
}
