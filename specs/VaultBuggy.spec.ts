import { addressOf, defineSpec } from '../harness/src/index.js';
import { erc4626Properties, roundTripsFavourVault, solvent } from '../invariants/erc4626.js';

// Actors are funded and have approved the vault; the fuzzer may also send or mint asset
// to the vault (a donation), which makes a share worth more than one asset.
export default defineSpec({
  sources: ['../targets/common/MintableToken.sol', '../targets/vault/VaultBuggy.sol'],
  contracts: {
    asset: { contract: 'MintableToken', args: ['ASSET'] },
    vault: { contract: 'VaultBuggy', args: [addressOf('asset')] },
  },
  setup: async ({ asset, vault, actors, as }) => {
    for (const a of actors) {
      await asset.mint(a, 10n ** 24n);
      await as(a).asset.approve(vault.address, 2n ** 256n - 1n);
    }
    await vault.deposit(10n ** 21n, actors[0]);
  },
  // Approvals stay as set up; every share function of the vault is fuzzed.
  targets: { exclude: ['asset.approve', 'asset.transferFrom'] },
  // The cheap core of invariants/erc4626.ts: each view call costs throughput.
  invariants: { solvent: solvent('vault'), roundTripsFavourVault: roundTripsFavourVault('vault') },
  // Supply stays far below 1e36 shares, so a price drop of one asset per 1e36 shares shows.
  properties: { ...erc4626Properties('vault', 10n ** 36n) },
});
