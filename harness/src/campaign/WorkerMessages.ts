import type { CallRecord, TimelineSample } from '../report/types.js';
import type { Violation } from '../fuzz/Violation.js';
import type { CampaignProgress, RawFinding } from './CampaignResult.js';
import type { CampaignSettings } from './CampaignSettings.js';
import type { RunTarget } from './runSpecs.js';

/** What a campaign worker is given (as workerData). */
export interface WorkerTask {
  index: number;
  target: RunTarget;
  root: string;
  cacheDir?: string;
  /** This worker's settings: its own seed and share of the runs. */
  settings: CampaignSettings;
  persisted: { id: string; calls: CallRecord[] }[];
  /** The saved coverage corpus, run before the search (every worker starts from it). */
  seeds: CallRecord[][];
  /** Runs between timeline samples: one for all workers, so their samples line up. */
  timelineEvery?: number;
  /** When the parallel campaign started (epoch ms): the time budget counts from here, start-up included. */
  startedAt?: number;
}

/** A campaign's result as it crosses the thread boundary: calls as records, coverage as bitmaps. */
export interface WorkerResult {
  findings: (Omit<RawFinding, 'original' | 'shrunk' | 'violation'> & { violation: Violation; original: CallRecord[]; shrunk: CallRecord[] })[];
  runs: number;
  calls: number;
  reverts: number;
  functions: { key: string; contract: string; function: string; calls: number; reverts: number }[];
  /** Evaluations per check (`invariant:name`) in this worker's campaign. */
  checkCounts: [string, number][];
  durationMs: number;
  interrupted: boolean;
  stale: { id: string; message: string }[];
  corpus: CallRecord[][];
  /** Instruction bitmaps per contract key. */
  coverage: { key: string; bitmap: Uint8Array }[];
  /** This worker's progress samples (see mergeTimelines). */
  timeline: TimelineSample[];
  /** A spec check that threw ended this worker's campaign early (its findings are kept). */
  checkError?: import('../report/types.js').SpecError;
  hybrid?: import('../hybrid/HybridStats.js').HybridStats;
}

export type WorkerMessage =
  | { type: 'progress'; progress: CampaignProgress }
  | { type: 'result'; result: WorkerResult }
  | { type: 'error'; error: { code?: string; message: string; hint?: string; meta?: string[] } };
