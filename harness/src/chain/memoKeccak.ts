import { keccak_256 } from '@noble/hashes/sha3.js';

const MAX_ENTRIES = 50_000;

/**
 * keccak256 for the SHA3 opcode, remembering recent inputs. Solidity hashes the same
 * mapping keys again and again (`balanceOf[a]` in every call and check), and a hash
 * costs more than the lookup. One memo per chain; it is emptied when it grows too big.
 */
export function memoKeccak(): (data: Uint8Array) => Uint8Array {
  const memo = new Map<string, Uint8Array>();
  return (data: Uint8Array) => {
    if (data.length > 96) return keccak_256(data);
    // One character per byte, built natively: the cheapest exact key for a Map.
    const key = Buffer.from(data.buffer, data.byteOffset, data.length).toString('latin1');
    const hit = memo.get(key);
    if (hit !== undefined) return hit.slice();
    const hash = keccak_256(data);
    if (memo.size >= MAX_ENTRIES) memo.clear();
    memo.set(key, hash.slice());
    return hash;
  };
}
