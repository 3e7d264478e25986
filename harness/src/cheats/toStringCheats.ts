import { getAddress, type Hex } from 'viem';
import type { Cheatcode } from './Cheatcode.js';

/** `vm.toString(x)` as forge prints values (addresses checksummed, bytes as 0x hex). */
export const toStringCheats: Cheatcode[] = [
  { signature: 'function toString(uint256) pure returns (string)', run: (_c, [v]) => [String(v)] },
  { signature: 'function toString(int256) pure returns (string)', run: (_c, [v]) => [String(v)] },
  { signature: 'function toString(bool) pure returns (string)', run: (_c, [v]) => [String(v)] },
  { signature: 'function toString(address) pure returns (string)', run: (_c, [v]) => [getAddress(v as Hex)] },
  { signature: 'function toString(bytes32) pure returns (string)', run: (_c, [v]) => [v as string] },
  { signature: 'function toString(bytes) pure returns (string)', run: (_c, [v]) => [v as string] },
];
