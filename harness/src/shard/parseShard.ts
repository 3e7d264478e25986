import { VigilError } from '../errors/VigilError.js';

/** One machine's part of a run spread over `count` machines (1-based, as CI matrices count). */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard i/n`: 1 ≤ i ≤ n ≤ 256; absent means the whole run. */
export function parseShard(value: string | number | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(value));
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count || count > 256) {
    throw new VigilError('USAGE', `--shard: expected i/n with 1 ≤ i ≤ n ≤ 256 (e.g. 2/4), got ${String(value)}`, {
      hint: 'In a CI matrix of n jobs, give job i `--shard i/n`; then `vigil merge` joins their reports.',
    });
  }
  return { index, count };
}
