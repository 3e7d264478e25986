import type { TimelineSample } from '../report/types.js';

/** A campaign's timeline stays about this long, however many runs it has. */
export const TIMELINE_SAMPLES = 200;

/** Runs between two samples: every run up to 200 runs, else every ceil(runs / 200)-th. */
export function timelineEvery(runs: number): number {
  return runs <= TIMELINE_SAMPLES ? 1 : Math.ceil(runs / TIMELINE_SAMPLES);
}

/** The interval every worker of an N-worker campaign samples at: the largest share's. */
export function workerTimelineEvery(runs: number, workers: number): number {
  return timelineEvery(Math.ceil(runs / Math.max(1, workers)));
}

/**
 * Samples a campaign's progress at the end of every `every`-th run and once more at the
 * end, so the last sample is the whole search. Sampling at run boundaries, not on a clock,
 * keeps every field but `ms` the same for the same seed.
 */
export class TimelineRecorder {
  readonly samples: TimelineSample[] = [];

  constructor(private readonly start: number, private readonly every: number) {}

  /** After a run; `progress.runs` counts the runs so far. */
  endOfRun(progress: Omit<TimelineSample, 'ms'>): void {
    if (progress.runs % this.every === 0) this.push(progress);
  }

  /** After the search (it may have stopped inside a run): the final state, unless just sampled. */
  finish(progress: Omit<TimelineSample, 'ms'>): TimelineSample[] {
    const last = this.samples.at(-1);
    if (progress.runs > 0 && (last === undefined || last.runs !== progress.runs || last.calls !== progress.calls)) this.push(progress);
    return this.samples;
  }

  private push(progress: Omit<TimelineSample, 'ms'>): void {
    this.samples.push({ ms: Date.now() - this.start, runs: progress.runs, calls: progress.calls, findings: progress.findings, edges: progress.edges });
  }
}
