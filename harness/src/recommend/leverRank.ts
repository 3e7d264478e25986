import type { LeverKind } from '../spec/types.js';

/** Disruption, least to most (REFERENCE: rate limit → freeze → close one function → pause one asset → pause contract → global). */
export const leverRank: Record<LeverKind, number> = {
  'rate-limit': 1,
  parameter: 1,
  freeze: 2,
  'close-function': 3,
  'pause-asset': 4,
  'pause-contract': 5,
  global: 6,
};
