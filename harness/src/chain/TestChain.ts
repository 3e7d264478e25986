import { createEVM, type EVM } from '@ethereumjs/evm';
import { Common, Mainnet, type Hardfork } from '@ethereumjs/common';
import { Account, Address, createAddressFromString, createZeroAddress } from '@ethereumjs/util';
import { bytesToHex, hexToBytes, padHex, type Hex } from 'viem';
import { JournalState } from './JournalState.js';
import type { StateBacking } from './StateBacking.js';
import { memoKeccak } from './memoKeccak.js';
import { installFastOpcodes } from './fastOpcodes.js';
import { loadEvmInternals } from './evmInternals.js';
import { CoverageMap } from './CoverageMap.js';
import { runTopFrame, topFrameEligible } from './runTopFrame.js';
import { runNestedFrame } from './runNestedFrame.js';
import { bytesToBigInt } from './words.js';
import { ASSERTIONS, COMPARES, COVERAGE, applyEvmPatches, type AssertionSink, type CompareSink } from './evmPatches.js';
import type { BlockEnv, CallRequest, CallResult, StorageChange } from './types.js';
import { CheatHost } from '../cheats/CheatHost.js';
import type { CheatState } from '../cheats/CheatState.js';

export interface TestChainOptions {
  hardfork: Hardfork;
  /** Gas limit of every call unless the request sets one. An infinite loop ends here. */
  gasLimit?: bigint;
  block?: Partial<BlockEnv>;
  /** Record instruction coverage of every call. */
  coverage?: boolean;
  /** Watch every frame for Panic(0x01) reverts (assertion mode). */
  assertions?: boolean;
  /** Collect comparison operands of state-changing calls (for the fuzzer's dictionary). */
  compares?: boolean;
  /** Serve Foundry / hevm cheatcodes at 0x7109…d12d (Solidity-native suites). */
  cheats?: boolean | { env?: (name: string) => string | undefined };
  /** Fills state nobody wrote from elsewhere: a fork of a live chain at one block (the monitor). */
  backing?: StateBacking;
}

export interface ChainSnapshot {
  readonly position: number;
  readonly block: BlockEnv;
}

/** Echidna's start block, so time-dependent code sees a realistic clock. */
const DEFAULT_BLOCK: BlockEnv = { timestamp: 1_524_785_992n, number: 4_370_000n };
const DEFAULT_GAS = 30_000_000n;

/**
 * The in-process chain every part of Vigil runs on: deploy, call, static call,
 * snapshot / revert, balances, time and block number, any sender.
 * Calls run one at a time in arrival order, so concurrent awaits inside an
 * invariant never interleave two EVM executions.
 */
export class TestChain {
  readonly coverage: CoverageMap | undefined;
  /** Pranks, expectations, labels and failed `vm.assert*` calls, when cheatcodes are on. */
  cheats: CheatState | undefined;
  private block: BlockEnv;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Answers of static calls with the state keys each one read. Checks ask the same
   * questions after every call (`totalSupply()`, `balanceOf(a)` for every holder), and a
   * fuzzed call changes only a few slots: an answer stays valid until a key it read is
   * written (the state keeps a version per key). Block-environment changes clear it all.
   */
  private readonly staticAnswers = new Map<string, { result: CallResult; reads: string[]; version: number }>();
  private preStateDepth = 0;
  /** Whether value-less calls may skip runCall (see runTopFrame); fixed by the fork. */
  private readonly topFrames: boolean;
  private evmBlock: { env: BlockEnv; view: Parameters<EVM['runCall']>[0]['block'] } | undefined;
  private readonly addresses = new Map<Hex, Address>();

  private constructor(
    private readonly evm: EVM,
    private readonly state: JournalState,
    private readonly gasLimit: bigint,
    block: BlockEnv,
    coverage: CoverageMap | undefined,
    private readonly assertionSink: AssertionSink | undefined,
    private readonly compareSink: CompareSink | undefined,
  ) {
    this.block = block;
    this.coverage = coverage;
    this.topFrames = topFrameEligible(evm);
  }

