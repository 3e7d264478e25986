import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createEVM, type EVM } from '@ethereumjs/evm';
import { Common, Mainnet } from '@ethereumjs/common';
import { Account, createAddressFromString, createZeroAddress } from '@ethereumjs/util';
import { bytesToHex, encodeFunctionData, hexToBytes, type Abi, type Hex } from 'viem';
import { compileSources } from '../compile/compileSources.js';
import type { Artifact } from '../compile/types.js';
import { hardforkFor } from './hardforkFor.js';
import { JournalState } from './JournalState.js';
import { applyEvmPatches } from './evmPatches.js';
import { TestChain } from './TestChain.js';

/**
 * Differential tests of the chain's fast paths (synchronous opcodes, the direct
 * top-level call): every call runs on a TestChain and on a reference EVM built the
 * library's way (its own opcode table and runCall), and both must agree on status,
 * return data, gas used, logs, storage and balances, on each fork Vigil compiles for.
 */

const ALICE = '0x0000000000000000000000000000000000010000' as Hex;
const BOB = '0x0000000000000000000000000000000000020000' as Hex;
const FORKS = ['shanghai', 'cancun', 'prague'] as const;

interface Outcome {
  status: string;
  gasRefund: bigint;
  returnData: Hex;
  gasUsed: bigint;
  logs: { address: Hex; topics: Hex[]; data: Hex }[];
  createdAddress?: Hex;
}

/** The library's EVM, driven as TestChain drives it, without Vigil's opcode tables or call path. */
class ReferenceChain {
  private constructor(
    private readonly evm: EVM,
    readonly state: JournalState,
  ) {}

  static async create(fork: string): Promise<ReferenceChain> {
    await applyEvmPatches();
    const state = new JournalState();
    const evm = await createEVM({ common: new Common({ chain: Mainnet, hardfork: hardforkFor(fork) }), stateManager: state });
    return new ReferenceChain(evm, state);
  }

  async setBalance(address: Hex, wei: bigint): Promise<void> {
    const addr = createAddressFromString(address);
    const account = (await this.state.getAccount(addr)) ?? new Account();
    account.balance = wei;
    await this.state.putAccount(addr, account);
  }

  async call(req: { from: Hex; to?: Hex; data: Hex; value?: bigint; gasLimit: bigint }, block: { timestamp: bigint; number: bigint }): Promise<Outcome> {
    const caller = createAddressFromString(req.from);
    this.state.trackOriginals();
    this.evm.journal.cleanJournal();
    this.state.originalStorageCache.clear();
    const r = await this.evm.runCall({
      caller,
      origin: caller,
      to: req.to === undefined ? undefined : createAddressFromString(req.to),
      data: hexToBytes(req.data),
      value: req.value ?? 0n,
      gasLimit: req.gasLimit,
      skipNonceIncrement: req.to !== undefined,
      block: {
        header: {
          ...block,
          coinbase: createZeroAddress(),
          difficulty: 0n,
          prevRandao: new Uint8Array(32),
          gasLimit: 30_000_000n,
          baseFeePerGas: 0n,
          slotNumber: 0n,
          getBlobGasPrice: () => 1n,
        },
      } as never,
    });
    const exec = r.execResult;
    const error = exec.exceptionError?.error;
    const status = error === undefined ? 'success' : error === 'revert' ? 'revert' : 'halt';
    return {
      status,
      gasRefund: exec.gasRefund ?? 0n,
      returnData: bytesToHex(exec.returnValue),
      gasUsed: exec.executionGasUsed,
      logs: (exec.logs ?? []).map(([address, topics, data]) => ({ address: bytesToHex(address), topics: topics.map((t) => bytesToHex(t)), data: bytesToHex(data) })),
      createdAddress: status === 'success' && r.createdAddress ? (r.createdAddress.toString() as Hex) : undefined,
    };
  }
}

function storageDump(map: ReadonlyMap<string, Uint8Array>): Record<string, Hex> {
  const out: Record<string, Hex> = {};
  for (const [slot, value] of map) {
    const v = BigInt(bytesToHex(value).length > 2 ? bytesToHex(value) : '0x0');
    if (v !== 0n) out[slot] = `0x${v.toString(16)}`;
  }
  return out;
}

