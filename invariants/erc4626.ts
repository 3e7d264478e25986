import type { Keyed, KeyedProperty } from './context.js';

// Rounding rules of ERC4626: every conversion a user acts on rounds in the vault's
// favour. `amount` parameters are sample inputs; pass literals so the prover can inline them.

/** The view functions of an ERC4626 vault these checks read. */
export interface Erc4626View {
  totalAssets(): Promise<bigint>;
  totalSupply(): Promise<bigint>;
  convertToShares(assets: bigint): Promise<bigint>;
  convertToAssets(shares: bigint): Promise<bigint>;
  previewDeposit(assets: bigint): Promise<bigint>;
  previewMint(shares: bigint): Promise<bigint>;
  previewWithdraw(assets: bigint): Promise<bigint>;
  previewRedeem(shares: bigint): Promise<bigint>;
}

/** A check context that holds a vault handle under the key `K`. */
export type Erc4626Context<K extends string> = Keyed<K, Erc4626View>;

/** Solvency: all shares together are worth no more than the assets the vault holds. */
export function solvent<K extends string>(key: K) {
  return async (ctx: Erc4626Context<K>) =>
    (await ctx[key].convertToAssets(await ctx[key].totalSupply())) <= (await ctx[key].totalAssets());
}

/** convertToShares and convertToAssets never give less for more: checked at `small` < `large`. */
export function conversionsMonotonic<K extends string>(key: K, small = 1n, large = 10n ** 18n) {
  return async (ctx: Erc4626Context<K>) =>
    (await ctx[key].convertToShares(small)) <= (await ctx[key].convertToShares(large)) &&
    (await ctx[key].convertToAssets(small)) <= (await ctx[key].convertToAssets(large));
}

/** Previews round toward the vault: deposit and redeem give at most, mint and withdraw take at least, the exact conversion. */
export function previewsRoundForVault<K extends string>(key: K, amount = 10n ** 18n) {
  return async (ctx: Erc4626Context<K>) => {
    const shares = await ctx[key].convertToShares(amount);
    const assets = await ctx[key].convertToAssets(amount);
    return (
      (await ctx[key].previewDeposit(amount)) <= shares &&
      (await ctx[key].previewWithdraw(amount)) >= shares &&
      (await ctx[key].previewMint(amount)) >= assets &&
      (await ctx[key].previewRedeem(amount)) <= assets
    );
  };
}

/** No round trip pays: the shares withdraw burns are worth at least the assets, and the assets mint takes buy at least the shares. */
export function roundTripsFavourVault<K extends string>(key: K, amount = 10n ** 18n) {
  return async (ctx: Erc4626Context<K>) =>
    (await ctx[key].convertToAssets(await ctx[key].previewWithdraw(amount))) >= amount &&
    (await ctx[key].convertToShares(await ctx[key].previewMint(amount))) >= amount;
}

/** The share price never drops: `unit` shares are worth at least as much after any call as before it. */
export function sharePriceNeverDecreases<K extends string>(key: K, unit = 10n ** 18n) {
  return {
    check: async ({ old, [key]: vault }: KeyedProperty<K, Erc4626View>) =>
      (await vault.convertToAssets(unit)) >= (await old(vault).convertToAssets(unit)),
  };
}

/** No free shares: deposit mints what previewDeposit promised, and shares only for a positive amount of assets. */
export function depositMintsPreview<K extends string>(key: K) {
  return {
    on: `${key}.deposit`,
    check: async ({ call, old, [key]: vault }: KeyedProperty<K, Erc4626View>) =>
      call.reverted ||
      (call.result === (await old(vault).previewDeposit(call.args[0])) && (call.result === 0n || call.args[0] > 0n)),
  };
}

/** No free assets: withdraw burns what previewWithdraw asked, and some shares for any positive amount of assets. */
export function withdrawBurnsPreview<K extends string>(key: K) {
  return {
    on: `${key}.withdraw`,
    check: async ({ call, old, [key]: vault }: KeyedProperty<K, Erc4626View>) =>
      call.reverted ||
      (call.result === (await old(vault).previewWithdraw(call.args[0])) && (call.args[0] === 0n || call.result > 0n)),
  };
}

/** The vault invariants, to spread into a spec's `invariants`; `amount` is the sample input. */
export function erc4626Invariants<K extends string>(key: K, amount = 10n ** 18n) {
  return {
    solvent: solvent(key),
    conversionsMonotonic: conversionsMonotonic(key, 1n, amount),
    previewsRoundForVault: previewsRoundForVault(key, amount),
    roundTripsFavourVault: roundTripsFavourVault(key, amount),
  };
}

/**
 * The vault properties, to spread into a spec's `properties`. A price drop smaller than
 * one asset per `unit` shares goes unseen, so pick `unit` above the expected total supply.
 */
export function erc4626Properties<K extends string>(key: K, unit = 10n ** 18n) {
  return {
    sharePriceNeverDecreases: sharePriceNeverDecreases(key, unit),
    depositMintsPreview: depositMintsPreview(key),
    withdrawBurnsPreview: withdrawBurnsPreview(key),
  };
}
