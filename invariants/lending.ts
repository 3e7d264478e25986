import type { Hex } from 'viem';
import { forall, sum } from '../harness/src/spec/quantifiers.js';
import type { Keyed, KeyedProperty, Population } from './context.js';

/** The view functions of a lending pool these checks read. */
export interface LendingView {
  debtOf(user: Hex): Promise<bigint>;
  collateralOf(user: Hex): Promise<bigint>;
  totalDebt(): Promise<bigint>;
  isHealthy(user: Hex): Promise<boolean>;
}

/** No bad debt: nobody over `over` owes anything without collateral left to seize. */
export function noBadDebt<K extends string>(key: K, over: Population = 'actors') {
  return async (ctx: Keyed<K, LendingView>) =>
    forall(ctx[over], async (u) => (await ctx[key].debtOf(u)) === 0n || (await ctx[key].collateralOf(u)) > 0n);
}

/** totalDebt is the sum of every position's debt (positions belong to senders, so actors by default). */
export function totalDebtIsSumOfDebts<K extends string>(key: K, over: Population = 'actors') {
  return async (ctx: Keyed<K, LendingView>) =>
    (await ctx[key].totalDebt()) === (await sum(ctx[over], (u) => ctx[key].debtOf(u)));
}

/** A successful borrow or collateral withdrawal leaves its sender healthy. */
export function senderStaysHealthy<K extends string>(key: K, functions: readonly string[] = ['borrow', 'withdrawCollateral']) {
  return {
    on: functions.map((f) => `${key}.${f}`),
    check: async ({ call, [key]: pool }: KeyedProperty<K, LendingView>) => call.reverted || (await pool.isHealthy(call.sender)),
  };
}

/** Both solvency invariants, to spread into a spec's `invariants`. */
export function lendingInvariants<K extends string>(key: K, over: Population = 'actors') {
  return {
    noBadDebt: noBadDebt(key, over),
    totalDebtIsSumOfDebts: totalDebtIsSumOfDebts(key, over),
  };
}
