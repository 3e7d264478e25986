import { Account, bytesToHex, KECCAK256_NULL, type Address } from '@ethereumjs/util';
import type { StateBacking } from './StateBacking.js';
import type { AccountFields, StateManagerInterface } from '@ethereumjs/common';
import { keccak256 } from 'viem';

/** One undo record: the value a key held before a write. */
type Entry =
  | { kind: 'account'; key: string; had: boolean; prev: AccountRecord | undefined }
  | { kind: 'code'; key: string; had: boolean; prev: Uint8Array | undefined }
  | { kind: 'storage'; key: string; slot: string; had: boolean; prev: Uint8Array | undefined };

interface AccountRecord {
  nonce: bigint;
  balance: bigint;
  codeHash: Uint8Array;
}

const EMPTY = new Uint8Array(0);

/**
 * An in-memory state with an undo journal. A checkpoint is a journal position, so
 * checkpoint / commit / revert cost O(1) / O(1) / O(writes) instead of copying whole
 * maps as SimpleStateManager does on every message frame.
 *
 * It also records the value every key held when `trackOriginals()` was last called,
 * which gives per-call storage diffs and a read-only view of the pre-call state
 * (`readPreState`) for two-state properties without copying anything.
 */
export class JournalState implements StateManagerInterface {
  private readonly accounts = new Map<string, AccountRecord | undefined>();
  private readonly code = new Map<string, Uint8Array>();
  private readonly storage = new Map<string, Map<string, Uint8Array>>();
  private journal: Entry[] = [];
  private marks: number[] = [];
  private pinned = 0;
  private originals: Map<string, Entry> | undefined;
  private preView = false;
  /** Bumped on every write and every undo; `lastWrite` says when each key last changed. */
  private version = 0;
  private readonly lastWrite = new Map<string, number>();
  /** When set, every key read is added here (dependency tracking for cached static calls). */
  private reads: Set<string> | undefined;

  /** Slot values at the start of the current call, as first read (SSTORE gas needs them). */
  private readonly txStart = new Map<string, Uint8Array>();

  /** A fork's remote state: a miss is filled from it, outside the journal (it was always there). */
  constructor(private readonly backing?: StateBacking) {}

  readonly originalStorageCache: { get(a: Address, k: Uint8Array): Promise<Uint8Array>; clear(): void } = {
    get: async (address, key) => this.originalStorageNow(address, key),
    clear: () => this.txStart.clear(),
  };

  // --- accounts -------------------------------------------------------------

  /** Every account holding code now, in creation order (`0x` + 40 hex digits). */
  codeAddresses(): string[] {
    return [...this.code.entries()].filter(([, c]) => c.length > 0).map(([k]) => k);
  }

  async getAccount(address: Address): Promise<Account | undefined> {
    return this.accountNow(address);
  }

  async putAccount(address: Address, account?: Account): Promise<void> {
    const key = addressKey(address);
    // The EVM rewrites caller and callee on every call even when nothing changed; an
    // identical write is a no-op, and skipping it keeps cached views valid and the journal short.
    const current = this.accounts.get(key);
    if (account !== undefined && current !== undefined && current.nonce === account.nonce && current.balance === account.balance && current.codeHash === account.codeHash) return;
    this.record({ kind: 'account', key, had: this.accounts.has(key), prev: this.accounts.get(key) });
    this.accounts.set(
      key,
      account === undefined ? undefined : { nonce: account.nonce, balance: account.balance, codeHash: account.codeHash },
    );
  }

  async deleteAccount(address: Address): Promise<void> {
    await this.putAccount(address, undefined);
  }

  async modifyAccountFields(address: Address, fields: AccountFields): Promise<void> {
    const account = (await this.getAccount(address)) ?? new Account();
    if (fields.nonce !== undefined) account.nonce = fields.nonce;
    if (fields.balance !== undefined) account.balance = fields.balance;
    if (fields.codeHash !== undefined) account.codeHash = fields.codeHash;
    await this.putAccount(address, account);
  }

  // --- code -----------------------------------------------------------------

  async putCode(address: Address, value: Uint8Array): Promise<void> {
    const key = addressKey(address);
    this.record({ kind: 'code', key, had: this.code.has(key), prev: this.code.get(key) });
    this.code.set(key, value);
    await this.modifyAccountFields(address, { codeHash: value.length === 0 ? KECCAK256_NULL : keccak256(value, 'bytes') });
  }

  async getCode(address: Address): Promise<Uint8Array> {
    return this.codeNow(address);
  }

  codeNow(address: Address): Uint8Array {
    return this.readCode(addressKey(address)) ?? EMPTY;
  }

  async getCodeSize(address: Address): Promise<number> {
    return (await this.getCode(address)).length;
  }

  // --- storage --------------------------------------------------------------

  async getStorage(address: Address, key: Uint8Array): Promise<Uint8Array> {
    return this.storageNow(address, key);
  }

