import type { Hex } from 'viem';
import type { Keyed, KeyedProperty } from './context.js';
import type { Erc20View } from './erc20.js';

/** The view functions of a constant-product pool these checks read. */
export interface AmmView {
  k(): Promise<bigint>;
  reserve0(): Promise<bigint>;
  reserve1(): Promise<bigint>;
  totalShares(): Promise<bigint>;
}

/** k = reserve0 * reserve1 never decreases across a swap: the fee and the rounding stay in the pool. */
export function kNeverDecreasesOnSwap<K extends string>(key: K, swapFn = 'swap') {
  return {
    on: `${key}.${swapFn}`,
    check: async ({ call, old, [key]: pool }: KeyedProperty<K, AmmView>) =>
      call.reverted || (await pool.k()) >= (await old(pool).k()),
  };
}

/** k per share squared never decreases across any call: liquidity moves in proportion, swaps only add. */
export function kPerShareNeverDecreases<K extends string>(key: K) {
  return {
    check: async ({ old, [key]: pool }: KeyedProperty<K, AmmView>) =>
      (await pool.k()) * (await old(pool).totalShares()) ** 2n >= (await old(pool).k()) * (await pool.totalShares()) ** 2n,
  };
}

/** The pool holds at least its recorded reserves of each token. */
export function reservesBacked<K extends string, T0 extends string, T1 extends string>(key: K, token0: T0, token1: T1) {
  return async (ctx: Keyed<K, AmmView & { readonly address: Hex }> & Keyed<T0 | T1, Erc20View>) =>
    (await ctx[token0].balanceOf(ctx[key].address)) >= (await ctx[key].reserve0()) &&
    (await ctx[token1].balanceOf(ctx[key].address)) >= (await ctx[key].reserve1());
}
