import { defineSpec, sum, type CallInfo } from '../harness/src/index.js';

// The speed benchmark's spec: mirrors bench/forge/test/BenchTokenInvariant.t.sol (same
// three actors, the same five functions, the same two invariants). One difference: the
// forge handler maps every recipient onto an actor, while Vigil draws any address, so
// the balances are summed over `holders` (every address seen) rather than the 3 actors.
export default defineSpec({
  sources: ['../targets/bench/BenchToken.sol'],
  contracts: { token: { contract: 'BenchToken' } },
  actors: [
    '0x00000000000000000000000000000000000a11ce',
    '0x0000000000000000000000000000000000000b0b',
    '0x00000000000000000000000000000000000ca201',
  ],
  targets: { include: ['token.transfer', 'token.approve', 'token.transferFrom', 'token.mint', 'token.burn'] },
  ghosts: {
    // What the balances must add up to: minted minus burned (the handler's ghostSumOfBalances).
    sumOfBalances: {
      initial: 0n as bigint,
      onCall: {
        'token.mint': (total: bigint, call: CallInfo) => (call.reverted ? total : total + call.args[1]),
        'token.burn': (total: bigint, call: CallInfo) => (call.reverted ? total : total - call.args[0]),
      },
    },
  },
  invariants: {
    totalSupplyEqualsSumOfBalances: async ({ token, holders }) =>
      (await token.totalSupply()) === (await sum(holders, (a) => token.balanceOf(a))),
    totalSupplyEqualsGhostSum: async ({ token, ghosts }) => (await token.totalSupply()) === ghosts.sumOfBalances,
  },
});
