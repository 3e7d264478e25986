import { keccak_256 } from '@noble/hashes/sha3.js';

const MAX_ENTRIES = 50_000;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * keccak256 for the SHA3 opcode, remembering recent inputs. Solidity hashes the same
 * mapping keys again and again (`balanceOf[a]` in every call and check), and a hash
 * costs more than the lookup. One memo per chain; it is emptied when it grows too big.
 */
export function memoKeccak(): (data: Uint8Array) => Uint8Array {
  const memo = new Map<string, Uint8Array>();
  return (data: Uint8Array) => {
    if (data.length > 96) return keccak_256(data);
    let key = '';
    for (let i = 0; i < data.length; i++) key += HEX[data[i]!];
    const hit = memo.get(key);
    if (hit !== undefined) return hit.slice();
    const hash = keccak_256(data);
    if (memo.size >= MAX_ENTRIES) memo.clear();
    memo.set(key, hash.slice());
    return hash;
  };
}