  async putStorage(address: Address, key: Uint8Array, value: Uint8Array): Promise<void> {
    this.putStorageNow(address, key, value);
  }

  // --- synchronous access (the EVM's fast SLOAD / SSTORE; the async interface wraps these)
  // Keys as the maps hold them: an address as `0x` + 40 hex digits, a slot as `0x` + 64.

  storageNow(address: Address, key: Uint8Array): Uint8Array {
    return this.slotNow(addressKey(address), bytesToHex(key));
  }

  slotNow(addr: string, slot: string): Uint8Array {
    return this.readSlot(addr, slot) ?? EMPTY;
  }

  /** The slot's value when the current call began (SSTORE gas needs it). */
  originalStorageNow(address: Address, key: Uint8Array): Uint8Array {
    return this.originalSlotNow(addressKey(address), bytesToHex(key));
  }

  originalSlotNow(addr: string, slot: string): Uint8Array {
    const id = `${addr}|${slot}`;
    const hit = this.txStart.get(id);
    if (hit !== undefined) return hit;
    const value = this.slotNow(addr, slot);
    this.txStart.set(id, value);
    return value;
  }

  /** Whether the account exists, without building an Account (which validates its fields). */
  hasAccount(address: Address): boolean {
    return this.readAccount(addressKey(address)) !== undefined;
  }

  accountNow(address: Address): Account | undefined {
    const rec = this.readAccount(addressKey(address));
    return rec === undefined ? undefined : new Account(rec.nonce, rec.balance, undefined, rec.codeHash);
  }

  putStorageNow(address: Address, key: Uint8Array, value: Uint8Array): void {
    this.putSlotNow(addressKey(address), bytesToHex(key), value);
  }

  putSlotNow(addr: string, slot: string, value: Uint8Array): void {
    let slots = this.storage.get(addr);
    if (slots === undefined) this.storage.set(addr, (slots = new Map()));
    this.record({ kind: 'storage', key: addr, slot, had: slots.has(slot), prev: slots.get(slot) });
    slots.set(slot, value);
  }

  async clearStorage(address: Address): Promise<void> {
    const addr = addressKey(address);
    for (const [slot, prev] of this.storage.get(addr) ?? []) {
      this.record({ kind: 'storage', key: addr, slot, had: true, prev });
    }
    this.storage.delete(addr);
  }

  /** Every non-zero slot of an account (for traces and the run-time dictionary). */
  storageOf(address: string): ReadonlyMap<string, Uint8Array> {
    return this.storage.get(address.toLowerCase()) ?? new Map();
  }

  // --- checkpoints (the EVM's message frames) --------------------------------

  async checkpoint(): Promise<void> {
    this.marks.push(this.journal.length);
  }

  async commit(): Promise<void> {
    this.marks.pop();
    this.trimJournal();
  }

  async revert(): Promise<void> {
    const mark = this.marks.pop();
    if (mark !== undefined) this.undoTo(mark);
    this.trimJournal();
  }

  // --- snapshots (the chain's) ----------------------------------------------

  /** A position the chain can return to; keeps the journal alive until released. */
  snapshot(): number {
    this.pinned++;
    return this.journal.length;
  }

  revertTo(position: number): void {
    this.undoTo(position);
  }

  release(): void {
    this.pinned = Math.max(0, this.pinned - 1);
    this.trimJournal();
  }

  /** Start remembering the value each key had before its first write from now on. */
  trackOriginals(): void {
    this.originals = new Map();
  }

  /** Storage slots written since `trackOriginals()` with their value then and now. */
  storageChanges(): { address: string; slot: string; before: Uint8Array; after: Uint8Array }[] {
    const out: { address: string; slot: string; before: Uint8Array; after: Uint8Array }[] = [];
    for (const e of this.originals?.values() ?? []) {
      if (e.kind !== 'storage') continue;
      const after = this.storage.get(e.key)?.get(e.slot) ?? EMPTY;
      const before = e.prev ?? EMPTY;
      if (!sameBytes(before, after)) out.push({ address: e.key, slot: e.slot, before, after });
    }
    return out;
  }

  /** Runs `fn` with every read answered from the state as it was at `trackOriginals()`. */
  async readPreState<T>(fn: () => Promise<T>): Promise<T> {
    if (this.originals === undefined) return fn();
    const position = this.journal.length;
    this.pinned++;
    this.preView = true;
    try {
      return await fn();
    } finally {
      this.preView = false;
      this.undoTo(position);
      this.pinned--;
      this.trimJournal();
    }
  }

  // --- dependency tracking --------------------------------------------------

  /** Runs `fn` and returns the keys it read, with the version they were read at. */
  async recordReads<T>(fn: () => Promise<T>): Promise<{ value: T; reads: string[]; version: number }> {
    const outer = this.reads;
    const reads = new Set<string>();
    this.reads = reads;
    try {
      const value = await fn();
      return { value, reads: [...reads], version: this.version };
    } finally {
      this.reads = outer;
      if (outer) for (const r of reads) outer.add(r);
    }
  }

