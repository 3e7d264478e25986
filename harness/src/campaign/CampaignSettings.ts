/** How one campaign runs. Defaults in `defaultSettings`; the CLI and the spec's `fuzz` block override them. */
export interface CampaignSettings {
  seed: number;
  runs: number;
  depth: number;
  /** Wall-clock budget for the search, shrinking included. */
  timeLimitMs?: number;
  /** Replays allowed to shrink one finding. */
  shrinkLimit: number;
  /** Wall-clock cap for shrinking one finding, so shrinking never holds up a run for long. */
  shrinkTimeMs: number;
  maxTimeDelay: number;
  maxBlockDelay: number;
  assertions: boolean;
  coverage: boolean;
  gasLimit?: bigint;
  /** Wall-clock cap for one evaluation of a spec check (user code that may loop forever). */
  checkTimeoutMs: number;
  /**
   * In a campaign worker thread: a shared slot the checks stamp while they evaluate, so the
   * parent thread can stop a worker whose check never returns (see CheckTimer).
   */
  checkSlot?: SharedArrayBuffer;
  /** Branches the search keeps failing to flip go to Z3 (see hybrid/HybridFuzzer); undefined means `auto`. */
  hybrid?: import('../hybrid/HybridMode.js').HybridMode;
}

export const defaultSettings: CampaignSettings = {
  seed: 1,
  runs: 100,
  depth: 100,
  shrinkLimit: 5000,
  shrinkTimeMs: 20_000,
  maxTimeDelay: 604_800,
  maxBlockDelay: 60_480,
  assertions: true,
  coverage: true,
  checkTimeoutMs: 10_000,
  hybrid: 'auto',
};