  static async create(options: TestChainOptions): Promise<TestChain> {
    await applyEvmPatches();
    const internals = await loadEvmInternals();
    const common = new Common({ chain: Mainnet, hardfork: options.hardfork, customCrypto: { keccak256: memoKeccak() } });
    fastEipLookup(common);
    const state = new JournalState(options.backing);
    const evm = await createEVM({ common, stateManager: state, allowUnlimitedContractSize: false });
    const opcodeMap = (evm as unknown as { _opcodeMap: Parameters<typeof installFastOpcodes>[0] })._opcodeMap;
    installFastOpcodes(opcodeMap, common as unknown as Parameters<typeof installFastOpcodes>[1], internals, state);
    const coverage = options.coverage ? new CoverageMap() : undefined;
    if (coverage !== undefined) (evm as unknown as Record<symbol, unknown>)[COVERAGE] = coverage;
    const sink: AssertionSink | undefined = options.assertions ? { hits: [] } : undefined;
    if (sink !== undefined) (evm as unknown as Record<symbol, unknown>)[ASSERTIONS] = sink;
    const compares: CompareSink | undefined = options.compares ? { values: [] } : undefined;
    const block = { ...DEFAULT_BLOCK, ...options.block };
    const chain = new TestChain(evm, state, options.gasLimit ?? DEFAULT_GAS, block, coverage, sink, compares);
    if (chain.topFrames) {
      const original = evm.runCall.bind(evm);
      evm.runCall = async (opts) => {
        const m = opts.message;
        if (m !== undefined && m.depth > 0) {
          const lean = await runNestedFrame(evm, state, m);
          if (lean !== undefined) return lean;
        }
        return original(opts);
      };
    }
    if (options.cheats) {
      const host = new CheatHost(evm, state, {
        block: { get: () => chain.block, set: (env) => chain.warpWithinCall(env) },
        env: typeof options.cheats === 'object' ? options.cheats.env : undefined,
      });
      await host.install();
      chain.cheats = host.state;
    }
    return chain;
  }

  /**
   * vm.warp / vm.roll: the running call sees the new clock at once (the EVM reads the
   * block object it was given), and later calls start from it.
   */
  private warpWithinCall(env: Partial<BlockEnv>): void {
    this.staticAnswers.clear();
    this.block = { ...this.block, ...env };
    if (this.evmBlock === undefined) return;
    const header = (this.evmBlock.view as unknown as { header: BlockEnv }).header;
    if (env.timestamp !== undefined) header.timestamp = env.timestamp;
    if (env.number !== undefined) header.number = env.number;
    this.evmBlock = { env: this.block, view: this.evmBlock.view };
  }

  get timestamp(): bigint {
    return this.block.timestamp;
  }

  get blockNumber(): bigint {
    return this.block.number;
  }

  /** Moves the clock and the block number forward (or anywhere: tests may go back). */
  setBlock(env: Partial<BlockEnv>): void {
    this.staticAnswers.clear();
    this.block = { ...this.block, ...env };
  }

  advance(seconds: bigint, blocks: bigint): void {
    this.staticAnswers.clear();
    this.block = { timestamp: this.block.timestamp + seconds, number: this.block.number + blocks };
  }

  async setBalance(address: Hex, wei: bigint): Promise<void> {
    await this.serial(async () => {
      const addr = createAddressFromString(address);
      const account = (await this.state.getAccount(addr)) ?? new Account();
      account.balance = wei;
      await this.state.putAccount(addr, account);
    });
  }

  async setNonce(address: Hex, nonce: bigint): Promise<void> {
    await this.serial(async () => {
      const addr = createAddressFromString(address);
      const account = (await this.state.getAccount(addr)) ?? new Account();
      account.nonce = nonce;
      await this.state.putAccount(addr, account);
    });
  }

  /** Accounts with code, in the order they got it (contracts deployed during a set-up, say). */
  codeAddresses(): Hex[] {
    return this.state.codeAddresses() as Hex[];
  }

  async getBalance(address: Hex): Promise<bigint> {
    return (await this.state.getAccount(createAddressFromString(address)))?.balance ?? 0n;
  }

  async getCode(address: Hex): Promise<Uint8Array> {
    return this.state.getCode(createAddressFromString(address));
  }

  async setCode(address: Hex, code: Uint8Array): Promise<void> {
    await this.serial(() => this.state.putCode(createAddressFromString(address), code));
  }

  async getStorageAt(address: Hex, slot: bigint): Promise<bigint> {
    const value = await this.state.getStorage(createAddressFromString(address), hexToBytes(padHex(`0x${slot.toString(16)}`, { size: 32 })));
    return value.length === 0 ? 0n : BigInt(bytesToHex(value));
  }

  /** Non-zero storage of an account, slot → value (for the run-time dictionary and traces). */
  storageOf(address: Hex): ReadonlyMap<string, Uint8Array> {
    return this.state.storageOf(address);
  }

  async deploy(request: Omit<CallRequest, 'to'>): Promise<CallResult> {
    return this.serial(() => this.execute({ ...request, to: undefined }, false));
  }

  async call(request: CallRequest): Promise<CallResult> {
    return this.serial(() => this.execute(request, false));
  }

  /** A call that cannot change state (STATICCALL semantics) and does not bump the sender's nonce. */
  async staticCall(request: CallRequest): Promise<CallResult> {
    if (this.preStateDepth > 0) return this.serial(() => this.execute(request, true));
    const key = `${request.from}|${request.to}|${request.data}|${request.value ?? 0n}|${request.gasLimit ?? ''}`;
    const known = this.staticAnswers.get(key);
    if (known !== undefined && this.state.unchangedSince(known.reads, known.version)) return known.result;
    const { value: result, reads, version } = await this.serial(() => this.state.recordReads(() => this.execute(request, true)));
    this.staticAnswers.set(key, { result, reads, version });
    return result;
  }

