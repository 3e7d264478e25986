import { variantOf } from '../harness/src/index.js';
import base from './Lock.spec.js';

// The buggy variant: the same spec against LockBuggy (the bug is described at the top of the Solidity file).
export default variantOf(base, {
  sources: { '../targets/statemachine/Lock.sol': '../targets/statemachine/LockBuggy.sol' },
  contracts: { lock: 'LockBuggy' },
});
