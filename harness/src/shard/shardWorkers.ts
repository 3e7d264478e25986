import type { Shard } from './parseShard.js';

/** The workers a process runs, out of all the workers of the run it is part of. */
export interface WorkerSlice {
  /** Workers of the whole run: seeds and run shares are drawn for this many. */
  total: number;
  /** The ones run here, consecutive and ascending. */
  indexes: number[];
}

/**
 * Shard i of n with m worker threads runs workers (i−1)·m … i·m−1 of an n·m-worker run, so
 * merging the n shard reports gives the report of `--workers n·m` on one machine.
 */
export function shardWorkers(workers: number, shard: Shard | undefined): WorkerSlice {
  if (shard === undefined) return { total: workers, indexes: Array.from({ length: workers }, (_, i) => i) };
  const first = (shard.index - 1) * workers;
  return { total: shard.count * workers, indexes: Array.from({ length: workers }, (_, k) => first + k) };
}
