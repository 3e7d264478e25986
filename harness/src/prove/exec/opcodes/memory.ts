import { range, concrete } from '../concrete.js';
import type { OpGroup } from './OpDef.js';

function offset(s: Parameters<typeof concrete>[0], w: Parameters<typeof concrete>[1], len: number, what: string): number {
  return range(s, w, BigInt(len), what)[0];
}

export const memory: OpGroup = {
  0x51: {
    name: 'MLOAD',
    inputs: 1,
    pins: true,
    run: (s, f) => void f.stack.push(f.memory.load(offset(s, f.stack.pop()!, 32, 'MLOAD'))),
  },
  0x52: {
    name: 'MSTORE',
    inputs: 2,
    pins: true,
    run: (s, f) => {
      const off = offset(s, f.stack.pop()!, 32, 'MSTORE');
      f.memory.store(off, f.stack.pop()!);
    },
  },
  0x53: {
    name: 'MSTORE8',
    inputs: 2,
    pins: true,
    run: (s, f) => {
      const off = offset(s, f.stack.pop()!, 1, 'MSTORE8');
      f.memory.store8(off, f.stack.pop()!);
    },
  },
  0x59: { name: 'MSIZE', inputs: 0, run: (_s, f) => void f.stack.push(BigInt(f.memory.size)) },
  0x5e: {
    name: 'MCOPY',
    inputs: 3,
    pins: true,
    run: (s, f) => {
      const dst = f.stack.pop()!;
      const src = f.stack.pop()!;
      const size = f.stack.pop()!;
      const [from, len] = range(s, src, size, 'MCOPY source');
      const [to] = range(s, dst, size, 'MCOPY destination');
      if (len === 0) return;
      // Read first: the ranges may overlap.
      f.memory.write(to, f.memory.read(from, len));
    },
  },
};
