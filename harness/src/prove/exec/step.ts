import type { ExecEnv } from './ExecEnv.js';
import { endFrame } from './endFrame.js';
import type { Fork } from './Fork.js';
import { assertStackLimit } from './opcodes/stack.js';
import { opcodeTable } from './opcodes/opcodeTable.js';
import { topFrame, type PathState } from './PathState.js';
import { FrameHalt, NeedConcrete } from './signals.js';

/**
 * Runs one instruction of the top frame. An exceptional halt ends the frame here; a
 * word that must be pinned rewinds the instruction (operands back, pc back) and is
 * rethrown for the explorer; PathUnknown and Infeasible pass through.
 */
export function step(s: PathState, x: ExecEnv): Fork | void {
  const f = topFrame(s);
  const pc = f.pc;
  if (pc >= f.code.bytes.length) return endFrame(s, 'success', [], pc);
  const op = f.code.bytes[pc]!;
  const def = opcodeTable[op];
  s.steps++;
  s.at = pc;
  try {
    if (def === undefined) throw new FrameHalt(`undefined opcode 0x${op.toString(16).padStart(2, '0')}`);
    const depth = f.stack.length;
    if (depth < def.inputs) throw new FrameHalt(`stack underflow (${def.name})`);
    const saved = def.pins ? f.stack.slice(depth - def.inputs) : undefined;
    f.pc = pc + 1;
    try {
      const r = def.run(s, f, x);
      assertStackLimit(f.stack.length);
      return r;
    } catch (e) {
      if (e instanceof NeedConcrete) {
        if (saved === undefined) throw new Error(`internal: ${def.name} pins a word but is not marked \`pins\``);
        // Handlers pin before pushing anything, so only operands are missing.
        f.stack.length = depth - def.inputs;
        f.stack.push(...saved);
        f.pc = pc;
      }
      throw e;
    }
  } catch (e) {
    if (e instanceof FrameHalt) return endFrame(s, 'halt', [], pc, e.reason);
    throw e;
  }
}
