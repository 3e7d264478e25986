import { forall } from '../harness/src/spec/quantifiers.js';
import type { KeyedProperty, Population } from './context.js';
import type { Erc20View } from './erc20.js';

/** A pausable ERC20. */
export interface PausableErc20View extends Erc20View {
  paused(): Promise<boolean>;
}

/**
 * Nothing moves while paused: a call to one of `functions` made while the token was
 * paused reverts, or leaves totalSupply and every balance over `over` as they were.
 * Privileged functions that may act while paused (an owner's mint) stay off the list.
 */
export function nothingMovesWhilePaused<K extends string>(
  key: K,
  functions: readonly string[] = ['transfer', 'transferFrom', 'burn'],
  over: Population = 'holders',
) {
  return {
    on: functions.map((f) => `${key}.${f}`),
    check: async (ctx: KeyedProperty<K, PausableErc20View>) =>
      !(await ctx.old(ctx[key]).paused()) ||
      ctx.call.reverted ||
      ((await ctx[key].totalSupply()) === (await ctx.old(ctx[key]).totalSupply()) &&
        (await forall(ctx[over], async (a) => (await ctx[key].balanceOf(a)) === (await ctx.old(ctx[key]).balanceOf(a))))),
  };
}
