import type { Hex } from 'viem';
import { forall, sum } from '../harness/src/spec/quantifiers.js';
import type { Keyed, KeyedProperty, Population } from './context.js';

// Check bodies stay in the prover's pure subset: view calls, bigint arithmetic,
// comparisons and quantifiers, with constants written inline (2n ** 256n - 1n).

/** The view functions of an ERC20 these checks read. */
export interface Erc20View {
  totalSupply(): Promise<bigint>;
  balanceOf(account: Hex): Promise<bigint>;
}

/** An ERC20 with allowances. */
export interface Erc20AllowanceView extends Erc20View {
  allowance(owner: Hex, spender: Hex): Promise<bigint>;
}

/** A check context that holds an ERC20 handle under the key `K`. */
export type Erc20Context<K extends string> = Keyed<K, Erc20View>;

/** totalSupply equals the sum of balances over `over`; `holders` (every address seen) unless only actors can hold. */
export function supplyIsSumOfBalances<K extends string>(key: K, over: Population = 'holders') {
  return async (ctx: Erc20Context<K>) =>
    (await ctx[key].totalSupply()) === (await sum(ctx[over], (a) => ctx[key].balanceOf(a)));
}

/** No single balance exceeds totalSupply. */
export function noBalanceAboveSupply<K extends string>(key: K, over: Population = 'holders') {
  return async (ctx: Erc20Context<K>) => {
    const supply = await ctx[key].totalSupply();
    return forall(ctx[over], async (a) => (await ctx[key].balanceOf(a)) <= supply);
  };
}

/** `transfer(to, amount)` moves tokens and creates none: sender plus recipient is unchanged, and the recipient gains exactly `amount` unless it is the sender. */
export function transferConserves<K extends string>(key: K) {
  return {
    on: `${key}.transfer`,
    check: async ({ call, old, [key]: token }: KeyedProperty<K, Erc20View>) =>
      call.reverted ||
      ((await token.balanceOf(call.sender)) + (await token.balanceOf(call.args[0])) ===
        (await old(token).balanceOf(call.sender)) + (await old(token).balanceOf(call.args[0])) &&
        (call.args[0] === call.sender ||
          (await token.balanceOf(call.args[0])) === (await old(token).balanceOf(call.args[0])) + call.args[1])),
  };
}

/** `transferFrom(from, to, amount)` conserves `from` plus `to`, and `to` gains exactly `amount` unless it is `from`. */
export function transferFromConserves<K extends string>(key: K) {
  return {
    on: `${key}.transferFrom`,
    check: async ({ call, old, [key]: token }: KeyedProperty<K, Erc20View>) =>
      call.reverted ||
      ((await token.balanceOf(call.args[0])) + (await token.balanceOf(call.args[1])) ===
        (await old(token).balanceOf(call.args[0])) + (await old(token).balanceOf(call.args[1])) &&
        (call.args[0] === call.args[1] ||
          (await token.balanceOf(call.args[1])) === (await old(token).balanceOf(call.args[1])) + call.args[2])),
  };
}

/** `transferFrom` spends exactly `amount` of the caller's allowance, unless the allowance is the maximum uint256, which stays. */
export function transferFromSpendsAllowance<K extends string>(key: K) {
  return {
    on: `${key}.transferFrom`,
    check: async ({ call, old, [key]: token }: KeyedProperty<K, Erc20AllowanceView>) =>
      call.reverted ||
      ((await old(token).allowance(call.args[0], call.sender)) === 2n ** 256n - 1n
        ? (await token.allowance(call.args[0], call.sender)) === 2n ** 256n - 1n
        : (await token.allowance(call.args[0], call.sender)) ===
          (await old(token).allowance(call.args[0], call.sender)) - call.args[2]),
  };
}

/** Both supply invariants, to spread into a spec's `invariants`. */
export function erc20Invariants<K extends string>(key: K, over: Population = 'holders') {
  return {
    supplyIsSumOfBalances: supplyIsSumOfBalances(key, over),
    noBalanceAboveSupply: noBalanceAboveSupply(key, over),
  };
}

/** The transfer and allowance properties, to spread into a spec's `properties`. */
export function erc20Properties<K extends string>(key: K) {
  return {
    transferConserves: transferConserves(key),
    transferFromConserves: transferFromConserves(key),
    transferFromSpendsAllowance: transferFromSpendsAllowance(key),
  };
}
