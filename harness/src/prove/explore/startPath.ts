import { Memory } from '../state/Memory.js';
import { readStorage } from '../state/Storage.js';
import { checkpointOf, cloneWorld } from '../state/World.js';
import { toCode } from '../state/Code.js';
import { ltCond, notCond } from '../word/compare.js';
import type { ExecEnv } from '../exec/ExecEnv.js';
import { assume, type PathState, type SymbolicState } from '../exec/PathState.js';
import { moveValue } from '../exec/startCall.js';
import type { SymbolicCall } from './types.js';

const NO_CODE = toCode(new Uint8Array());

/**
 * The path state at the start of a transaction: transient storage empty, the sender able
 * to pay the value (a transaction that cannot pay is never included), the value moved,
 * and one frame. The checkpoint is taken before the value moves: a reverting transaction
 * keeps nothing.
 */
export function startPath(state: SymbolicState, call: SymbolicCall, x: ExecEnv): PathState {
  const world = cloneWorld(state.world);
  world.transient.clear();
  const s: PathState = {
    ...state,
    world,
    notes: state.notes.slice(),
    frames: [],
    logs: [],
    pinned: new Map(),
    visits: new Map(),
    steps: 0,
    at: 0,
    end: undefined,
  };
  const checkpoint = checkpointOf(world, 0);
  assume(s, notCond(ltCond(readStorage(world.balances, call.from), call.value)));
  moveValue(s, call.from, call.to, call.value);
  s.frames.push({
    code: world.code.get(call.to) ?? NO_CODE,
    codeAddress: call.to,
    address: call.to,
    caller: call.from,
    value: call.value,
    calldata: call.calldata,
    isStatic: false,
    depth: 0,
    pc: 0,
    stack: [],
    memory: Memory.empty(x.options.maxMemory),
    returndata: [],
    ret: undefined,
    checkpoint,
  });
  return s;
}