describe.each(FORKS)('fast paths agree with the library on %s', (fork) => {
  let ops: Artifact;
  beforeAll(async () => {
    const out = await compileSources({ root: join(import.meta.dirname, 'fixtures'), files: ['Ops.sol'], evmVersion: fork });
    ops = out.artifacts.find((a) => a.name === 'Ops')!;
  });

  it('on storage, logs, memory, copies, nested calls, reverts, creates and value', async () => {
    const gasLimit = 3_000_000n;
    const chain = await TestChain.create({ hardfork: hardforkFor(fork), gasLimit });
    const ref = await ReferenceChain.create(fork);
    const block = { timestamp: chain.timestamp, number: chain.blockNumber };
    for (const who of [ALICE, BOB]) {
      await chain.setBalance(who, 10n ** 20n);
      await ref.setBalance(who, 10n ** 20n);
    }
    const abi = ops.abi as Abi;
    // Refunds are not part of a CallResult; read them from the top frame's result.
    const evm = (chain as unknown as { evm: Record<string, unknown> }).evm;
    const runInterpreter = evm.runInterpreter as (m: { depth?: number }, o?: unknown) => Promise<{ gasRefund?: bigint }>;
    const seen: { top?: { gasRefund?: bigint } } = {};
    evm.runInterpreter = async function (this: unknown, m: { depth?: number }, o?: unknown) {
      const r = await runInterpreter.call(this, m, o);
      if ((m.depth ?? 0) === 0) seen.top = r;
      return r;
    };
    const addresses = new Set<Hex>([ALICE, BOB]);
    const compare = async (req: { from: Hex; to?: Hex; data: Hex; value?: bigint; gasLimit?: bigint }, label: string) => {
      delete seen.top;
      const fast = await (req.to === undefined ? chain.deploy({ ...req }) : chain.call({ ...req, to: req.to }));
      const slow = await ref.call({ ...req, gasLimit: req.gasLimit ?? gasLimit }, block);
      const view: Outcome = { status: fast.status, gasRefund: (seen.top as { gasRefund?: bigint } | undefined)?.gasRefund ?? 0n, returnData: fast.returnData, gasUsed: fast.gasUsed, logs: fast.logs, createdAddress: fast.createdAddress };
      expect(view, label).toEqual(slow);
      for (const log of fast.logs) addresses.add(log.address);
      if (fast.createdAddress) addresses.add(fast.createdAddress);
      for (const a of addresses) {
        expect(storageDump(chain.storageOf(a)), `${label}: storage of ${a}`).toEqual(storageDump(ref.state.storageOf(a)));
        expect(await chain.getBalance(a), `${label}: balance of ${a}`).toBe((await ref.state.getAccount(createAddressFromString(a)))?.balance ?? 0n);
      }
      return fast;
    };
    const deployed = await compare({ from: ALICE, data: ops.bytecode, value: 1000n }, 'deploy');
    expect(deployed.status).toBe('success');
    const at = deployed.createdAddress!;
    addresses.add(at);
    const call = (fn: string, args: unknown[] = [], extra: { from?: Hex; value?: bigint; gasLimit?: bigint } = {}) =>
      compare({ from: extra.from ?? ALICE, to: at, data: encodeFunctionData({ abi, functionName: fn, args }), value: extra.value, gasLimit: extra.gasLimit }, `${fork} ${fn}(${args.join(',')})`);

    await call('storeSeq', [5n, [1n, 2n, 0n, 3n]]);
    await call('storeSeq', [5n, [0n]]);
    await call('storeSeq', [5n, [0n, 9n, 9n, 0n]]);
    await call('storeSeq', [6n, [7n, 7n]]);
    await call('storeSeq', [6n, [8n, 7n]]);
    await call('store', [2n ** 255n, 2n ** 256n - 1n]);
    await call('store', [2n ** 255n, 0n]);
    await call('load', [6n]);
    await call('load', [123n]);
    await call('logs', ['0x', 0n]);
    await call('logs', ['0x0102030405060708091011121314151617181920212223242526272829303132333435', 2n ** 200n]);
    await call('hash', ['0xdeadbeef', 3n, 77n]);
    await call('hash', ['0x', 0n, 0n]);
    await call('hash', [`0x${'ab'.repeat(100)}`, 2n ** 128n + 1n, 2n ** 40n]);
    await call('creation');
    await call('spawn', [1n]);
    expect((await call('spawn', [1n])).status).toBe('revert'); // CREATE2 collision
    await call('nested', [5n, false]);
    expect((await call('nested', [6n, true])).status).toBe('success');
    await call('staticProbe');
    await call('returnDataCopy');
    expect((await call('returnDataPastEnd')).status).toBe('halt');
    await call('memoryAt', [31n]);
    await call('memoryAt', [100_000n]);
    expect((await call('memoryAt', [2n ** 40n])).status).toBe('halt');
    for (const offset of [0n, 4n, 20n, 36n, 2n ** 255n]) await call('word', [offset]);
    await call('nestedThenRead', [8n]);
    await call('deposit', [], { value: 77n });
    expect((await call('deposit', [], { value: 10n ** 30n })).status).toBe('halt');
    await call('pay', [BOB, 50n]);
    expect((await call('pay', [BOB, 10n ** 25n])).status).toBe('revert');
    expect((await call('failAfterWrite', [4n])).status).toBe('revert');
    await call('failAfterWrite', [0n]);
    expect((await call('spin', [], { gasLimit: 200_000n })).error).toMatch(/out of gas/);
    expect((await call('storeSeq', [9n, [1n, 2n, 3n]], { gasLimit: 22_000n })).status).toBe('halt');
    await call('env', [], { from: BOB, value: 3n });
    await compare({ from: BOB, to: ALICE, data: '0x', value: 5n }, 'plain transfer');
    await compare({ from: BOB, to: ALICE, data: '0x' }, 'empty call');
    await compare({ from: BOB, to: '0x0000000000000000000000000000000000000002', data: '0x1234' }, 'precompile');
    await compare({ from: BOB, to: at, data: '0xdeadbeef' }, 'unknown selector');
    await compare({ from: BOB, to: at, data: '0x' }, 'no calldata');
  });
});

