import type { PoolOutcome } from './ProofWorkerPool.js';
import type { CampaignSettings } from '../../campaign/CampaignSettings.js';
import type { Finding } from '../../report/types.js';
import type { BoundedVerdict } from '../verify/runBounded.js';
import type { StepResult } from '../verify/runInductive.js';
import type { ProveBounds } from '../verify/types.js';

/**
 * Where a worker finds the checks of an obligation: the spec's compiled checks (default),
 * or a module whose export, called with `args`, returns `VerifyCheck`s (checks written
 * against the symbolic EVM, like the verify fixtures).
 */
export interface CheckSource {
  module: string;
  export: string;
  args: unknown[];
}

/** One check under one procedure, as plain data a worker thread can receive. */
export interface Obligation {
  /** The spec file (absolute). */
  file: string;
  root: string;
  cacheDir?: string;
  settings: CampaignSettings;
  bounds: ProveBounds;
  reportPath: string;
  procedure: 'bounded' | 'inductive';
  check: string;
  /** Inductive: the checks already proved inductive, assumed on the pre-state. */
  assume: string[];
  checks?: CheckSource;
}

export type ObligationResult =
  | { procedure: 'bounded'; verdict: BoundedVerdict; reason?: string; finding?: Finding; depth?: number }
  | { procedure: 'inductive'; step: StepResult };

/** What the main thread concludes of one obligation: the worker's result, or why there is none. */
export type ObligationOutcome = PoolOutcome<ObligationResult>;
