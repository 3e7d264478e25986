import { variantOf } from '../harness/src/index.js';
import base from './Vault.spec.js';

// The buggy variant: the same spec against VaultBuggy (the bug is described at the top of the Solidity file).
export default variantOf(base, {
  sources: { '../targets/vault/Vault.sol': '../targets/vault/VaultBuggy.sol' },
  contracts: { vault: 'VaultBuggy' },
});
