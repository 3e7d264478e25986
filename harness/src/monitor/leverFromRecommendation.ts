import type { Hex } from 'viem';
import type { Recommendation } from '../recommend/types.js';
import type { LeverTx } from './LeverTx.js';

/** The chosen cover's levers, in the order the recommendation says to pull them. */
export function leversFromRecommendation(rec: Recommendation): LeverTx[] {
  if (rec.chosen === null) return [];
  return rec.chosen.levers.flatMap((id) => {
    const lever = rec.levers.find((l) => l.id === id);
    return lever === undefined ? [] : [{ label: lever.id, to: lever.call.address as Hex, data: lever.call.calldata as Hex, source: 'recommendation' as const }];
  });
}
