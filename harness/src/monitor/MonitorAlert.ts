import type { Finding } from '../report/types.js';
import type { FortaFinding } from '../recommend/FortaFinding.js';

/** What the monitor did about one broken invariant: the record written to alerts.jsonl. */
export interface MonitorAlert {
  id: string;
  invariant: string;
  message: string;
  block: string;
  blockHash: string;
  /** The transaction after which the invariant first fails in the replay, if the replay shows one. */
  breakingTx?: { index: number; hash: string; from: string; to?: string; function: string };
  finding: Finding;
  forta: FortaFinding;
  evidence: { replayedTxs: number; breaksAt?: number; divergences: string[]; otherViolations: string[] };
  recommendation?: unknown;
  /** Why no recommendation is attached (module not available, or it failed). */
  recommendationNote?: string;
  /** The levers sent (auto-pause), in order; empty when none was sent. */
  pauses: PauseRecord[];
  timing: {
    /** Wall clock when the block was first reported by eth_blockNumber (ms since the epoch). */
    blockSeenAt: number;
    /** The block's own timestamp (seconds). */
    blockTimestamp: string;
    alertAt: number;
    /** blockSeenAt → alert. */
    timeToDetectMs: number;
    /** alert → the last pause transaction mined (receipt received), when auto-pause sent levers and all were mined. */
    timeToContainMs?: number;
  };
}

export interface PauseRecord {
  status: 'mined' | 'reverted' | 'not-sent' | 'failed';
  lever: string;
  to: string;
  data: string;
  from?: string;
  txHash?: string;
  block?: string;
  /** Why it was not sent or did not work. */
  reason?: string;
  sentAt?: number;
  minedAt?: number;
}
