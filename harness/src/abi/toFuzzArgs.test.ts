import { decodeFunctionData, encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { toFuzzArgs } from './toFuzzArgs.js';

const abi = parseAbi([
  'function f(uint8 k, int16 d, uint256 big, address who, uint32[] xs, (uint8 a, address b) pair, bool flag)',
]);

describe('toFuzzArgs', () => {
  it('holds every decoded integer as a bigint and every address lower-case, inside arrays and tuples too', () => {
    const who = '0x52908400098527886E0F7030069857D2E4169EE7'; // EIP-55 checksummed
    const data = encodeFunctionData({ abi, functionName: 'f', args: [7, -3, 10n ** 30n, who, [1, 2], { a: 9, b: who }, true] });
    const { args } = decodeFunctionData({ abi, data });
    expect(typeof args[0]).toBe('number');
    const fuzz = toFuzzArgs(abi[0].inputs, args);
    expect(fuzz).toEqual([7n, -3n, 10n ** 30n, who.toLowerCase(), [1n, 2n], { a: 9n, b: who.toLowerCase() }, true]);
    // The mutations' bigint arithmetic works on them.
    expect((fuzz[0] as bigint) ^ 1n).toBe(6n);
  });
});
