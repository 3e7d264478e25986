import type { CampaignSettings } from '../../campaign/CampaignSettings.js';
import type { Finding, ProofRecord } from '../../report/types.js';
import type { ProveBounds } from '../verify/types.js';
import type { ObligationResult } from '../worker/Obligation.js';
import type { PoolOutcome } from '../worker/ProofWorkerPool.js';
import type { ProveSuite } from './findProveSuites.js';

/** One native proof obligation, as plain data a worker thread can receive. */
export interface NativeTask {
  suite: ProveSuite;
  /** bounded / inductive: an invariant function; check: a `check_*` function. */
  procedure: 'bounded' | 'inductive' | 'check';
  check: string;
  assume: string[];
  bounds: ProveBounds;
  settings: CampaignSettings;
  reportPath: string;
  cacheDir?: string;
}

export type NativeResult = ObligationResult | { procedure: 'check'; proof: ProofRecord; finding?: Finding };

/** What the caller gets back: the result, or why there is none (stopped at its time limit, or failed). */
export type NativeOutcome = PoolOutcome<NativeResult>;

export type NativeRunner = (task: NativeTask) => Promise<NativeOutcome>;
