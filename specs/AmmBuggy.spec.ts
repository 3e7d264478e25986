import { variantOf } from '../harness/src/index.js';
import base from './Amm.spec.js';

// The buggy variant: the same spec against AmmBuggy (the bug is described at the top of the Solidity file).
export default variantOf(base, {
  sources: { '../targets/amm/Amm.sol': '../targets/amm/AmmBuggy.sol' },
  contracts: { amm: 'AmmBuggy' },
});
