import type { TimelineSample } from '../report/types.js';

/** One worker's (or shard's) timeline and the run in which it saw each of its findings. */
export interface TimelinePart {
  timeline: readonly TimelineSample[];
  findings: readonly { id: string; run: number }[];
}

/**
 * One timeline for a campaign split over workers that all sampled every `every` runs
 * (workerTimelineEvery), so their i-th samples stand at the same run of each worker: sample i
 * joins the timelines' i-th samples, one that stopped earlier standing at its last. Runs and
 * calls add up; ms and edges are the largest (edges: the most any one worker covered, a lower
 * bound of their union, as edge tables are not compared across workers); findings count the
 * campaign's reported findings whose counterexample came from a run that had ended by then,
 * `run` being that run's index in its worker.
 *
 * Every rule is associative (sums, maxima, and findings that depend only on the reported ones),
 * so shards of workers joined by `vigil merge` give the timeline of the one run they are parts of.
 */
export function mergeTimelines(timelines: readonly (readonly TimelineSample[])[], found: readonly { run: number }[], every: number): TimelineSample[];
/**
 * The earlier form: each part's findings count from its own samples' run counts. Exact when
 * every part is one worker; for parts of several workers use the form above.
 */
export function mergeTimelines(parts: readonly TimelinePart[]): TimelineSample[];
export function mergeTimelines(
  first: readonly (readonly TimelineSample[])[] | readonly TimelinePart[],
  found?: readonly { run: number }[],
  every?: number,
): TimelineSample[] {
  if (found === undefined || every === undefined) return mergeParts(first as readonly TimelinePart[]);
  const timelines = (first as readonly (readonly TimelineSample[])[]).filter((t) => t.length > 0);
  // The sample that closes run r (r = -1: replayed from the saved corpus before any run).
  const closing = found.map((f) => Math.floor(Math.max(0, f.run) / every)).sort((a, b) => a - b);
  return join(timelines, (i) => {
    let n = 0;
    while (n < closing.length && closing[n]! <= i) n++;
    return n;
  });
}

function mergeParts(parts: readonly TimelinePart[]): TimelineSample[] {
  const live = parts.filter((p) => p.timeline.length > 0);
  return join(live.map((p) => p.timeline), (i) => {
    const ids = new Set<string>();
    for (const p of live) {
      const runs = p.timeline[Math.min(i, p.timeline.length - 1)]!.runs;
      for (const f of p.findings) if (f.run < runs) ids.add(f.id);
    }
    return ids.size;
  });
}

function join(timelines: readonly (readonly TimelineSample[])[], findingsAt: (i: number) => number): TimelineSample[] {
  const length = Math.max(0, ...timelines.map((t) => t.length));
  const out: TimelineSample[] = [];
  for (let i = 0; i < length; i++) {
    const at = timelines.map((t) => t[Math.min(i, t.length - 1)]!);
    out.push({
      ms: Math.max(...at.map((s) => s.ms)),
      runs: at.reduce((a, s) => a + s.runs, 0),
      calls: at.reduce((a, s) => a + s.calls, 0),
      findings: findingsAt(i),
      edges: Math.max(...at.map((s) => s.edges)),
    });
  }
  return out;
}
