import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeAbiParameters } from 'viem';
import { compileSources } from '../compile/compileSources.js';
import { Dictionary } from './Dictionary.js';

const ADDRESS = '0x00000000000000000000000000000000c0ffee01';

describe('Dictionary.addBytecodeConstants', () => {
  it('adds each PUSH operand with its neighbours, in code order', () => {
    const d = new Dictionary();
    // PUSH2 0x03e8, PUSH1 0x07, ADD, PUSH1 0x00
    d.addBytecodeConstants('0x6103e86007016000');
    expect(d.values).toEqual([1000n, 999n, 1001n, 7n, 6n, 8n, 0n, 1n]);
    expect(d.addresses).toEqual([]);
  });

  it('does not read PUSH operand bytes as opcodes', () => {
    const d = new Dictionary();
    // PUSH2 0x6061: the operand bytes look like PUSH1 / PUSH2 but are data.
    d.addBytecodeConstants('0x61606100');
    expect(d.values).toEqual([0x6061n, 0x6060n, 0x6062n]);
  });

  it('leaves out the metadata trailer, whose bytes change with where the sources live', () => {
    const d = new Dictionary();
    // PUSH1 0x07, then a CBOR map (a1) of 10 bytes holding 0x61 0x12 0x34 (would read as PUSH2 0x1234), length 0x000b.
    d.addBytecodeConstants(`0x6007a1611234${'00'.repeat(7)}000b`);
    expect(d.values).toEqual([7n, 6n, 8n]);
  });

  it('turns 20-byte pushes into addresses, lower-case, and keeps their value', () => {
    const d = new Dictionary();
    d.addBytecodeConstants(`0x73${'00'.repeat(16)}c0ffee01`);
    expect(d.addresses).toEqual([ADDRESS]);
    expect(d.values).toContain(0xc0ffee01n);
    const mixed = new Dictionary();
    mixed.addBytecodeConstants(`0x73${'AB'.repeat(20)}`);
    expect(mixed.addresses).toEqual([`0x${'ab'.repeat(20)}`]);
  });

  it('does not take small 20-byte pushes or other widths as addresses', () => {
    const d = new Dictionary();
    d.addBytecodeConstants(`0x73${'00'.repeat(18)}ffff`); // PUSH20 0xffff (precompile-sized)
    d.addBytecodeConstants(`0x7f${'11'.repeat(32)}`); // PUSH32
    d.addBytecodeConstants(`0x72${'22'.repeat(19)}`); // PUSH19
    expect(d.addresses).toEqual([]);
  });

  it('survives a PUSH cut off by the end of the code', () => {
    const d = new Dictionary();
    expect(() => d.addBytecodeConstants('0x6001610a')).not.toThrow();
    expect(d.values.slice(0, 3)).toEqual([1n, 0n, 2n]);
    expect(d.values).toContain(0x0an);
  });

  it('finds the guard constant and the address constant of a compiled contract', async () => {
    const out = await compileSources({ root: join(import.meta.dirname, 'fixtures'), files: ['Magic.sol'] });
    const magic = out.artifacts.find((a) => a.name === 'Magic')!;
    const d = new Dictionary();
    d.addBytecodeConstants(magic.deployedBytecode);
    expect(d.values).toEqual(expect.arrayContaining([0xbadc0de5n, 0xbadc0de4n, 0xbadc0de6n]));
    expect(d.addresses).toContain('0xc0ffee0000000000000000000000000000c0ffee');
  });
});

describe('Dictionary.addWords', () => {
  it('adds every 32-byte word of return data, up to the limit', () => {
    const d = new Dictionary();
    const data = encodeAbiParameters([{ type: 'uint256' }, { type: 'address' }, { type: 'uint256' }], [1234n, ADDRESS, 9n]);
    d.addWords(data);
    expect(d.values).toEqual([1234n, 0xc0ffee01n, 9n]);
    expect(d.addresses).toEqual([ADDRESS]);

    const limited = new Dictionary();
    limited.addWords(data, 2);
    expect(limited.values).toEqual([1234n, 0xc0ffee01n]);
  });

  it('ignores a trailing partial word and empty data', () => {
    const d = new Dictionary();
    d.addWords('0x');
    d.addWords(`0x${'00'.repeat(31)}05${'ff'.repeat(10)}`);
    expect(d.values).toEqual([5n]);
  });

  it('treats only words between 0xffff and 2^160 as addresses', () => {
    const d = new Dictionary();
    d.addWord(0xffffn);
    d.addWord(1n << 160n);
    d.addWord(0x10000n);
    expect(d.addresses).toEqual(['0x0000000000000000000000000000000000010000']);
    expect(d.values).toEqual([0xffffn, 1n << 160n, 0x10000n]);
  });
});

describe('Dictionary bounds', () => {
  it('keeps each value and address once, addresses case-insensitively', () => {
    const d = new Dictionary();
    d.addValue(5n);
    d.addValue(5n);
    d.addWord(5n);
    d.addAddress(`0x${'AB'.repeat(20)}`);
    d.addAddress(`0x${'ab'.repeat(20)}`);
    expect(d.values).toEqual([5n]);
    expect(d.addresses).toEqual([`0x${'ab'.repeat(20)}`]);
  });

  it('rejects negative values', () => {
    const d = new Dictionary();
    d.addValue(-1n);
    expect(d.values).toEqual([]);
  });

  it('stops at its capacity and keeps the oldest entries', () => {
    const d = new Dictionary();
    for (let i = 0n; i < 10_000n; i++) d.addValue(i * 3n);
    expect(d.values.length).toBe(4096);
    expect(d.values[0]).toBe(0n);
    expect(d.values.at(-1)).toBe(4095n * 3n);
    for (let i = 1; i <= 1000; i++) d.addAddress(`0x${i.toString(16).padStart(40, '0')}`);
    expect(d.addresses.length).toBe(256);
    expect(d.addresses[0]).toBe(`0x${'1'.padStart(40, '0')}`);
  });
});

describe('Dictionary constants', () => {
  it('keeps the bytecode constants apart, however many run-time values arrive', () => {
    const d = new Dictionary();
    d.addBytecodeConstants('0x61016050'); // PUSH2 0x0160; POP
    for (let i = 0; i < 5000; i++) d.addValue(BigInt(1_000_000 + i));
    expect(d.constants).toEqual([352n, 351n, 353n]);
    expect(d.values.length).toBe(4096);
  });
});
