import { variantOf } from '../harness/src/index.js';
import base from './Token.spec.js';

// The buggy variant: the same spec against TokenBuggy (the bug is described at the top of the Solidity file).
export default variantOf(base, {
  sources: { '../targets/token/Token.sol': '../targets/token/TokenBuggy.sol' },
  contracts: { token: 'TokenBuggy' },
});
