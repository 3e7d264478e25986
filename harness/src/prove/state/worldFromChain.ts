import type { Hex } from 'viem';
import type { TestChain } from '../../chain/TestChain.js';
import type { WorldInput } from './createSymbolicState.js';

/**
 * The concrete world of a test chain as explorer input: the code and non-zero storage
 * of `contracts`, and the balances of those and of `accounts` (every other balance is
 * left symbolic).
 */
export async function worldFromChain(
  chain: TestChain,
  contracts: readonly Hex[],
  accounts: readonly Hex[] = [],
  keccakPreimages: readonly Uint8Array[] = [],
): Promise<WorldInput> {
  const balances = new Map<bigint, bigint>();
  for (const a of [...contracts, ...accounts]) balances.set(BigInt(a), await chain.getBalance(a));
  return {
    contracts: await Promise.all(
      contracts.map(async (address) => {
        const storage = new Map<bigint, bigint>();
        for (const [slot, value] of chain.storageOf(address)) {
          let v = 0n;
          for (const b of value) v = (v << 8n) | BigInt(b);
          if (v !== 0n) storage.set(BigInt(slot), v);
        }
        return { address: BigInt(address), code: await chain.getCode(address), storage };
      }),
    ),
    balances,
    keccakPreimages,
  };
}
