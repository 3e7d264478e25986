import { defineSpec, ghost, sum } from '../harness/src/index.js';

// The speed benchmark's spec: it mirrors bench/forge/test/BenchTokenInvariant.t.sol. The
// same three actors send every call and are the only addresses arguments take (the forge
// handler maps each recipient onto an actor); the same five functions; the same two
// invariants: supply equals the actors' balances, and equals minted minus burned.
export default defineSpec({
  sources: ['../targets/bench/BenchToken.sol'],
  contracts: { token: { contract: 'BenchToken' } },
  actors: [
    '0x00000000000000000000000000000000000a11ce',
    '0x0000000000000000000000000000000000000b0b',
    '0x00000000000000000000000000000000000ca201',
  ],
  targets: {
    include: ['token.transfer', 'token.approve', 'token.transferFrom', 'token.mint', 'token.burn'],
    addresses: 'actors',
  },
  ghosts: {
    // What the balances must add up to: minted minus burned (the handler's ghostSumOfBalances).
    sumOfBalances: ghost({
      initial: 0n,
      onCall: {
        'token.mint': (total, call) => (call.reverted ? total : total + call.args[1]),
        'token.burn': (total, call) => (call.reverted ? total : total - call.args[0]),
      },
    }),
  },
  invariants: {
    totalSupplyEqualsSumOfBalances: async ({ token, actors }) =>
      (await token.totalSupply()) === (await sum(actors, (a) => token.balanceOf(a))),
    totalSupplyEqualsGhostSum: async ({ token, ghosts }) => (await token.totalSupply()) === ghosts.sumOfBalances,
  },
});
