import { addressOf, defineSpec } from '../harness/src/index.js';
import { lendingInvariants, senderStaysHealthy } from '../invariants/lending.js';

// The pool holds debt tokens to lend; actors hold collateral, have approved the pool for
// both tokens (repay and liquidate pull debt tokens) and each has borrowed half its
// collateral's value, so a price drop the fuzzer makes opens liquidations.
export default defineSpec({
  sources: ['../targets/common/MintableToken.sol', '../targets/lending/PriceOracle.sol', '../targets/lending/LendingPoolBuggy.sol'],
  contracts: {
    collateral: { contract: 'MintableToken', args: ['COL'] },
    debt: { contract: 'MintableToken', args: ['DEBT'] },
    oracle: { contract: 'PriceOracle' },
    pool: {
      contract: 'LendingPoolBuggy',
      args: [addressOf('collateral'), addressOf('debt'), addressOf('oracle')],
    },
  },
  setup: async ({ collateral, debt, pool, actors, as }) => {
    await debt.mint(pool.address, 10n ** 24n);
    for (const a of actors) {
      await collateral.mint(a, 10n ** 24n);
      await as(a).collateral.approve(pool.address, 2n ** 256n - 1n);
      await as(a).debt.approve(pool.address, 2n ** 256n - 1n);
      await as(a).pool.depositCollateral(10n ** 21n);
      await as(a).pool.borrow(5n * 10n ** 20n);
    }
  },
  targets: { exclude: ['collateral.approve', 'debt.approve', 'collateral.transferFrom', 'debt.transferFrom'] },
  invariants: { ...lendingInvariants('pool') },
  properties: { senderStaysHealthy: senderStaysHealthy('pool') },
});
