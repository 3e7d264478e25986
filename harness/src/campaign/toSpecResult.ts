import { relative } from 'node:path';
import { SourceIndex } from '../compile/SourceIndex.js';
import type { Finding, SpecResult } from '../report/types.js';
import type { CampaignResult } from './CampaignResult.js';
import { toFinding } from './toFinding.js';
import { toLineCoverage } from './toLineCoverage.js';

export interface ReportContext {
  seed: number;
  reportPath: string;
}

/**
 * The report's view of a campaign. Each counterexample is replayed once more here, on
 * a fresh run from the post-set-up state, so every call carries its real result and the
 * invariants' values after it, and a counterexample that does not replay can never be
 * reported as one. Coverage is read before the replays: it is the campaign's.
 */
export async function toSpecResult(result: CampaignResult, ctx: ReportContext): Promise<SpecResult> {
  const { session } = result;
  // The campaign's evaluations only: the replays below differ between a run and the shards
  // merged into it, and counting them would make `vigil merge` disagree with `--workers`.
  const counts = new Map(session.checks.counts);
  const coverage = [];
  for (const c of session.deployment.contracts) {
    const code = await session.chain.getCode(c.address);
    const s = session.chain.coverage?.summarize(code);
    if (s) coverage.push({ name: c.name, instructionsCovered: s.covered, instructionsTotal: s.total });
  }
  const lines = await toLineCoverage(session);
  const index = new SourceIndex(session.compiled);
  const findings: Finding[] = [];
  for (const f of result.findings) findings.push(await toFinding(session, index, f, ctx, result.error === undefined));
  const failedIds = new Set(findings.map((f) => f.id));
  // The check whose error ended the campaign (its message starts with `invariant name …`).
  const erred = result.error ? /^(invariant|property) \S+/.exec(result.error.message)?.[0] : undefined;
  return {
    name: session.name,
    file: relative(process.cwd(), session.file),
    status: result.error ? 'error' : result.interrupted ? 'interrupted' : findings.length > 0 ? 'failed' : 'passed',
    findings,
    checks: session.checks.checkNames.map(({ kind, name }) => ({
      kind,
      name,
      status: failedIds.has(`${session.name}:${kind}:${name}`) ? 'failed' : erred === `${kind} ${name}` ? 'error' : 'passed',
      checks: counts.get(`${kind}:${name}`) ?? 0,
      ...(session.checkInfo.has(`${kind}:${name}`) ? { provable: session.checkInfo.get(`${kind}:${name}`)!.provable } : {}),
    })),
    functions: [...result.functions.values()],
    coverage: { contracts: coverage, ...(lines !== undefined ? { lines } : {}) },
    stats: {
      runs: result.runs,
      calls: result.calls,
      reverts: result.reverts,
      durationMs: result.durationMs,
      callsPerSec: Math.round((result.calls * 1000) / Math.max(1, result.durationMs)),
      ...(result.hybrid !== undefined ? { hybrid: result.hybrid } : {}),
    },
    ...(result.error ? { error: result.error } : {}),
    ...(result.stale.length > 0 ? { staleFindings: result.stale } : {}),
    ...(result.timeline !== undefined ? { timeline: result.timeline } : {}),
    ...(session.suite ? { suite: { kind: session.suite.kind, file: relative(session.suite.root, session.suite.file), root: relative(process.cwd(), session.suite.root) || '.', contract: session.suite.contract } } : {}),
  };
}
