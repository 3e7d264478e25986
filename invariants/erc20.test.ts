import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import {
  erc20Invariants,
  erc20Properties,
  noBalanceAboveSupply,
  supplyIsSumOfBalances,
  transferConserves,
  transferFromConserves,
  transferFromSpendsAllowance,
} from './erc20.js';
import { balances, fakeContext, fakeHandle } from './fakeContext.js';

const A: Hex = '0x0000000000000000000000000000000000010000';
const B: Hex = '0x0000000000000000000000000000000000020000';
const C: Hex = '0x00000000000000000000000000000000000c0ffe';
const MAX = 2n ** 256n - 1n;

const token = (supply: bigint, table: Record<Hex, bigint>, allowance: bigint = 0n) =>
  fakeHandle({ totalSupply: supply, balanceOf: balances(table), allowance: () => allowance });

describe('erc20 invariants', () => {
  it('supplyIsSumOfBalances sums over holders by default, over actors when asked', async () => {
    const t = token(30n, { [A]: 10n, [B]: 15n, [C]: 5n });
    expect(await supplyIsSumOfBalances('token')(fakeContext({ token: t }, { actors: [A, B], holders: [A, B, C] }))).toBe(true);
    expect(await supplyIsSumOfBalances('token', 'actors')(fakeContext({ token: t }, { actors: [A, B], holders: [A, B, C] }))).toBe(false);
    const inflated = token(30n, { [A]: 20n, [B]: 15n });
    expect(await supplyIsSumOfBalances('token')(fakeContext({ token: inflated }, { holders: [A, B] }))).toBe(false);
  });

  it('noBalanceAboveSupply fails only when one balance exceeds the supply', async () => {
    expect(await noBalanceAboveSupply('token')(fakeContext({ token: token(30n, { [A]: 30n }) }, { holders: [A, B] }))).toBe(true);
    expect(await noBalanceAboveSupply('token')(fakeContext({ token: token(30n, { [B]: 31n }) }, { holders: [A, B] }))).toBe(false);
  });

  it('erc20Invariants and erc20Properties name their members', () => {
    expect(Object.keys(erc20Invariants('token'))).toEqual(['supplyIsSumOfBalances', 'noBalanceAboveSupply']);
    expect(Object.keys(erc20Properties('token'))).toEqual(['transferConserves', 'transferFromConserves', 'transferFromSpendsAllowance']);
  });
});

describe('erc20 properties', () => {
  const before = token(100n, { [A]: 60n, [B]: 40n });
  const run = async (property: { check: (ctx: never) => Promise<boolean> }, after: object, call: object) =>
    property.check(fakeContext({ token: after }, { before: { token: before }, call }));

  it('applies to the function it is about', () => {
    expect(transferConserves('token').on).toBe('token.transfer');
    expect(transferFromConserves('vault').on).toBe('vault.transferFrom');
    expect(transferFromSpendsAllowance('token').on).toBe('token.transferFrom');
  });

  it('transferConserves: a transfer passes, a self-transfer that credits twice fails', async () => {
    const moved = token(100n, { [A]: 50n, [B]: 50n });
    expect(await run(transferConserves('token'), moved, { sender: A, args: [B, 10n] })).toBe(true);
    expect(await run(transferConserves('token'), moved, { sender: A, args: [B, 9n] })).toBe(false);
    expect(await run(transferConserves('token'), token(100n, { [A]: 60n, [B]: 40n }), { sender: A, args: [A, 10n] })).toBe(true);
    expect(await run(transferConserves('token'), token(100n, { [A]: 70n, [B]: 40n }), { sender: A, args: [A, 10n] })).toBe(false);
    expect(await run(transferConserves('token'), token(100n, { [A]: 0n }), { sender: A, args: [B, 10n], reverted: true })).toBe(true);
  });

  it('transferFromConserves reads from and to from the arguments', async () => {
    const moved = token(100n, { [A]: 50n, [B]: 50n });
    expect(await run(transferFromConserves('token'), moved, { sender: C, args: [A, B, 10n] })).toBe(true);
    expect(await run(transferFromConserves('token'), token(100n, { [A]: 60n, [B]: 50n }), { sender: C, args: [A, B, 10n] })).toBe(false);
    expect(await run(transferFromConserves('token'), token(100n, { [A]: 70n, [B]: 40n }), { sender: C, args: [A, A, 10n] })).toBe(false);
  });

  it('transferFromSpendsAllowance: spends exactly the amount, except an infinite allowance', async () => {
    const spend = (allowanceBefore: bigint, allowanceAfter: bigint) =>
      transferFromSpendsAllowance('token').check(
        fakeContext(
          { token: token(100n, {}, allowanceAfter) },
          { before: { token: token(100n, {}, allowanceBefore) }, call: { sender: C, args: [A, B, 10n] } },
        ),
      );
    expect(await spend(25n, 15n)).toBe(true);
    expect(await spend(25n, 25n)).toBe(false);
    expect(await spend(MAX, MAX)).toBe(true);
    expect(await spend(MAX, MAX - 10n)).toBe(false);
  });
});
