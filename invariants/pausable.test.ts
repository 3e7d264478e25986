import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { balances, fakeContext, fakeHandle } from './fakeContext.js';
import { nothingMovesWhilePaused } from './pausable.js';

const A: Hex = '0x0000000000000000000000000000000000010000';
const B: Hex = '0x0000000000000000000000000000000000020000';

const token = (paused: boolean, supply: bigint, table: Record<Hex, bigint>) =>
  fakeHandle({ paused, totalSupply: supply, balanceOf: balances(table) });

describe('nothingMovesWhilePaused', () => {
  const property = nothingMovesWhilePaused('token');
  const run = (before: object, after: object, reverted = false) =>
    property.check(fakeContext({ token: after }, { before: { token: before }, holders: [A, B], call: { reverted } }));

  it('applies to the token-moving functions, not to an owner mint', () => {
    expect(property.on).toEqual(['token.transfer', 'token.transferFrom', 'token.burn']);
    expect(nothingMovesWhilePaused('token', ['burn']).on).toEqual(['token.burn']);
  });

  it('fails when a balance or the supply moves while paused', async () => {
    expect(await run(token(true, 10n, { [A]: 10n }), token(true, 10n, { [A]: 4n, [B]: 6n }))).toBe(false);
    expect(await run(token(true, 10n, { [A]: 10n }), token(true, 9n, { [A]: 10n }))).toBe(false);
  });

  it('passes when the call reverted, moved nothing, or the token was not paused', async () => {
    expect(await run(token(true, 10n, { [A]: 10n }), token(true, 10n, { [A]: 4n, [B]: 6n }), true)).toBe(true);
    expect(await run(token(true, 10n, { [A]: 10n }), token(true, 10n, { [A]: 10n }))).toBe(true);
    expect(await run(token(false, 10n, { [A]: 10n }), token(true, 10n, { [A]: 4n, [B]: 6n }))).toBe(true);
  });
});
