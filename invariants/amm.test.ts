import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { kNeverDecreasesOnSwap, kPerShareNeverDecreases, reservesBacked } from './amm.js';
import { balances, fakeContext, fakeHandle } from './fakeContext.js';

const pool = (r0: bigint, r1: bigint, shares: bigint) =>
  fakeHandle({ k: r0 * r1, reserve0: r0, reserve1: r1, totalShares: shares });
const run = (property: { check: (ctx: never) => Promise<boolean> }, before: object, after: object, call = {}) =>
  property.check(fakeContext({ amm: after }, { before: { amm: before }, call }));

describe('amm checks', () => {
  it('kNeverDecreasesOnSwap: fails when a swap pays out a unit too many', async () => {
    expect(kNeverDecreasesOnSwap('amm').on).toBe('amm.swap');
    expect(await run(kNeverDecreasesOnSwap('amm'), pool(1000n, 1000n, 1000n), pool(1001n, 999n, 1000n))).toBe(false);
    expect(await run(kNeverDecreasesOnSwap('amm'), pool(1000n, 1000n, 1000n), pool(1002n, 999n, 1000n))).toBe(true);
    expect(await run(kNeverDecreasesOnSwap('amm'), pool(1000n, 1000n, 1000n), pool(1000n, 1000n, 1000n), { reverted: true })).toBe(true);
  });

  it('kPerShareNeverDecreases: proportional liquidity and the first deposit pass, diluting shares fails', async () => {
    const p = kPerShareNeverDecreases('amm');
    expect(await run(p, pool(0n, 0n, 0n), pool(4000n, 1000n, 2000n))).toBe(true);
    expect(await run(p, pool(1000n, 1000n, 1000n), pool(2000n, 2000n, 2000n))).toBe(true);
    expect(await run(p, pool(1000n, 1000n, 1000n), pool(1000n, 1000n, 1001n))).toBe(false);
  });

  it('reservesBacked compares token balances of the pool with its reserves', async () => {
    const at: Hex = '0x00000000000000000000000000000000000a0000';
    const amm = { ...pool(100n, 200n, 10n), address: at };
    const check = reservesBacked('amm', 'token0', 'token1');
    const ctx = (b0: bigint, b1: bigint) =>
      fakeContext({ amm, token0: fakeHandle({ balanceOf: balances({ [at]: b0 }) }), token1: fakeHandle({ balanceOf: balances({ [at]: b1 }) }) });
    expect(await check(ctx(100n, 250n))).toBe(true);
    expect(await check(ctx(99n, 250n))).toBe(false);
  });
});
