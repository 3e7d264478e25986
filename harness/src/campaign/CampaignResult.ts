import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { SpecError, TimelineSample } from '../report/types.js';
import type { Violation } from '../fuzz/Violation.js';
import type { SpecSession } from './SpecSession.js';

export interface RawFinding {
  violation: Violation;
  original: FuzzCall[];
  shrunk: FuzzCall[];
  run: number;
  firstFoundMs: number;
  shrink: { attempts: number; status: 'complete' | 'budget-exhausted' | 'skipped' };
  replayedFromCorpus?: boolean;
}

export interface CampaignProgress {
  run: number;
  runs: number;
  calls: number;
  callsPerSec: number;
  findings: number;
  coverage: number;
  elapsedMs: number;
  timeLeftMs?: number;
  phase: 'search' | 'shrink';
}

export interface CampaignResult {
  session: SpecSession;
  findings: RawFinding[];
  runs: number;
  calls: number;
  reverts: number;
  functions: Map<string, { contract: string; function: string; calls: number; reverts: number }>;
  durationMs: number;
  interrupted: boolean;
  /** Persisted counterexamples that no longer fail. */
  stale: { id: string; message: string }[];
  /** The coverage corpus at the end, worthiest first (saved for the next run). */
  corpus: FuzzCall[][];
  /** Progress sampled at the end of runs (see TimelineRecorder). */
  timeline?: TimelineSample[];
  /**
   * A check that threw or ran out of time ended the campaign early: the findings made before it
   * are kept (unshrunk, as found), and the spec is reported as an error carrying them.
   */
  error?: SpecError;
  /** What hybrid fuzzing did, when it ran a round. */
  hybrid?: import('../hybrid/HybridStats.js').HybridStats;
}
