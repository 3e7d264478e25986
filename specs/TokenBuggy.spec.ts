import { defineSpec } from '../harness/src/index.js';
import { onlyOwnerChanges } from '../invariants/access.js';
import { erc20Invariants, erc20Properties } from '../invariants/erc20.js';
import { nothingMovesWhilePaused } from '../invariants/pausable.js';

// Recipients are any address the fuzzer draws, so balances are summed over `holders`.
export default defineSpec({
  sources: ['../targets/token/TokenBuggy.sol'],
  contracts: { token: { contract: 'TokenBuggy' } },
  setup: async ({ token, actors }) => {
    for (const a of actors) await token.mint(a, 1_000n * 10n ** 18n);
  },
  invariants: { ...erc20Invariants('token') },
  properties: {
    ...erc20Properties('token'),
    onlyOwnerPauses: onlyOwnerChanges('token', 'paused'),
    nothingMovesWhilePaused: nothingMovesWhilePaused('token'),
  },
});