describe('value-less calls skipping runCall', () => {
  let ops: Artifact;
  beforeAll(async () => {
    const out = await compileSources({ root: join(import.meta.dirname, 'fixtures'), files: ['Ops.sol'] });
    ops = out.artifacts.find((a) => a.name === 'Ops')!;
  });

  it('leave no trace when they revert, keep nested reverts local, and leave creates and value to runCall', async () => {
    const chain = await TestChain.create({ hardfork: hardforkFor('prague'), gasLimit: 3_000_000n });
    await chain.setBalance(ALICE, 10n ** 20n);
    const abi = ops.abi as Abi;
    const data = (fn: string, args: unknown[] = []) => encodeFunctionData({ abi, functionName: fn, args });
    const deployed = await chain.deploy({ from: ALICE, data: ops.bytecode, value: 10n });
    expect(deployed.status).toBe('success');
    const at = deployed.createdAddress!;
    await chain.call({ from: ALICE, to: at, data: data('store', [1n, 5n]) });
    const storage = storageDump(chain.storageOf(at));
    const balances = [await chain.getBalance(ALICE), await chain.getBalance(at)];

    const reverted = await chain.call({ from: BOB, to: at, data: data('failAfterWrite', [4n]) });
    expect(reverted.status).toBe('revert');
    expect(reverted.logs).toEqual([]);
    expect(reverted.storageChanges).toEqual([]);
    expect(storageDump(chain.storageOf(at))).toEqual(storage);
    expect([await chain.getBalance(ALICE), await chain.getBalance(at)]).toEqual(balances);

    const nested = await chain.call({ from: ALICE, to: at, data: data('nested', [6n, true]) });
    expect(nested.status).toBe('success');
    const child = (await chain.staticCall({ from: ALICE, to: at, data: data('child') })).returnData;
    const childAddress = `0x${child.slice(-40)}` as Hex;
    expect(storageDump(chain.storageOf(childAddress))).toEqual({});
    expect((await chain.call({ from: ALICE, to: at, data: data('nested', [7n, false]) })).status).toBe('success');
    expect(Object.values(storageDump(chain.storageOf(childAddress)))).toEqual(['0x7']);

    const spawned = await chain.call({ from: ALICE, to: at, data: data('spawn', [3n]) });
    expect(spawned.status).toBe('success');
    expect(spawned.storageChanges.length).toBeGreaterThan(0);

    const paid = await chain.call({ from: ALICE, to: at, data: data('deposit'), value: 5n });
    expect(paid.status).toBe('success');
    expect(await chain.getBalance(at)).toBe(15n);
  });
});
