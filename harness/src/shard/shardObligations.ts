import type { Shard } from './parseShard.js';

/**
 * A shard's share of a run's proof obligations (for `vigil prove --shard i/n`): every n-th in
 * the run's own order (specs in order, checks in spec order), starting at the i-th. The split
 * depends only on that order, so the shards together prove each obligation exactly once, and
 * `vigil merge` joins their verdicts by (kind, name).
 */
export function shardObligations<T>(obligations: readonly T[], shard: Shard | undefined): T[] {
  if (shard === undefined) return [...obligations];
  return obligations.filter((_, k) => k % shard.count === shard.index - 1);
}