  /** Runs `fn` (which may make static calls) against the state before the last tracked call. */
  async readPreState<T>(fn: () => Promise<T>): Promise<T> {
    this.preStateDepth++;
    try {
      return await this.state.readPreState(fn);
    } finally {
      this.preStateDepth--;
    }
  }

  snapshot(): ChainSnapshot {
    return { position: this.state.snapshot(), block: this.block };
  }

  revertTo(snapshot: ChainSnapshot): void {
    this.state.revertTo(snapshot.position);
    this.block = snapshot.block;
  }

  release(_snapshot: ChainSnapshot): void {
    this.state.release();
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async execute(request: CallRequest, isStatic: boolean): Promise<CallResult> {
    const caller = this.addressOf(request.from);
    if (!isStatic) this.state.trackOriginals();
    this.evm.journal.cleanJournal();
    // Comparisons are collected for calls that change state, not for the checks' view calls.
    const evmSlots = this.evm as unknown as Record<symbol, unknown>;
    evmSlots[COMPARES] = isStatic ? undefined : this.compareSink;
    this.state.originalStorageCache.clear();
    const to = request.to === undefined ? undefined : this.addressOf(request.to);
    const gasLimit = request.gasLimit ?? this.gasLimit;
    let exec: Awaited<ReturnType<EVM['runCall']>>['execResult'] | undefined;
    let createdAddress: Address | undefined;
    if (to !== undefined && (request.value ?? 0n) === 0n && this.topFrames) {
      exec = await runTopFrame(this.evm, this.state, { caller, to, data: hexToBytes(request.data), gasLimit, block: this.blockForEvm(), isStatic });
    }
    if (exec === undefined) {
      const result = await this.evm.runCall({
        caller,
        origin: caller,
        to,
        data: hexToBytes(request.data),
        value: request.value ?? 0n,
        gasLimit,
        isStatic,
        // Nonces only matter for CREATE addresses; calls leave them alone (saves an account write per call).
        skipNonceIncrement: isStatic || request.to !== undefined,
        block: this.blockForEvm(),
      });
      exec = result.execResult;
      createdAddress = result.createdAddress;
    }
    if (exec === undefined) throw new Error('internal: the EVM returned no result');
    const assertions = this.assertionSink?.hits.splice(0) ?? [];
    const cheatFailures = this.cheats?.endCall() ?? [];
    const compares = isStatic ? [] : this.compareSink?.values.splice(0) ?? [];
    const error = exec.exceptionError?.error;
    const status = error === undefined ? 'success' : error === 'revert' ? 'revert' : 'halt';
    return {
      status,
      returnData: bytesToHex(exec.returnValue),
      gasUsed: exec.executionGasUsed,
      logs: (exec.logs ?? []).map(([address, topics, data]) => ({
        address: bytesToHex(address),
        topics: topics.map((t) => bytesToHex(t)),
        data: bytesToHex(data),
      })),
      error,
      createdAddress: status === 'success' && createdAddress ? (createdAddress.toString() as Hex) : undefined,
      storageChanges: isStatic ? [] : this.storageChanges(),
      assertions,
      compares,
      ...(cheatFailures.length > 0 && !isStatic ? { cheatFailures } : {}),
    };
  }

  private storageChanges(): StorageChange[] {
    return this.state.storageChanges().map((c) => ({
      address: c.address as Hex,
      slot: c.slot as Hex,
      before: toWord(c.before),
      after: toWord(c.after),
    }));
  }

  /**
   * The EVM's view of the block, built once per block environment (the EVM only reads
   * it) rather than once per call.
   */
  private blockForEvm() {
    if (this.evmBlock?.env === this.block) return this.evmBlock.view;
    const { timestamp, number } = this.block;
    const view = {
      header: {
        number,
        timestamp,
        coinbase: createZeroAddress(),
        difficulty: 0n,
        prevRandao: new Uint8Array(32),
        gasLimit: 30_000_000n,
        baseFeePerGas: 0n,
        slotNumber: 0n,
        getBlobGasPrice: () => 1n,
      },
    } as unknown as Parameters<EVM['runCall']>[0]['block'];
    this.evmBlock = { env: this.block, view };
    return view;
  }

  /**
   * Address objects for the few senders and targets a campaign uses, parsed once. The
   * EVM never mutates an Address, and reusing one lets per-address caches hit.
   */
  private addressOf(hex: Hex): Address {
    let address = this.addresses.get(hex);
    if (address === undefined) {
      if (this.addresses.size >= 4096) this.addresses.clear();
      this.addresses.set(hex, (address = createAddressFromString(hex)));
    }
    return address;
  }
}

/**
 * The EVM asks `isActivatedEIP` several times per instruction, and Common answers with a
 * linear search of an array. The fork never changes on a test chain, so a Set answers the same.
 */
function fastEipLookup(common: Common): void {
  const active = new Set((common as unknown as { _activatedEIPsCache: number[] })._activatedEIPsCache);
  common.isActivatedEIP = (eip: number) => active.has(eip);
}

function toWord(bytes: Uint8Array): Hex {
  return `0x${bytesToBigInt(bytes).toString(16)}` as Hex;
}

export { Address };
