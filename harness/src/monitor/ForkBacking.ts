import { keccak256, numberToHex, type Hex } from 'viem';
import { KECCAK256_NULL } from '@ethereumjs/util';
import type { StateBacking } from '../chain/StateBacking.js';
import { shortBytes } from '../chain/words.js';
import type { JsonRpc, RpcRequest } from './JsonRpc.js';
import type { SyncRpc } from './SyncRpc.js';

type AccountRecord = { nonce: bigint; balance: bigint; codeHash: Uint8Array };

/** The keys a fork read, so the fork of the next block can load them in one batch. */
export interface ForkKeys {
  accounts: string[];
  slots: [string, string][];
}

/**
 * A live chain's state at one block, as the in-process EVM reads it: each account and
 * slot is asked of the node (at that block) the first time the EVM reads it, and kept.
 * `prefetch` loads known keys in one asynchronous batch first, so a block's checks
 * usually run without a blocking round trip.
 *
 * A failed read is remembered in `failure` and thrown: the EVM re-throws non-EVM errors,
 * but whoever ran the fork checks `failure` too before trusting any answer.
 */
export class ForkBacking implements StateBacking {
  failure: Error | undefined;
  /** Blocking round trips made (misses that prefetch did not cover). */
  misses = 0;
  private readonly accounts = new Map<string, AccountRecord | undefined>();
  private readonly codes = new Map<string, Uint8Array>();
  private readonly slots = new Map<string, Uint8Array>();
  private readonly tag: Hex;

  constructor(private readonly sync: SyncRpc, readonly block: bigint) {
    this.tag = numberToHex(block);
  }

  account(address: string): AccountRecord | undefined {
    if (!this.accounts.has(address)) this.store(address, this.blocking(accountRequests(address, this.tag)));
    return this.accounts.get(address);
  }

  code(address: string): Uint8Array {
    this.account(address);
    return this.codes.get(address) ?? new Uint8Array(0);
  }

  slot(address: string, slot: string): Uint8Array {
    const key = `${address}|${slot}`;
    let value = this.slots.get(key);
    if (value === undefined) {
      value = shortBytes(BigInt(this.blocking([slotRequest(address, slot, this.tag)])[0] as Hex));
      this.slots.set(key, value);
    }
    return value;
  }

  /** Loads the given keys (those the previous block's fork read) with one request. */
  async prefetch(keys: ForkKeys, rpc: JsonRpc): Promise<void> {
    const accounts = keys.accounts.filter((a) => !this.accounts.has(a));
    const slots = keys.slots.filter(([a, s]) => !this.slots.has(`${a}|${s}`));
    const answers = await rpc.batch([...accounts.flatMap((a) => accountRequests(a, this.tag)), ...slots.map(([a, s]) => slotRequest(a, s, this.tag))]);
    accounts.forEach((a, i) => this.store(a, answers.slice(3 * i, 3 * i + 3)));
    slots.forEach(([a, s], i) => this.slots.set(`${a}|${s}`, shortBytes(BigInt(answers[3 * accounts.length + i] as Hex))));
  }

  /** Every key read so far. */
  keys(): ForkKeys {
    return { accounts: [...this.accounts.keys()], slots: [...this.slots.keys()].map((k) => k.split('|') as [string, string]) };
  }

  private blocking(requests: RpcRequest[]): unknown[] {
    if (this.failure !== undefined) throw this.failure;
    this.misses++;
    try {
      return this.sync.batch(requests);
    } catch (e) {
      this.failure = e as Error;
      throw e;
    }
  }

  private store(address: string, [balance, nonce, code]: unknown[]): void {
    const bytes = hexBytes(code as Hex);
    this.codes.set(address, bytes);
    const rec = { nonce: BigInt(nonce as Hex), balance: BigInt(balance as Hex), codeHash: bytes.length === 0 ? KECCAK256_NULL : keccak256(bytes, 'bytes') };
    // An account with nothing is absent, as on the node (EXTCODEHASH and call gas tell the difference).
    this.accounts.set(address, rec.nonce === 0n && rec.balance === 0n && bytes.length === 0 ? undefined : rec);
  }
}

function accountRequests(address: string, tag: Hex): RpcRequest[] {
  return [
    { method: 'eth_getBalance', params: [address, tag] },
    { method: 'eth_getTransactionCount', params: [address, tag] },
    { method: 'eth_getCode', params: [address, tag] },
  ];
}

function slotRequest(address: string, slot: string, tag: Hex): RpcRequest {
  return { method: 'eth_getStorageAt', params: [address, slot, tag] };
}

function hexBytes(hex: Hex): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.slice(2), 'hex'));
}
