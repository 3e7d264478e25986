import type { ExecEnv } from '../ExecEnv.js';
import type { Fork } from '../Fork.js';
import type { Frame } from '../Frame.js';
import type { PathState } from '../PathState.js';

export type Handler = (s: PathState, f: Frame, x: ExecEnv) => Fork | void;

/**
 * One opcode. `inputs` is checked against the stack before `run`; `pins` marks handlers
 * that may raise NeedConcrete, whose operands the step saves so the instruction can be
 * re-run once the word is pinned. The step has already moved pc past the opcode.
 */
export interface OpDef {
  readonly name: string;
  readonly inputs: number;
  readonly pins?: boolean;
  readonly run: Handler;
}

export type OpGroup = Readonly<Record<number, OpDef>>;
