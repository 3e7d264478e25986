import { describe, expect, it, beforeAll } from 'vitest';
import { decodeFunctionResult, encodeFunctionData, type Abi, type Hex } from 'viem';
import { join } from 'node:path';
import { compileSources } from '../compile/compileSources.js';
import { decodeRevert } from '../abi/decodeRevert.js';
import { hardforkFor } from './hardforkFor.js';
import { TestChain } from './TestChain.js';
import type { Artifact } from '../compile/types.js';

const ALICE = '0x0000000000000000000000000000000000010000' as Hex;
let probe: Artifact;
let evmVersion: string;

beforeAll(async () => {
  const out = await compileSources({ root: join(import.meta.dirname, 'fixtures'), files: ['Probe.sol'] });
  probe = out.artifacts.find((a) => a.name === 'Probe')!;
  evmVersion = out.evmVersion;
});

async function deployed(coverage = false) {
  const chain = await TestChain.create({ hardfork: hardforkFor(evmVersion), coverage, gasLimit: 2_000_000n });
  const r = await chain.deploy({ from: ALICE, data: probe.bytecode });
  expect(r.status).toBe('success');
  return { chain, at: r.createdAddress! };
}

const data = (fn: string, args: unknown[] = []) => encodeFunctionData({ abi: probe.abi as Abi, functionName: fn, args });

describe('TestChain', () => {
  it('deploys, calls, reads back and logs events', async () => {
    const { chain, at } = await deployed();
    const r = await chain.call({ from: ALICE, to: at, data: data('set', [7n]) });
    expect(r.status).toBe('success');
    expect(r.logs).toHaveLength(1);
    expect(r.storageChanges.map((c) => c.after)).toContain('0x7');
    const v = await chain.staticCall({ from: ALICE, to: at, data: data('value') });
    expect(decodeFunctionResult({ abi: probe.abi, functionName: 'value', data: v.returnData })).toBe(7n);
  });

  it('returns reverts as results with decoded reasons', async () => {
    const { chain, at } = await deployed();
    const e = await chain.call({ from: ALICE, to: at, data: data('fail') });
    expect(e.status).toBe('revert');
    expect(decodeRevert(e.returnData).text).toBe('Error("nope")');
    const p = await chain.call({ from: ALICE, to: at, data: data('divide', [0n]) });
    expect(decodeRevert(p.returnData).text).toBe('Panic(0x12: division or modulo by zero)');
    const c = await chain.call({ from: ALICE, to: at, data: data('set', [5000n]) });
    expect(decodeRevert(c.returnData, [probe.abi]).text).toBe('TooBig(5000, 1000)');
  });

  it('ends an infinite loop on the gas limit', async () => {
    const { chain, at } = await deployed();
    const r = await chain.call({ from: ALICE, to: at, data: data('spin') });
    expect(r.status).toBe('halt');
    expect(r.error).toMatch(/out of gas/);
  });

  it('snapshots and reverts state and clock', async () => {
    const { chain, at } = await deployed();
    const snap = chain.snapshot();
    await chain.call({ from: ALICE, to: at, data: data('set', [9n]) });
    chain.advance(100n, 2n);
    chain.revertTo(snap);
    const v = await chain.staticCall({ from: ALICE, to: at, data: data('value') });
    expect(BigInt(v.returnData)).toBe(0n);
    const t = await chain.staticCall({ from: ALICE, to: at, data: data('now_') });
    const [ts] = decodeFunctionResult({ abi: probe.abi, functionName: 'now_', data: t.returnData }) as [bigint, bigint];
    expect(ts).toBe(chain.timestamp);
  });

  it('reads the state before the last call', async () => {
    const { chain, at } = await deployed();
    await chain.call({ from: ALICE, to: at, data: data('set', [3n]) });
    await chain.call({ from: ALICE, to: at, data: data('set', [4n]) });
    const pre = await chain.readPreState(() => chain.staticCall({ from: ALICE, to: at, data: data('value') }));
    const post = await chain.staticCall({ from: ALICE, to: at, data: data('value') });
    expect(BigInt(pre.returnData)).toBe(3n);
    expect(BigInt(post.returnData)).toBe(4n);
  });

  it('answers repeated static calls from the cache only while the slots they read are unchanged', async () => {
    const { chain, at } = await deployed();
    const read = async (fn: string, args: unknown[] = []) => BigInt((await chain.staticCall({ from: ALICE, to: at, data: data(fn, args) })).returnData);
    const snap = chain.snapshot();
    expect(await read('value')).toBe(0n);
    expect(await read('credit', [ALICE])).toBe(0n);
    await chain.call({ from: ALICE, to: at, data: data('set', [5n]) });
    expect(await read('value')).toBe(5n);
    expect(await read('credit', [ALICE])).toBe(5n);
    await chain.call({ from: ALICE, to: at, data: data('fail') });
    expect(await read('value')).toBe(5n);
    chain.revertTo(snap);
    expect(await read('value')).toBe(0n);
    expect(await read('credit', [ALICE])).toBe(0n);
    await chain.setCode(at, new Uint8Array([0x60, 0x2a, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3]));
    expect(await read('value')).toBe(42n);
  });

  it('sets balances and pays', async () => {
    const { chain, at } = await deployed();
    await chain.setBalance(ALICE, 10n ** 18n);
    const r = await chain.call({ from: ALICE, to: at, data: data('pay'), value: 5n });
    expect(r.status).toBe('success');
    expect(await chain.getBalance(at)).toBe(5n);
    const broke = await chain.call({ from: at, to: ALICE, data: '0x', value: 10n ** 20n });
    expect(broke.status).not.toBe('success');
  });

  it('records instruction coverage', async () => {
    const { chain, at } = await deployed(true);
    await chain.call({ from: ALICE, to: at, data: data('set', [1n]) });
    const code = await chain.getCode(at);
    const { covered, total } = chain.coverage!.summarize(code);
    expect(covered).toBeGreaterThan(10);
    expect(covered).toBeLessThan(total);
  });
});
