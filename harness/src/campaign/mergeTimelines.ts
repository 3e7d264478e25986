import type { TimelineSample } from '../report/types.js';

/** One worker's (or shard's) timeline and the run in which it first saw each finding. */
export interface TimelinePart {
  timeline: readonly TimelineSample[];
  findings: readonly { id: string; run: number }[];
}

/**
 * One timeline for a campaign split over workers that sampled at the same run counts
 * (runParallelCampaign gives them one sampling interval): sample i joins every worker's
 * sample i, a worker that stopped earlier standing at its last. Runs and calls add up;
 * findings are the distinct ids any worker had found by then (a finding of run r counts
 * from the sample after r runs, as in a serial timeline); edges are the most any one
 * worker had covered, a lower bound of their union, since workers' edge tables are not
 * compared (adding them would count the edges all workers share once per worker); ms is
 * the latest worker's. Parts in worker order, so the merge is deterministic.
 */
export function mergeTimelines(parts: readonly TimelinePart[]): TimelineSample[] {
  const live = parts.filter((p) => p.timeline.length > 0);
  const length = Math.max(0, ...live.map((p) => p.timeline.length));
  const out: TimelineSample[] = [];
  for (let i = 0; i < length; i++) {
    const at = live.map((p) => ({ sample: p.timeline[Math.min(i, p.timeline.length - 1)]!, findings: p.findings }));
    const found = new Set<string>();
    for (const { sample, findings } of at) for (const f of findings) if (f.run < sample.runs) found.add(f.id);
    out.push({
      ms: Math.max(...at.map((x) => x.sample.ms)),
      runs: at.reduce((a, x) => a + x.sample.runs, 0),
      calls: at.reduce((a, x) => a + x.sample.calls, 0),
      findings: found.size,
      edges: Math.max(...at.map((x) => x.sample.edges)),
    });
  }
  return out;
}
