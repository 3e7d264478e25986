import { describe, expect, it } from 'vitest';
import {
  conversionsMonotonic,
  depositMintsPreview,
  erc4626Invariants,
  erc4626Properties,
  previewsRoundForVault,
  roundTripsFavourVault,
  sharePriceNeverDecreases,
  solvent,
  withdrawBurnsPreview,
} from './erc4626.js';
import { fakeContext, fakeHandle, type FakeView } from './fakeContext.js';

/** The views of a vault with one virtual share and one virtual asset (targets/vault), as plain math. */
function vault(assets: bigint, supply: bigint, options: { withdrawRoundsUp?: boolean; override?: Record<string, FakeView> } = {}) {
  const mulDiv = (x: bigint, y: bigint, d: bigint, up: boolean) => (x * y) / d + (up && (x * y) % d !== 0n ? 1n : 0n);
  const toShares = (a: bigint, up = false) => mulDiv(a, supply + 1n, assets + 1n, up);
  const toAssets = (s: bigint, up = false) => mulDiv(s, assets + 1n, supply + 1n, up);
  return fakeHandle({
    totalAssets: assets,
    totalSupply: supply,
    convertToShares: (a: bigint) => toShares(a),
    convertToAssets: (s: bigint) => toAssets(s),
    previewDeposit: (a: bigint) => toShares(a),
    previewMint: (s: bigint) => toAssets(s, true),
    previewWithdraw: (a: bigint) => toShares(a, options.withdrawRoundsUp ?? true),
    previewRedeem: (s: bigint) => toAssets(s),
    ...options.override,
  });
}

const holds = (check: (ctx: never) => Promise<boolean>, v: object) => check(fakeContext({ vault: v }));

describe('erc4626 invariants', () => {
  it('hold on a correct vault whatever the share price', async () => {
    for (const [a, s] of [[0n, 0n], [10n ** 21n, 10n ** 21n], [10n ** 24n + 7n, 3n * 10n ** 20n]]) {
      for (const check of Object.values(erc4626Invariants('vault'))) expect(await holds(check, vault(a, s))).toBe(true);
    }
  });

  it('solvent fails when the shares are worth more than the assets', async () => {
    expect(await holds(solvent('vault'), vault(100n, 100n, { override: { convertToAssets: (s: bigint) => 2n * s } }))).toBe(false);
  });

  it('conversionsMonotonic fails when more assets give fewer shares', async () => {
    const v = vault(100n, 100n, { override: { convertToShares: (a: bigint) => (a === 1n ? 5n : 1n) } });
    expect(await holds(conversionsMonotonic('vault'), v)).toBe(false);
  });

  it('previewsRoundForVault fails when previewDeposit rounds up', async () => {
    const v = vault(3n * 10n ** 18n, 10n ** 18n, { override: { previewDeposit: (a: bigint) => a } });
    expect(await holds(previewsRoundForVault('vault'), v)).toBe(false);
  });

  it('roundTripsFavourVault catches previewWithdraw rounding down once a share is worth more than an asset', async () => {
    expect(await holds(roundTripsFavourVault('vault'), vault(10n ** 21n, 10n ** 21n, { withdrawRoundsUp: false }))).toBe(true);
    expect(await holds(roundTripsFavourVault('vault'), vault(10n ** 21n + 1n, 10n ** 21n, { withdrawRoundsUp: false }))).toBe(false);
    expect(await holds(roundTripsFavourVault('vault', 1n), vault(2n, 1n, { withdrawRoundsUp: false }))).toBe(false);
  });
});

describe('erc4626 properties', () => {
  const run = (property: { check: (ctx: never) => Promise<boolean> }, before: object, after: object, call = {}) =>
    property.check(fakeContext({ vault: after }, { before: { vault: before }, call }));

  it('sharePriceNeverDecreases: a donation passes, an asset leaving without shares fails', async () => {
    const unit = 10n ** 36n;
    expect(await run(sharePriceNeverDecreases('vault', unit), vault(1000n, 1000n), vault(1001n, 1000n))).toBe(true);
    expect(await run(sharePriceNeverDecreases('vault', unit), vault(1001n, 1000n), vault(1000n, 1000n))).toBe(false);
    // With a unit far below the supply, the same drop is lost in the rounding.
    expect(await run(sharePriceNeverDecreases('vault', 1n), vault(10n ** 21n + 1n, 10n ** 21n), vault(10n ** 21n, 10n ** 21n))).toBe(true);
  });

  it('depositMintsPreview: shares must match the preview and need assets', async () => {
    const v = vault(100n, 100n);
    expect(await run(depositMintsPreview('vault'), v, v, { args: [50n, '0x'], result: 50n })).toBe(true);
    expect(await run(depositMintsPreview('vault'), v, v, { args: [50n, '0x'], result: 51n })).toBe(false);
    const free = vault(100n, 100n, { override: { previewDeposit: 5n } });
    expect(await run(depositMintsPreview('vault'), free, free, { args: [0n, '0x'], result: 5n })).toBe(false);
    expect(await run(depositMintsPreview('vault'), v, v, { args: [0n, '0x'], reverted: true })).toBe(true);
  });

  it('withdrawBurnsPreview: withdrawing assets for no shares fails', async () => {
    const buggy = vault(10n ** 21n + 1n, 10n ** 21n, { withdrawRoundsUp: false });
    expect(await run(withdrawBurnsPreview('vault'), buggy, buggy, { args: [1n, '0x', '0x'], result: 0n })).toBe(false);
    const correct = vault(10n ** 21n + 1n, 10n ** 21n);
    expect(await run(withdrawBurnsPreview('vault'), correct, correct, { args: [1n, '0x', '0x'], result: 1n })).toBe(true);
  });

  it('erc4626Properties names its members and their calls', () => {
    const p = erc4626Properties('vault');
    expect(Object.keys(p)).toEqual(['sharePriceNeverDecreases', 'depositMintsPreview', 'withdrawBurnsPreview']);
    expect([p.depositMintsPreview.on, p.withdrawBurnsPreview.on]).toEqual(['vault.deposit', 'vault.withdraw']);
  });
});
