import { bytesToHex, getContractAddress, type Hex } from 'viem';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { BlockEnv } from '../chain/types.js';
import { bytesToBigInt } from '../chain/words.js';

export interface CapturedAccount {
  address: Hex;
  /** Runtime code, when the account is a contract. */
  code?: Hex;
  /** Non-zero slots, slot → value. */
  storage: [bigint, bigint][];
  balance: bigint;
  /** For contracts: the nonce its next CREATE uses (1 + the contracts it created that Vigil knows of). */
  nonce?: bigint;
}

export interface SetUpState {
  block: BlockEnv;
  accounts: CapturedAccount[];
  /** Whether any captured code reads CHAINID (then the test pins Vigil's chain id). */
  readsChainId: boolean;
}

const CHAINID = 0x46;

/**
 * The chain as the spec's set-up left it, for `setUp()` to rebuild with vm.etch / vm.store /
 * vm.deal / vm.setNonce: every account with code (the spec's contracts first, then those
 * the set-up created), and the balances of actors, deployer, senders and `extra`.
 * Call it on a freshly opened session, before any sequence runs.
 */
export async function captureSetUpState(session: SpecSession, extra: readonly string[]): Promise<SetUpState> {
  const { chain, deployment } = session;
  const withCode = [...new Set([...deployment.contracts.map((c) => c.address.toLowerCase()), ...chain.codeAddresses().map((a) => a.toLowerCase())])] as Hex[];
  const accounts: CapturedAccount[] = [];
  let readsChainId = false;
  for (const address of withCode) {
    const code = await chain.getCode(address);
    if (code.length === 0) continue;
    const storage = [...chain.storageOf(address)].map(([slot, value]) => [BigInt(slot), bytesToBigInt(value)] as [bigint, bigint]).filter(([, v]) => v !== 0n);
    storage.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    accounts.push({ address, code: bytesToHex(code), storage, balance: await chain.getBalance(address), nonce: nextCreateNonce(address, withCode) });
    readsChainId ||= usesOpcode(code, CHAINID);
  }
  const known = new Set<string>(withCode);
  const others = [...deployment.actors, deployment.deployer, ...session.senders, ...extra].map((a) => a.toLowerCase());
  for (const address of new Set(others)) {
    if (known.has(address)) continue;
    const balance = await chain.getBalance(address as Hex);
    if (balance > 0n) accounts.push({ address: address as Hex, storage: [], balance });
  }
  return { block: { ...session.base.block }, accounts, readsChainId };
}

/**
 * A contract starts at nonce 1 and each CREATE adds one; TestChain does not expose nonces,
 * so count the contracts at CREATE(address, 1), CREATE(address, 2), … that exist.
 */
function nextCreateNonce(address: Hex, withCode: readonly Hex[]): bigint {
  const existing = new Set(withCode);
  let nonce = 1n;
  while (existing.has(getContractAddress({ from: address, nonce }).toLowerCase() as Hex)) nonce++;
  return nonce;
}

function usesOpcode(code: Uint8Array, opcode: number): boolean {
  // solc ends runtime code with CBOR metadata whose length is in the last two bytes: not instructions.
  const metadata = code.length >= 2 ? ((code[code.length - 2]! << 8) | code[code.length - 1]!) + 2 : 0;
  const end = metadata <= code.length ? code.length - metadata : code.length;
  // PUSH data is skipped; data after the code could still decode as junk, which at worst pins the chain id needlessly.
  for (let i = 0; i < end; i++) {
    const op = code[i]!;
    if (op === opcode) return true;
    if (op >= 0x60 && op <= 0x7f) i += op - 0x5f;
  }
  return false;
}
