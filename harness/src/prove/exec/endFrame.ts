import type { Cell } from '../bytes/Cell.js';
import { restoreWorld } from '../state/World.js';
import type { FrameEnd, PathState } from './PathState.js';

/**
 * Ends the top frame. A revert or halt restores the world and logs to the frame's start;
 * below the top, the caller gets the success flag, the returndata (none after a halt)
 * and the output copied to where it asked (memory was expanded at the call).
 */
export function endFrame(s: PathState, kind: FrameEnd, data: readonly Cell[], pc: number, reason?: string): void {
  const f = s.frames.pop()!;
  const out = kind === 'halt' ? [] : data;
  if (kind !== 'success') {
    s.world = restoreWorld(s.world, f.checkpoint);
    s.logs.length = f.checkpoint.logs;
  }
  if (s.frames.length === 0) {
    s.end = { status: kind, data: out, address: f.codeAddress, pc, ...(reason !== undefined ? { reason } : {}) };
    return;
  }
  const parent = s.frames[s.frames.length - 1]!;
  parent.returndata = out;
  const n = Math.min(f.ret!.size, out.length);
  if (n > 0) parent.memory.write(f.ret!.offset, out.slice(0, n));
  parent.stack.push(kind === 'success' ? 1n : 0n);
}
