import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, encodeErrorResult, getAddress, parseAbi, type Hex } from 'viem';
import { decodeRevert, formatValue } from './decodeRevert.js';
import { panicReasons } from './panicReasons.js';

const errorAbi = parseAbi(['error Error(string)', 'error Panic(uint256)']);
const revertString = (message: string) => encodeErrorResult({ abi: errorAbi, errorName: 'Error', args: [message] });
const panic = (code: bigint) => encodeErrorResult({ abi: errorAbi, errorName: 'Panic', args: [code] });

const vaultAbi = parseAbi([
  'error InsufficientBalance(address who, uint256 have, uint256 want)',
  'error Paused()',
  'error BadOrder((uint256 id, bool open) order)',
]);
const otherAbi = parseAbi(['error Unauthorized(address caller)']);

describe('decodeRevert: Error(string)', () => {
  it('decodes the message', () => {
    const r = decodeRevert(revertString('insufficient balance'));
    expect(r).toEqual({ kind: 'error', message: 'insufficient balance', text: 'Error("insufficient balance")' });
  });

  it('decodes an empty message', () => {
    expect(decodeRevert(revertString(''))).toMatchObject({ kind: 'error', message: '', text: 'Error("")' });
  });

  it('quotes characters that would break the line', () => {
    expect(decodeRevert(revertString('a "b"\nc')).text).toBe('Error("a \\"b\\"\\nc")');
  });

  it('decodes a message that is not UTF-8 without throwing', () => {
    // offset 0x20, length 3, bytes ff fe 41: invalid UTF-8 followed by 'A'
    const data = `0x08c379a0${encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [32n, 3n]).slice(2)}fffe41${'00'.repeat(29)}` as Hex;
    const r = decodeRevert(data);
    expect(r.kind).toBe('error');
    if (r.kind !== 'error') return;
    expect(r.message.endsWith('A')).toBe(true);
    expect(r.message).toContain('\ufffd');
  });

  it('decodes a long message whole', () => {
    const long = 'x'.repeat(10_000);
    const r = decodeRevert(revertString(long));
    expect(r).toMatchObject({ kind: 'error', message: long });
  });

  it('reports malformed Error data as unknown instead of throwing', () => {
    const cases: Hex[] = [
      '0x08c379a0',
      '0x08c379a000000000000000000000000000000000000000000000000000000000000020',
      // offset ok, length far past the end of the data
      `0x08c379a0${encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [32n, 1000n]).slice(2)}` as Hex,
      // offset pointing past the end
      `0x08c379a0${encodeAbiParameters([{ type: 'uint256' }], [2n ** 200n]).slice(2)}` as Hex,
    ];
    for (const data of cases) {
      const r = decodeRevert(data);
      expect(r.kind, data).toBe('unknown');
      expect(r.text).toMatch(/^revert \(malformed 0x08c379a0 data 0x08c379a0/);
    }
  });
});

describe('decodeRevert: Panic(uint256)', () => {
  it.each(Object.entries(panicReasons))('names panic code %s', (code, reason) => {
    const r = decodeRevert(panic(BigInt(code)));
    expect(r).toMatchObject({ kind: 'panic', code: BigInt(code), reason });
    expect(r.text).toBe(`Panic(0x${Number(code).toString(16).padStart(2, '0')}: ${reason})`);
  });

  it('names the common ones as Solidity documents them', () => {
    expect(decodeRevert(panic(0x01n)).text).toBe('Panic(0x01: assertion failed)');
    expect(decodeRevert(panic(0x11n)).text).toBe('Panic(0x11: arithmetic underflow or overflow)');
    expect(decodeRevert(panic(0x12n)).text).toBe('Panic(0x12: division or modulo by zero)');
    expect(decodeRevert(panic(0x32n)).text).toBe('Panic(0x32: array index out of bounds)');
  });

  it('keeps unknown codes, even enormous ones', () => {
    expect(decodeRevert(panic(0x99n))).toMatchObject({ kind: 'panic', code: 0x99n, reason: 'unknown panic code' });
    const huge = 2n ** 255n + 1n;
    const r = decodeRevert(panic(huge));
    expect(r).toMatchObject({ kind: 'panic', code: huge, reason: 'unknown panic code' });
    expect(r.text).toContain(huge.toString(16));
  });

  it('reports a Panic without its code as malformed', () => {
    expect(decodeRevert('0x4e487b71')).toMatchObject({ kind: 'unknown' });
    expect(decodeRevert('0x4e487b710000').text).toMatch(/malformed 0x4e487b71/);
  });
});

describe('decodeRevert: custom errors', () => {
  it('decodes a custom error with the ABI that declares it', () => {
    const who = '0x00000000000000000000000000000000000a11ce';
    const data = encodeErrorResult({ abi: vaultAbi, errorName: 'InsufficientBalance', args: [who, 5n, 7n] });
    const r = decodeRevert(data, [vaultAbi]);
    expect(r.kind).toBe('custom');
    if (r.kind !== 'custom') return;
    expect(r.name).toBe('InsufficientBalance');
    expect(r.args).toEqual([getAddress(who), 5n, 7n]);
    expect(r.text).toBe(`InsufficientBalance(${getAddress(who)}, 5, 7)`);
  });

  it('looks through every ABI given, in order', () => {
    const caller = '0x0000000000000000000000000000000000020000';
    const data = encodeErrorResult({ abi: otherAbi, errorName: 'Unauthorized', args: [caller] });
    expect(decodeRevert(data, [vaultAbi, otherAbi]).text).toBe(`Unauthorized(${getAddress(caller)})`);
  });

  it('decodes errors without arguments and with struct arguments', () => {
    expect(decodeRevert(encodeErrorResult({ abi: vaultAbi, errorName: 'Paused' }), [vaultAbi]).text).toBe('Paused()');
    const data = encodeErrorResult({ abi: vaultAbi, errorName: 'BadOrder', args: [{ id: 3n, open: true }] });
    expect(decodeRevert(data, [vaultAbi]).text).toBe('BadOrder({id: 3, open: true})');
  });

  it('returns the raw data when no ABI knows the selector', () => {
    const data = encodeErrorResult({ abi: otherAbi, errorName: 'Unauthorized', args: ['0x0000000000000000000000000000000000020000'] });
    expect(decodeRevert(data)).toEqual({ kind: 'unknown', data, text: `revert (unknown data ${data})` });
    expect(decodeRevert(data, [vaultAbi])).toMatchObject({ kind: 'unknown', data });
  });

  it('does not throw when the selector matches but the arguments are cut short', () => {
    const full = encodeErrorResult({ abi: vaultAbi, errorName: 'InsufficientBalance', args: ['0x0000000000000000000000000000000000020000', 1n, 2n] });
    const cut = full.slice(0, 10 + 64 + 10) as Hex;
    expect(decodeRevert(cut, [vaultAbi])).toMatchObject({ kind: 'unknown', data: cut });
  });
});

describe('decodeRevert: odd data', () => {
  it('names an empty revert', () => {
    expect(decodeRevert('0x')).toEqual({ kind: 'empty', text: 'revert (no data)' });
  });

  it('keeps data shorter than a selector', () => {
    expect(decodeRevert('0x12')).toEqual({ kind: 'unknown', data: '0x12', text: 'revert (data 0x12)' });
    expect(decodeRevert('0x08c379')).toMatchObject({ kind: 'unknown', data: '0x08c379' });
  });

  it('keeps the text of huge unknown data short, with its size', () => {
    const data = `0xdeadbeef${'ab'.repeat(100_000)}` as Hex;
    const r = decodeRevert(data, [vaultAbi, otherAbi]);
    expect(r.kind).toBe('unknown');
    expect(r.text.length).toBeLessThan(120);
    expect(r.text).toContain('(100004 bytes)');
  });

  it('never throws on arbitrary bytes, with or without ABIs', () => {
    // A fixed pseudo-random stream so a failure is reproducible.
    let s = 0x2545f491;
    const byte = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    const selectors = ['08c379a0', '4e487b71', 'deadbeef', ...vaultAbi.map(() => '')];
    for (let i = 0; i < 500; i++) {
      const len = byte() % 120;
      const body = Array.from({ length: len }, () => byte().toString(16).padStart(2, '0')).join('');
      const data = `0x${selectors[i % selectors.length]}${body}` as Hex;
      expect(() => decodeRevert(data, [vaultAbi, otherAbi]), data).not.toThrow();
      expect(typeof decodeRevert(data).text).toBe('string');
    }
  });
});

describe('formatValue', () => {
  it('prints bigints, addresses, strings, arrays and structs as in a trace', () => {
    expect(formatValue(10n ** 18n)).toBe('1000000000000000000');
    expect(formatValue('0xAbC')).toBe('0xAbC');
    expect(formatValue('hi')).toBe('"hi"');
    expect(formatValue([1n, [true, 'x']])).toBe('[1, [true, "x"]]');
    expect(formatValue({ a: 1n, b: { c: false } })).toBe('{a: 1, b: {c: false}}');
  });
});