  /** Whether none of `reads` changed after `version`. */
  unchangedSince(reads: readonly string[], version: number): boolean {
    if (version === this.version) return true;
    for (const id of reads) if ((this.lastWrite.get(id) ?? 0) > version) return false;
    return true;
  }

  // --- internals ------------------------------------------------------------

  private touch(id: string): void {
    this.lastWrite.set(id, ++this.version);
  }

  private record(entry: Entry): void {
    const id = entryId(entry);
    this.touch(id);
    if (this.originals !== undefined && !this.preView && !this.originals.has(id)) this.originals.set(id, entry);
    if (this.marks.length > 0 || this.pinned > 0) this.journal.push(entry);
  }

  private trimJournal(): void {
    if (this.marks.length === 0 && this.pinned === 0 && this.journal.length > 0) this.journal = [];
  }

  private undoTo(position: number): void {
    const originals = this.originals;
    this.originals = undefined; // undo writes are not new writes
    while (this.journal.length > position) {
      const e = this.journal.pop()!;
      this.touch(entryId(e));
      if (e.kind === 'account') restore(this.accounts, e.key, e.had, e.prev);
      else if (e.kind === 'code') restore(this.code, e.key, e.had, e.prev);
      else {
        const slots = this.storage.get(e.key) ?? new Map<string, Uint8Array>();
        restore(slots, e.slot, e.had, e.prev);
        if (slots.size > 0) this.storage.set(e.key, slots);
      }
    }
    this.originals = originals;
  }

  // Reads build their dependency id only when someone listens (a cached static call
  // recording reads, or the pre-state view); the common case is a plain map lookup.

  private readAccount(key: string): AccountRecord | undefined {
    if (this.reads !== undefined || this.preView) {
      const id = `a|${key}`;
      this.reads?.add(id);
      const pre = this.preView ? this.originals?.get(id) : undefined;
      if (pre !== undefined && pre.kind === 'account') return pre.prev;
    }
    const rec = this.accounts.get(key);
    if (rec !== undefined || this.backing === undefined || this.accounts.has(key)) return rec;
    const loaded = this.backing.account(key);
    this.accounts.set(key, loaded);
    return loaded;
  }

  private readCode(key: string): Uint8Array | undefined {
    if (this.reads !== undefined || this.preView) {
      const id = `c|${key}`;
      this.reads?.add(id);
      const pre = this.preView ? this.originals?.get(id) : undefined;
      if (pre !== undefined && pre.kind === 'code') return pre.prev;
    }
    const code = this.code.get(key);
    if (code !== undefined || this.backing === undefined) return code;
    const loaded = this.backing.code(key);
    this.code.set(key, loaded);
    return loaded;
  }

  private readSlot(addr: string, slot: string): Uint8Array | undefined {
    if (this.reads !== undefined || this.preView) {
      const id = `s|${addr}|${slot}`;
      this.reads?.add(id);
      const pre = this.preView ? this.originals?.get(id) : undefined;
      if (pre !== undefined && pre.kind === 'storage') return pre.prev;
    }
    const value = this.storage.get(addr)?.get(slot);
    return value !== undefined || this.backing === undefined ? value : this.loadSlot(addr, slot);
  }

  private loadSlot(addr: string, slot: string): Uint8Array | undefined {
    let slots = this.storage.get(addr);
    if (slots?.has(slot)) return slots.get(slot);
    const loaded = this.backing!.slot(addr, slot);
    if (slots === undefined) this.storage.set(addr, (slots = new Map()));
    slots.set(slot, loaded);
    return loaded;
  }

  // --- not used in-process ---------------------------------------------------

  async flush(): Promise<void> {}
  clearCaches(): void {}
  async getStateRoot(): Promise<Uint8Array> {
    return new Uint8Array(32);
  }
  async setStateRoot(): Promise<void> {
    throw new Error('JournalState has no state root');
  }
  async hasStateRoot(): Promise<boolean> {
    return false;
  }
  shallowCopy(): StateManagerInterface {
    throw new Error('JournalState is not copied; use snapshots');
  }
}

const addressKeys = new WeakMap<Address, string>();

/**
 * An address as the maps key it (`0x` + 40 hex digits). The chain reuses its Address
 * objects call after call, so remembering the string saves a hex conversion per access.
 */
export function addressKey(address: Address): string {
  let key = addressKeys.get(address);
  if (key === undefined) addressKeys.set(address, (key = address.toString()));
  return key;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function entryId(e: Entry): string {
  if (e.kind === 'account') return `a|${e.key}`;
  if (e.kind === 'code') return `c|${e.key}`;
  return `s|${e.key}|${e.slot}`;
}

function restore<V>(map: Map<string, V>, key: string, had: boolean, prev: V | undefined): void {
  if (had) map.set(key, prev as V);
  else map.delete(key);
}
