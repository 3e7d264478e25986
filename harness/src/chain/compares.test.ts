import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { encodeFunctionData, type Hex } from 'viem';
import { compileSources } from '../compile/compileSources.js';
import { hardforkFor } from './hardforkFor.js';
import { TestChain } from './TestChain.js';

const ALICE = '0x0000000000000000000000000000000000010000' as Hex;

describe('comparison operands', () => {
  it('include equality tests the optimizer turned into SUB / XOR before a JUMPI', async () => {
    const out = await compileSources({ root: join(import.meta.dirname, 'fixtures'), files: ['Maze6.sol'], optimizer: { enabled: true, runs: 200 } });
    const maze = out.artifacts.find((a) => a.name === 'Maze')!;
    const chain = await TestChain.create({ hardfork: hardforkFor(out.evmVersion), compares: true });
    const at = (await chain.deploy({ from: ALICE, data: maze.bytecode })).createdAddress!;
    const move = (fn: string, a: bigint) => chain.call({ from: ALICE, to: at, data: encodeFunctionData({ abi: maze.abi, functionName: fn, args: [a, 5n, 7n] }) });
    // From (0, 1) to cell 3 = (3, 0), whose bug wants a == 352 first.
    for (const fn of ['moveNorth', 'moveEast', 'moveEast']) expect((await move(fn, 1n)).status).toBe('success');
    const enter = await move('moveEast', 12_345n);
    expect(enter.status).toBe('success');
    expect(pairs(enter.compares)).toContain('352,12345');
  });
});

/** Each compared pair as 'smaller,larger' in decimal. */
function pairs(values: readonly bigint[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < values.length; i += 2) {
    const [a, b] = [values[i]!, values[i + 1]!];
    out.push(a < b ? `${a},${b}` : `${b},${a}`);
  }
  return out;
}
