import { arithmetic } from './arithmetic.js';
import { bitwise } from './bitwise.js';
import { block } from './block.js';
import { calls } from './calls.js';
import { environment } from './environment.js';
import { flow } from './flow.js';
import { logs } from './logs.js';
import { memory } from './memory.js';
import type { OpDef } from './OpDef.js';
import { sha3 } from './sha3.js';
import { stack } from './stack.js';
import { storage } from './storage.js';

/** Every opcode of Cancun / Prague that solc emits, by byte; a hole is an undefined opcode. */
export const opcodeTable: readonly (OpDef | undefined)[] = (() => {
  const table = new Array<OpDef | undefined>(256).fill(undefined);
  for (const group of [arithmetic, bitwise, sha3, environment, block, stack, memory, storage, flow, logs, calls]) {
    for (const [op, def] of Object.entries(group)) {
      if (table[Number(op)] !== undefined) throw new Error(`internal: opcode 0x${Number(op).toString(16)} defined twice`);
      table[Number(op)] = def;
    }
  }
  return table;
})();
