import { FrameHalt } from '../signals.js';
import type { OpDef, OpGroup } from './OpDef.js';

function push(n: number): OpDef {
  return {
    name: `PUSH${n}`,
    inputs: 0,
    run: (_s, f) => {
      const code = f.code.bytes;
      let v = 0n;
      // Bytes past the end of the code read as zero.
      for (let k = 0; k < n; k++) v = (v << 8n) | BigInt(code[f.pc + k] ?? 0);
      f.pc += n;
      f.stack.push(v);
    },
  };
}

function dup(n: number): OpDef {
  return { name: `DUP${n}`, inputs: n, run: (_s, f) => void f.stack.push(f.stack[f.stack.length - n]!) };
}

function swap(n: number): OpDef {
  return {
    name: `SWAP${n}`,
    inputs: n + 1,
    run: (_s, f) => {
      const st = f.stack;
      const top = st.length - 1;
      const t = st[top]!;
      st[top] = st[top - n]!;
      st[top - n] = t;
    },
  };
}

const table: Record<number, OpDef> = {
  0x50: { name: 'POP', inputs: 1, run: (_s, f) => void f.stack.pop() },
  0x5f: { name: 'PUSH0', inputs: 0, run: (_s, f) => void f.stack.push(0n) },
};
for (let n = 1; n <= 32; n++) table[0x5f + n] = push(n);
for (let n = 1; n <= 16; n++) table[0x7f + n] = dup(n);
for (let n = 1; n <= 16; n++) table[0x8f + n] = swap(n);

export const stack: OpGroup = table;

export const STACK_LIMIT = 1024;

export function assertStackLimit(size: number): void {
  if (size > STACK_LIMIT) throw new FrameHalt('stack overflow');
}
