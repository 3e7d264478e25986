import type { Hex } from 'viem';

/** A transaction that pauses (or narrows) the protocol, ready to sign. */
export interface LeverTx {
  /** How people read it: `token.pause()`. */
  label: string;
  to: Hex;
  data: Hex;
  /** Where it came from: `--lever`, or the recommendation's top lever. */
  source: 'flag' | 'recommendation';
}
