import type { Lever, SideEffects } from './types.js';

/** Each rank doubles the cost, so two freezes still weigh less than closing a function. */
const RANK_WEIGHT = (rank: number) => 10 * 2 ** (rank - 1);
/** Blocking every honest call costs as much as one rank step at the bottom. */
const BLOCKED_SHARE = 20;
const EXITS_BLOCKED = 50;
const LIQUIDATIONS_BLOCKED = 30;

/**
 * What pulling a lever costs, as the cover solver weighs it: its disruption rank, the share
 * of honest calls it blocks, and a surcharge when it traps users (exits) or lets bad debt
 * grow (liquidations). Integers, so Z3 optimises exactly.
 */
export function leverWeight(lever: Lever, effects: SideEffects | undefined): number {
  let w = RANK_WEIGHT(lever.rank);
  if (effects !== undefined) {
    if (effects.calls > 0) w += Math.round((BLOCKED_SHARE * effects.blockedCalls) / effects.calls);
    if (effects.exitsBlocked) w += EXITS_BLOCKED;
    if (effects.liquidationsBlocked) w += LIQUIDATIONS_BLOCKED;
  }
  return w;
}
