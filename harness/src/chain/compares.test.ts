import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { encodeFunctionData, type Hex } from 'viem';
import { compileSources } from '../compile/compileSources.js';
import { hardforkFor } from './hardforkFor.js';
import { TestChain } from './TestChain.js';

const ALICE = '0x0000000000000000000000000000000000010000' as Hex;
const mazeDir = join(import.meta.dirname, '..', '..', '..', 'bench', 'maze');

describe('comparison operands', () => {
  it('include equality tests the optimizer turned into SUB / XOR before a JUMPI', async () => {
    // The maze benchmark's committed maze (seed 0): its guards are what the optimizer makes of `==`.
    const out = await compileSources({ root: mazeDir, files: ['src/Maze.sol'], optimizer: { enabled: true, runs: 200 } });
    const maze = out.artifacts.find((a) => a.name === 'Maze')!;
    const chain = await TestChain.create({ hardfork: hardforkFor(out.evmVersion), compares: true });
    const at = (await chain.deploy({ from: ALICE, data: maze.bytecode })).createdAddress!;
    // From the start (0, 7) north into cell 48, whose bug wants `a % 19 == 7` first; 12,345 % 19 is 14.
    const enter = await chain.call({ from: ALICE, to: at, data: encodeFunctionData({ abi: maze.abi, functionName: 'moveNorth', args: [12_345n, 5n, 7n] }) });
    expect(enter.status).toBe('success');
    expect(pairs(enter.compares)).toContain('7,14');
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
