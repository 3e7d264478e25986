import { variantOf } from '../harness/src/index.js';
import base from './Guarded.spec.js';

// The buggy variant: the same spec against GuardedMarketBuggy (the bug is described at the top of the Solidity file).
export default variantOf(base, {
  sources: { '../targets/guarded/GuardedMarket.sol': '../targets/guarded/GuardedMarketBuggy.sol' },
  contracts: { market: 'GuardedMarketBuggy' },
});
