import { bytesToHex, type Hex } from 'viem';
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
}

export interface SetUpState {
  block: BlockEnv;
  accounts: CapturedAccount[];
  /** Whether any captured code reads CHAINID (then the test pins Vigil's chain id). */
  readsChainId: boolean;
}

/** Contracts a set-up creates beyond the spec's own are found through their addresses; stop somewhere. */
const maxContracts = 64;
const CHAINID = 0x46;

/**
 * The chain as the spec's set-up left it, for `setUp()` to rebuild with vm.etch / vm.store /
 * vm.deal: the spec's contracts, every contract whose address they hold in storage or in
 * their code (immutables), and the balances of actors, deployer, senders and `extra`.
 * Call it on a freshly opened session, before any sequence runs.
 */
export async function captureSetUpState(session: SpecSession, extra: readonly string[]): Promise<SetUpState> {
  const { chain, deployment } = session;
  const contracts: Hex[] = [];
  const queued = new Set<string>();
  const queue = (a: string) => {
    const lower = a.toLowerCase();
    if (!queued.has(lower) && contracts.length < maxContracts) {
      queued.add(lower);
      contracts.push(lower as Hex);
    }
  };
  for (const c of deployment.contracts) queue(c.address);
  const accounts: CapturedAccount[] = [];
  let readsChainId = false;
  for (let i = 0; i < contracts.length; i++) {
    const address = contracts[i]!;
    const code = await chain.getCode(address);
    if (code.length === 0) continue;
    const storage = [...chain.storageOf(address)].map(([slot, value]) => [BigInt(slot), bytesToBigInt(value)] as [bigint, bigint]).filter(([, v]) => v !== 0n);
    storage.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    accounts.push({ address, code: bytesToHex(code), storage, balance: await chain.getBalance(address) });
    readsChainId ||= usesOpcode(code, CHAINID);
    for (const [, v] of storage) if (looksLikeAddress(v)) await queueIfContract(v);
    for (const pushed of push20Operands(code)) await queueIfContract(pushed);
  }
  const others = [...deployment.actors, deployment.deployer, ...session.senders, ...extra].map((a) => a.toLowerCase());
  for (const address of new Set(others)) {
    if (queued.has(address)) continue;
    const balance = await chain.getBalance(address as Hex);
    if (balance > 0n) accounts.push({ address: address as Hex, storage: [], balance });
  }
  return { block: { ...session.base.block }, accounts, readsChainId };

  async function queueIfContract(word: bigint): Promise<void> {
    const address = `0x${word.toString(16).padStart(40, '0')}` as Hex;
    if (!queued.has(address) && (await chain.getCode(address)).length > 0) queue(address);
  }
}

function looksLikeAddress(v: bigint): boolean {
  return v > 0xffffn && v < 1n << 160n;
}

/** PUSH20 operands: where immutable and constant addresses sit in runtime code. */
function push20Operands(code: Uint8Array): bigint[] {
  const out: bigint[] = [];
  walk(code, (op, at) => {
    if (op === 0x73 && at + 21 <= code.length) out.push(bytesToBigInt(code.subarray(at + 1, at + 21)));
  });
  return out;
}

function usesOpcode(code: Uint8Array, opcode: number): boolean {
  let found = false;
  walk(code, (op) => {
    if (op === opcode) found = true;
  });
  return found;
}

/** Visits each instruction, skipping PUSH data (the metadata tail may show as junk: harmless here). */
function walk(code: Uint8Array, visit: (op: number, at: number) => void): void {
  for (let i = 0; i < code.length; i++) {
    const op = code[i]!;
    visit(op, i);
    if (op >= 0x60 && op <= 0x7f) i += op - 0x5f;
  }
}
