import { describe, expect, it } from 'vitest';
import { VigilError } from '../errors/VigilError.js';
import { parseShard } from './parseShard.js';
import { shardObligations } from './shardObligations.js';
import { shardWorkers } from './shardWorkers.js';

describe('parseShard', () => {
  it('reads i/n, 1-based', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard(undefined)).toBeUndefined();
  });

  it.each(['0/2', '3/2', '2', 2, '1/0', 'a/b', '1/2/3', '1/257', '-1/2'])('refuses %s as a usage error', (value) => {
    const error = (() => {
      try {
        parseShard(value);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(VigilError);
    expect((error as VigilError).code).toBe('USAGE');
    expect((error as VigilError).message).toContain(`got ${value}`);
  });
});

describe('shardWorkers', () => {
  it('gives shard i of n with m workers the workers (i-1)m .. im-1 of n·m', () => {
    expect(shardWorkers(1, undefined)).toEqual({ total: 1, indexes: [0] });
    expect(shardWorkers(3, undefined)).toEqual({ total: 3, indexes: [0, 1, 2] });
    expect(shardWorkers(1, { index: 2, count: 4 })).toEqual({ total: 4, indexes: [1] });
    expect(shardWorkers(2, { index: 3, count: 3 })).toEqual({ total: 6, indexes: [4, 5] });
    // Every worker of the whole run belongs to exactly one shard.
    const all = [1, 2, 3].flatMap((i) => shardWorkers(2, { index: i, count: 3 }).indexes);
    expect(all).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('shardObligations', () => {
  it('deals obligations round-robin: each to exactly one shard, in the run\'s order', () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    const parts = [1, 2, 3].map((index) => shardObligations(all, { index, count: 3 }));
    expect(parts).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
    expect(shardObligations(all, undefined)).toEqual(all);
  });
});
