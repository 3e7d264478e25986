import { variantOf } from '../harness/src/index.js';
import base from './Lending.spec.js';

// The buggy variant: the same spec against LendingPoolBuggy (the bug is described at the top of the Solidity file).
export default variantOf(base, {
  sources: { '../targets/lending/LendingPool.sol': '../targets/lending/LendingPoolBuggy.sol' },
  contracts: { pool: 'LendingPoolBuggy' },
});
