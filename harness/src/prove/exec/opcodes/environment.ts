import { cellsToWord, concreteCells, sliceCells } from '../../bytes/Cell.js';
import { keccakBytes } from '../../keccak/keccakOf.js';
import { readStorage } from '../../state/Storage.js';
import { and } from '../../word/bits.js';
import { iteWord } from '../../word/compare.js';
import type { Word } from '../../word/Word.js';
import { addressCases } from '../addressCases.js';
import { concrete, range, smallOffset } from '../concrete.js';
import { freshWord } from '../freshWord.js';
import { topFrame } from '../PathState.js';
import { FrameHalt } from '../signals.js';
import type { OpGroup } from './OpDef.js';

export const ADDRESS_MASK = (1n << 160n) - 1n;
const EMPTY_CODE_HASH = keccakBytes(new Uint8Array());

export const toAddress = (w: Word): Word => and(w, ADDRESS_MASK);

export const environment: OpGroup = {
  0x30: { name: 'ADDRESS', inputs: 0, run: (_s, f) => void f.stack.push(f.address) },
  0x31: {
    name: 'BALANCE',
    inputs: 1,
    run: (s, f) => void f.stack.push(readStorage(s.world.balances, toAddress(f.stack.pop()!))),
  },
  0x32: { name: 'ORIGIN', inputs: 0, run: (_s, f, x) => void f.stack.push(x.tx.origin) },
  0x33: { name: 'CALLER', inputs: 0, run: (_s, f) => void f.stack.push(f.caller) },
  0x34: { name: 'CALLVALUE', inputs: 0, run: (_s, f) => void f.stack.push(f.value) },
  0x35: {
    name: 'CALLDATALOAD',
    inputs: 1,
    pins: true,
    run: (s, f) => void f.stack.push(cellsToWord(f.calldata, smallOffset(s, f.stack.pop()!, 'CALLDATALOAD offset'))),
  },
  0x36: { name: 'CALLDATASIZE', inputs: 0, run: (_s, f) => void f.stack.push(BigInt(f.calldata.length)) },
  0x37: {
    name: 'CALLDATACOPY',
    inputs: 3,
    pins: true,
    run: (s, f) => {
      const dst = f.stack.pop()!;
      const src = f.stack.pop()!;
      const [to, len] = range(s, dst, f.stack.pop()!, 'CALLDATACOPY destination');
      if (len > 0) f.memory.write(to, sliceCells(f.calldata, smallOffset(s, src, 'CALLDATACOPY offset'), len));
    },
  },
  0x38: { name: 'CODESIZE', inputs: 0, run: (_s, f) => void f.stack.push(BigInt(f.code.bytes.length)) },
  0x39: {
    name: 'CODECOPY',
    inputs: 3,
    pins: true,
    run: (s, f) => {
      const dst = f.stack.pop()!;
      const src = f.stack.pop()!;
      const [to, len] = range(s, dst, f.stack.pop()!, 'CODECOPY destination');
      if (len > 0) f.memory.write(to, sliceCells(concreteCells(f.code.bytes), smallOffset(s, src, 'CODECOPY offset'), len));
    },
  },
  0x3a: { name: 'GASPRICE', inputs: 0, run: (_s, f, x) => void f.stack.push(x.tx.gasPrice) },
  0x3b: {
    name: 'EXTCODESIZE',
    inputs: 1,
    run: (s, f, x) =>
      addressCases(s, x, toAddress(f.stack.pop()!), 'EXTCODESIZE', (t, a) => {
        const size = a === undefined ? 0 : (t.world.code.get(a)?.bytes.length ?? 0);
        topFrame(t).stack.push(BigInt(size));
      }),
  },
  0x3c: {
    name: 'EXTCODECOPY',
    inputs: 4,
    pins: true,
    run: (s, f) => {
      const addr = concrete(s, toAddress(f.stack.pop()!), 'EXTCODECOPY address');
      const dst = f.stack.pop()!;
      const src = f.stack.pop()!;
      const [to, len] = range(s, dst, f.stack.pop()!, 'EXTCODECOPY destination');
      const code = s.world.code.get(addr)?.bytes ?? new Uint8Array();
      if (len > 0) f.memory.write(to, sliceCells(concreteCells(code), smallOffset(s, src, 'EXTCODECOPY offset'), len));
    },
  },
  0x3d: { name: 'RETURNDATASIZE', inputs: 0, run: (_s, f) => void f.stack.push(BigInt(f.returndata.length)) },
  0x3e: {
    name: 'RETURNDATACOPY',
    inputs: 3,
    pins: true,
    run: (s, f) => {
      const dst = f.stack.pop()!;
      const src = smallOffset(s, f.stack.pop()!, 'RETURNDATACOPY offset');
      const size = f.stack.pop()!;
      const len = Number(concrete(s, size, 'RETURNDATACOPY size'));
      if (src + len > f.returndata.length) throw new FrameHalt('RETURNDATACOPY out of bounds');
      const [to] = range(s, dst, size, 'RETURNDATACOPY destination');
      if (len > 0) f.memory.write(to, f.returndata.slice(src, src + len));
    },
  },
  0x3f: {
    name: 'EXTCODEHASH',
    inputs: 1,
    run: (s, f, x) =>
      addressCases(s, x, toAddress(f.stack.pop()!), 'EXTCODEHASH', (t, a) => {
        const code = a === undefined ? undefined : t.world.code.get(a);
        // A code-less account hashes to 0 if it does not exist (no balance, no nonce), else to
        // keccak256(""): either may hold, and the nonce is not modelled.
        const h = code?.hash ?? iteWord(freshWord(t, x.ctx, 'exists', 1).e.eq(x.ctx.BitVec.val(1n, 256)), EMPTY_CODE_HASH, 0n);
        topFrame(t).stack.push(h);
      }),
  },
  0x47: { name: 'SELFBALANCE', inputs: 0, run: (s, f) => void f.stack.push(readStorage(s.world.balances, f.address)) },
  0x5a: { name: 'GAS', inputs: 0, run: (s, f, x) => void f.stack.push(freshWord(s, x.ctx, 'gas', 64)) },
};
