import { addressOf, defineSpec, forall, sum } from '../harness/src/index.js';

const ALICE = '0x0000000000000000000000000000000000010000';
const BOB = '0x0000000000000000000000000000000000020000';
const ADMIN = '0x0000000000000000000000000000000000030000';
/** Holds PAUSER_ROLE only: may pull the levers, not release them. Not a fuzzed sender. */
const PAUSER = '0x0000000000000000000000000000000000040000';
const E18 = 10n ** 18n;

// Each actor has 500 GOLD (worth 1,000 CASH) and 1,000 SILVER (worth 1,000) deposited and
// 900 CASH borrowed: healthy (limit 1,600), but giving away either asset's collateral
// would leave it unhealthy, which only the missing health check of the buggy donate() allows.
export default defineSpec({
  sources: ['../targets/common/MintableToken.sol', '../targets/guarded/GuardedMarket.sol'],
  actors: [ALICE, BOB],
  deployer: ADMIN,
  contracts: {
    cash: { contract: 'MintableToken', args: ['CASH'] },
    gold: { contract: 'MintableToken', args: ['GOLD'] },
    silver: { contract: 'MintableToken', args: ['SLVR'] },
    market: { contract: 'GuardedMarket', args: [addressOf('cash'), addressOf('gold'), 2n * E18, addressOf('silver'), E18] },
  },
  setup: async ({ cash, gold, silver, market, actors, as }) => {
    await market.grantRole(await market.PAUSER_ROLE(), PAUSER);
    await cash.mint(market.address, 10n ** 24n);
    for (const a of actors) {
      await gold.mint(a, 1_000n * E18);
      await silver.mint(a, 2_000n * E18);
      await cash.mint(a, 1_000n * E18);
      for (const token of [as(a).cash, as(a).gold, as(a).silver]) await token.approve(market.address, 2n ** 256n - 1n);
      await as(a).market.deposit(gold.address, 500n * E18);
      await as(a).market.deposit(silver.address, 1_000n * E18);
      await as(a).market.borrow(900n * E18);
    }
  },
  targets: {
    include: ['market.deposit', 'market.withdraw', 'market.borrow', 'market.repay', 'market.donate', 'market.liquidate'],
    addresses: 'known',
  },
  invariants: {
    positionsHealthy: async ({ market, actors }) => forall(actors, (u) => market.isHealthy(u)),
    totalDebtIsSumOfDebts: async ({ market, actors }) => (await market.totalDebt()) === (await sum(actors, (u) => market.debtOf(u))),
  },
  // pause(), pauseDeposits(), pauseBorrows() and setAssetPaused(asset, true) are found from
  // the ABI; these need a value or a kind the names do not tell.
  levers: {
    freezeGold: {
      call: 'market.setFrozen', args: [addressOf('gold'), true], kind: 'freeze',
      undo: { call: 'market.setFrozen', args: [addressOf('gold'), false] },
    },
    freezeSilver: {
      call: 'market.setFrozen', args: [addressOf('silver'), true], kind: 'freeze',
      undo: { call: 'market.setFrozen', args: [addressOf('silver'), false] },
    },
    limitBorrowing: {
      call: 'market.setOutflowLimit', args: [100n * E18], kind: 'rate-limit',
      undo: { call: 'market.setOutflowLimit', args: [2n ** 256n - 1n] },
    },
    capGold: {
      call: 'market.setSupplyCap', args: [addressOf('gold'), 0n], kind: 'parameter',
      undo: { call: 'market.setSupplyCap', args: [addressOf('gold'), 2n ** 256n - 1n] },
    },
  },
  // Honest traffic the levers should leave working: exits, and a liquidation after a price drop.
  scenarios: {
    repayAndWithdraw: [
      { call: 'market.repay', args: [900n * E18], from: ALICE },
      { call: 'market.withdraw', args: [addressOf('gold'), 500n * E18], from: ALICE },
      { call: 'market.withdraw', args: [addressOf('silver'), 1_000n * E18], from: ALICE },
    ],
    liquidateAfterPriceDrop: [
      { call: 'market.setPrice', args: [addressOf('gold'), 10n ** 16n], from: ADMIN },
      { call: 'market.liquidate', args: [BOB, addressOf('gold'), 100n * E18], from: ALICE },
    ],
  },
});
