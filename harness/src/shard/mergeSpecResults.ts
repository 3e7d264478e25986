import { mergeTimelines } from '../campaign/mergeTimelines.js';
import { mergeWorkerParts, type WorkerPart } from '../campaign/mergeWorkerParts.js';
import { workerTimelineEvery } from '../campaign/TimelineRecorder.js';
import type { CoverageRecord, Finding, LineCoverageRecord, ProofRecord, SpecResult } from '../report/types.js';

export interface MergedSpec {
  result: SpecResult;
  /** A shard whose run of this spec failed while others did not (like a failed worker). */
  warnings: string[];
}

/**
 * One spec's results from the shards (in shard order) as the one run they are parts of would
 * report it. Findings, counts, stale counterexamples and the corpus order follow the workers'
 * rule (mergeWorkerParts); what only reports hold is merged here: line coverage as a union,
 * the timeline as mergeTimelines joins workers' (`workers`: of the whole run), proof verdicts by (kind, name). Instruction
 * counts per contract cannot be joined from counts alone: the merge keeps the largest, a lower
 * bound of what the run would report.
 */
export function mergeSpecResults(parts: readonly SpecResult[], replayReport: string, labels: readonly string[], workers: number): MergedSpec {
  const ok = parts.filter((p) => p.status !== 'error');
  if (ok.length === 0) return { result: parts[0]!, warnings: [] };
  const warnings = parts.flatMap((p, i) => (p.status === 'error'
    ? [`${p.name}: ${labels[i]} reported an error (${p.error?.code ?? 'error'}: ${p.error?.message ?? ''}); merged the other shards`]
    : []));
  const merged = mergeWorkerParts(ok.map(toPart), { id: (f) => f.id, length: (f) => f.shrunk.calls.length });
  const failed = new Set(merged.findings.map((f) => f.id));
  const first = ok[0]!;
  const durationMs = Math.max(...ok.map((p) => p.stats.durationMs));
  const timelines = ok.filter((p) => p.timeline !== undefined);
  const proofs = mergeProofs(ok);
  const result: SpecResult = {
    ...first,
    status: merged.interrupted ? 'interrupted' : merged.findings.length > 0 ? 'failed' : 'passed',
    findings: merged.findings.map((f) => ({ ...f, replayCommand: `npx vigil replay ${replayReport} --finding '${f.id}'` })),
    checks: first.checks.map((c) => ({
      ...c,
      status: failed.has(`${first.name}:${c.kind}:${c.name}`) ? 'failed' : 'passed',
      checks: merged.checkCounts.get(`${c.kind}:${c.name}`) ?? 0,
    })),
    functions: [...merged.functions.values()],
    coverage: mergeCoverage(ok.map((p) => p.coverage)),
    stats: {
      runs: merged.runs,
      calls: merged.calls,
      reverts: merged.reverts,
      durationMs,
      callsPerSec: Math.round((merged.calls * 1000) / Math.max(1, durationMs)),
    },
  };
  delete result.staleFindings;
  delete result.timeline;
  delete result.proofs;
  if (merged.stale.length > 0) result.staleFindings = merged.stale;
  if (timelines.length > 0) {
    // Every worker of the run sampled at one interval, so the shards' samples line up as workers' do.
    const every = workerTimelineEvery(first.settings?.runs ?? merged.runs, workers);
    result.timeline = mergeTimelines(timelines.map((p) => p.timeline!), merged.findings, every);
  }
  if (proofs.length > 0) result.proofs = proofs;
  return { result, warnings };
}

function toPart(s: SpecResult): WorkerPart<Finding, never> {
  return {
    findings: s.findings,
    functions: s.functions.map((f) => ({ key: `${f.contract}\u0000${f.function}`, ...f })),
    checkCounts: s.checks.map((c) => [`${c.kind}:${c.name}`, c.checks] as const),
    runs: s.stats.runs,
    calls: s.stats.calls,
    reverts: s.stats.reverts,
    interrupted: s.status === 'interrupted',
    stale: s.staleFindings ?? [],
    corpus: [],
  };
}

function mergeCoverage(all: readonly CoverageRecord[]): CoverageRecord {
  const contracts = all[0]!.contracts.map((c, i) => ({
    ...c,
    instructionsCovered: Math.max(...all.map((r) => r.contracts[i]?.instructionsCovered ?? 0)),
  }));
  const withLines = all.filter((r) => r.lines !== undefined);
  return withLines.length === 0 ? { contracts } : { contracts, lines: unionLines(withLines.map((r) => r.lines!)) };
}

/** Files in first-seen order; a line ran in the run if it ran in any shard. */
function unionLines(all: readonly (readonly LineCoverageRecord[])[]): LineCoverageRecord[] {
  const byFile = new Map<string, { coverable: Set<number>; covered: Set<number> }>();
  for (const records of all) {
    for (const r of records) {
      let entry = byFile.get(r.file);
      if (entry === undefined) byFile.set(r.file, (entry = { coverable: new Set(), covered: new Set() }));
      for (const l of r.coverable) entry.coverable.add(l);
      for (const l of r.covered) entry.covered.add(l);
    }
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return [...byFile].map(([file, e]) => ({ file, coverable: sorted(e.coverable), covered: sorted(e.covered) }));
}

/** Each obligation is proved by one shard; a verdict reported twice keeps the first shard's. */
function mergeProofs(parts: readonly SpecResult[]): ProofRecord[] {
  const byKey = new Map<string, ProofRecord>();
  for (const p of parts) {
    for (const proof of p.proofs ?? []) {
      const key = `${proof.kind}:${proof.name}`;
      if (!byKey.has(key)) byKey.set(key, proof);
    }
  }
  return [...byKey.values()];
}
