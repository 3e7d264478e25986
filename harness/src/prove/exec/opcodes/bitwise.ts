import { and, byte, not, or, sar, shl, shr, xor } from '../../word/bits.js';
import { eq, gt, iszero, lt, sgt, slt } from '../../word/compare.js';
import { binary } from './arithmetic.js';
import type { OpGroup } from './OpDef.js';

export const bitwise: OpGroup = {
  0x10: binary('LT', lt),
  0x11: binary('GT', gt),
  0x12: binary('SLT', slt),
  0x13: binary('SGT', sgt),
  0x14: binary('EQ', eq),
  0x15: { name: 'ISZERO', inputs: 1, run: (_s, f) => void f.stack.push(iszero(f.stack.pop()!)) },
  0x16: binary('AND', and),
  0x17: binary('OR', or),
  0x18: binary('XOR', xor),
  0x19: { name: 'NOT', inputs: 1, run: (_s, f) => void f.stack.push(not(f.stack.pop()!)) },
  0x1a: binary('BYTE', byte),
  0x1b: binary('SHL', shl),
  0x1c: binary('SHR', shr),
  0x1d: binary('SAR', sar),
};
