import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { lendingInvariants, noBadDebt, senderStaysHealthy, totalDebtIsSumOfDebts } from './lending.js';
import { balances, fakeContext, fakeHandle } from './fakeContext.js';

const A: Hex = '0x0000000000000000000000000000000000010000';
const B: Hex = '0x0000000000000000000000000000000000020000';

const pool = (debt: Record<Hex, bigint>, collateral: Record<Hex, bigint>, total: bigint) =>
  fakeHandle({
    debtOf: balances(debt),
    collateralOf: balances(collateral),
    totalDebt: total,
    isHealthy: (u: Hex) => (debt[u] ?? 0n) * 100n <= (collateral[u] ?? 0n) * 80n,
  });

describe('lending checks', () => {
  it('noBadDebt fails for debt without collateral, over actors by default', async () => {
    expect(await noBadDebt('pool')(fakeContext({ pool: pool({ [A]: 5n }, { [A]: 10n }, 5n) }, { actors: [A, B] }))).toBe(true);
    expect(await noBadDebt('pool')(fakeContext({ pool: pool({ [A]: 5n }, {}, 5n) }, { actors: [A, B] }))).toBe(false);
    expect(await noBadDebt('pool', 'holders')(fakeContext({ pool: pool({ [B]: 5n }, {}, 5n) }, { actors: [A], holders: [A, B] }))).toBe(false);
  });

  it('totalDebtIsSumOfDebts compares the books with the positions', async () => {
    expect(await totalDebtIsSumOfDebts('pool')(fakeContext({ pool: pool({ [A]: 5n, [B]: 7n }, {}, 12n) }, { actors: [A, B] }))).toBe(true);
    expect(await totalDebtIsSumOfDebts('pool')(fakeContext({ pool: pool({ [A]: 5n, [B]: 7n }, {}, 11n) }, { actors: [A, B] }))).toBe(false);
    expect(Object.keys(lendingInvariants('pool'))).toEqual(['noBadDebt', 'totalDebtIsSumOfDebts']);
  });

  it('senderStaysHealthy: a withdrawal that leaves the sender unhealthy fails', async () => {
    const p = senderStaysHealthy('pool');
    expect(p.on).toEqual(['pool.borrow', 'pool.withdrawCollateral']);
    const check = (debt: bigint, collateral: bigint, reverted = false) =>
      p.check(fakeContext({ pool: pool({ [A]: debt }, { [A]: collateral }, debt) }, { call: { sender: A, reverted } }));
    expect(await check(8n, 10n)).toBe(true);
    expect(await check(1n, 0n)).toBe(false);
    expect(await check(1n, 0n, true)).toBe(true);
  });
});
