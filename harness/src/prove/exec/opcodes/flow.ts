import { notCond, truthy } from '../../word/compare.js';
import { concrete, range } from '../concrete.js';
import { endFrame } from '../endFrame.js';
import type { Frame } from '../Frame.js';
import { topFrame, type PathState } from '../PathState.js';
import { FrameHalt, PathUnknown } from '../signals.js';
import type { OpGroup } from './OpDef.js';

function jump(f: Frame, dest: bigint): void {
  if (dest >= BigInt(f.code.bytes.length) || f.code.jumpdests[Number(dest)] !== 1) {
    throw new FrameHalt(`invalid jump destination ${dest}`);
  }
  f.pc = Number(dest);
}

/**
 * Loops are recognised by the JUMPI, the frame and the return addresses on the stack
 * (the concrete words that are jump destinations): one internal function reached from
 * two call sites is two keys, one loop iterating is one key. Only branches on symbolic
 * conditions count; concrete loops run to their end under the step budget.
 */
function countLoop(s: PathState, f: Frame, pc: number, bound: number): void {
  let sig = '';
  for (const w of f.stack) {
    if (typeof w === 'bigint' && w < BigInt(f.code.bytes.length) && f.code.jumpdests[Number(w)] === 1) sig += `${w},`;
  }
  const key = `${f.codeAddress}:${f.depth}:${pc}:${sig}`;
  const n = (s.visits.get(key) ?? 0) + 1;
  if (n > bound) {
    throw new PathUnknown('loop-bound', `loop bound ${bound} hit at pc ${pc} of 0x${f.codeAddress.toString(16)}`);
  }
  s.visits.set(key, n);
}

export const flow: OpGroup = {
  0x00: { name: 'STOP', inputs: 0, run: (s, f) => endFrame(s, 'success', [], f.pc - 1) },
  0x56: {
    name: 'JUMP',
    inputs: 1,
    pins: true,
    run: (s, f) => jump(f, concrete(s, f.stack.pop()!, 'jump destination')),
  },
  0x57: {
    name: 'JUMPI',
    inputs: 2,
    pins: true,
    run: (s, f, x) => {
      const dest = concrete(s, f.stack[f.stack.length - 1]!, 'jump destination');
      f.stack.pop();
      const c = truthy(f.stack.pop()!);
      if (c === false) return;
      if (c === true) return jump(f, dest);
      countLoop(s, f, f.pc - 1, x.options.loopBound);
      return {
        options: [
          { cond: c, apply: (t) => jump(topFrame(t), dest) },
          { cond: notCond(c), apply: () => undefined },
        ],
      };
    },
  },
  0x58: { name: 'PC', inputs: 0, run: (_s, f) => void f.stack.push(BigInt(f.pc - 1)) },
  0x5b: { name: 'JUMPDEST', inputs: 0, run: () => undefined },
  0xf3: {
    name: 'RETURN',
    inputs: 2,
    pins: true,
    run: (s, f) => {
      const [off, len] = range(s, f.stack.pop()!, f.stack.pop()!, 'RETURN data');
      endFrame(s, 'success', f.memory.read(off, len), f.pc - 1);
    },
  },
  0xfd: {
    name: 'REVERT',
    inputs: 2,
    pins: true,
    run: (s, f) => {
      const [off, len] = range(s, f.stack.pop()!, f.stack.pop()!, 'REVERT data');
      endFrame(s, 'revert', f.memory.read(off, len), f.pc - 1);
    },
  },
  0xfe: { name: 'INVALID', inputs: 0, run: () => { throw new FrameHalt('INVALID opcode'); } },
};
