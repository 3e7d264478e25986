import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, type Hex } from 'viem';
import { compileSources } from '../compile/compileSources.js';
import type { Artifact } from '../compile/types.js';
import { edgeSlot } from './CoverageMap.js';
import { hardforkFor } from './hardforkFor.js';
import { TestChain } from './TestChain.js';

const ALICE = '0x0000000000000000000000000000000000010000' as Hex;
let branch: Artifact;
let evmVersion: string;

beforeAll(async () => {
  const out = await compileSources({ root: join(import.meta.dirname, 'fixtures'), files: ['Branch.sol'] });
  branch = out.artifacts.find((a) => a.name === 'Branch')!;
  evmVersion = out.evmVersion;
});

/** A chain with Branch deployed; `slow` attaches a step listener, which turns the batch loop off. */
async function deployed(slow = false) {
  const chain = await TestChain.create({ hardfork: hardforkFor(evmVersion), coverage: true });
  let steps = 0;
  if (slow) (chain as unknown as { evm: { events: { on(e: string, f: () => void): void } } }).evm.events.on('step', () => steps++);
  const r = await chain.deploy({ from: ALICE, data: branch.bytecode });
  expect(r.status).toBe('success');
  const at = r.createdAddress!;
  const code = await chain.getCode(at);
  const f = async (x: boolean) => {
    const result = await chain.call({ from: ALICE, to: at, data: encodeFunctionData({ abi: branch.abi, functionName: 'f', args: [x] }) });
    expect(result.status).toBe('success');
  };
  const y = () => chain.staticCall({ from: ALICE, to: at, data: encodeFunctionData({ abi: branch.abi, functionName: 'y' }) });
  return { chain, coverage: chain.coverage!, code, f, y, steps: () => steps };
}

describe('CoverageMap: edge coverage', () => {
  it('tells a taken branch from a fall-through that instruction coverage cannot', async () => {
    const { coverage, code, f } = await deployed();
    await f(true);
    const instructions = coverage.summarize(code).covered;
    const edges = coverage.newHits;
    expect(edges).toBeGreaterThan(0);

    await f(false);
    // Not one instruction more: `if (x)` skipped lands where the body ends.
    expect(coverage.summarize(code).covered).toBe(instructions);
    expect(coverage.newHits).toBeGreaterThan(edges);

    const both = coverage.newHits;
    await f(false);
    await f(true);
    expect(coverage.newHits).toBe(both);
  });

  it('lists each new edge once, with a hit count that grows on every run', async () => {
    const { coverage, f } = await deployed();
    coverage.freshEdges.length = 0;
    const before = coverage.newHits;
    await f(true);
    const fresh = [...coverage.freshEdges];
    expect(fresh.length).toBe(coverage.newHits - before);
    expect(new Set(fresh).size).toBe(fresh.length);
    const counts = fresh.map((e) => coverage.hitsOf(e));
    expect(counts.every((n) => n >= 1)).toBe(true);
    coverage.freshEdges.length = 0;
    await f(true);
    expect(coverage.freshEdges).toEqual([]);
    expect(fresh.map((e) => coverage.hitsOf(e))).toEqual(counts.map((n) => n * 2));
  });

  it('records the same edges on the library step path as in the batch loop', async () => {
    const fast = await deployed();
    const slow = await deployed(true);
    for (const x of [true, false, true]) {
      fast.coverage.freshEdges.length = 0;
      slow.coverage.freshEdges.length = 0;
      await fast.f(x);
      await slow.f(x);
      expect(slow.coverage.freshEdges).toEqual(fast.coverage.freshEdges);
    }
    expect(slow.steps()).toBeGreaterThan(100);
    expect(slow.coverage.summarize(slow.code)).toEqual(fast.coverage.summarize(fast.code));
  });

  for (const path of ['batch loop', 'step path'] as const) {
    it(`counts no edges for static calls, which are the checks' views, but marks their instructions (${path})`, async () => {
      const { coverage, code, f, y } = await deployed(path === 'step path');
      const edges = coverage.newHits;
      const instructions = coverage.summarize(code).covered;
      expect((await y()).status).toBe('success');
      expect(coverage.newHits).toBe(edges);
      expect(coverage.summarize(code).covered).toBeGreaterThan(instructions);
      await f(true);
      expect(coverage.newHits).toBeGreaterThan(edges);
    });
  }

  it('never sends two targets of one jump to the same slot', () => {
    const mask = (1 << 12) - 1;
    for (const from of [0, 17, 1000, 4095]) {
      const slots = new Set(Array.from({ length: mask + 1 }, (_, to) => edgeSlot(from, to, mask)));
      expect(slots.size).toBe(mask + 1);
    }
  });
});
