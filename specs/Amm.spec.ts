import { addressOf, defineSpec } from '../harness/src/index.js';
import { kNeverDecreasesOnSwap, kPerShareNeverDecreases, reservesBacked } from '../invariants/amm.js';

// The pool starts with liquidity; actors hold both tokens and have approved the pool.
export default defineSpec({
  sources: ['../targets/common/MintableToken.sol', '../targets/amm/Amm.sol'],
  contracts: {
    token0: { contract: 'MintableToken', args: ['T0'] },
    token1: { contract: 'MintableToken', args: ['T1'] },
    amm: { contract: 'Amm', args: [addressOf('token0'), addressOf('token1')] },
  },
  setup: async ({ token0, token1, amm, actors, as }) => {
    for (const a of actors) {
      await token0.mint(a, 10n ** 24n);
      await token1.mint(a, 10n ** 24n);
      await as(a).token0.approve(amm.address, 2n ** 256n - 1n);
      await as(a).token1.approve(amm.address, 2n ** 256n - 1n);
    }
    await amm.addLiquidity(10n ** 21n, 10n ** 21n);
  },
  targets: { exclude: ['token0.approve', 'token1.approve', 'token0.transferFrom', 'token1.transferFrom'] },
  invariants: { reservesBacked: reservesBacked('amm', 'token0', 'token1') },
  properties: {
    kNeverDecreasesOnSwap: kNeverDecreasesOnSwap('amm'),
    kPerShareNeverDecreases: kPerShareNeverDecreases('amm'),
  },
});
