import type { Cell } from '../bytes/Cell.js';
import type { Code } from '../state/Code.js';
import type { Memory } from '../state/Memory.js';
import type { Checkpoint } from '../state/World.js';
import type { Word } from '../word/Word.js';

/** One call frame. Calldata and returndata arrays are never mutated, so forks share them. */
export interface Frame {
  readonly code: Code;
  readonly codeAddress: bigint;
  /** The storage and balance context (differs from codeAddress under DELEGATECALL). */
  readonly address: bigint;
  readonly caller: Word;
  readonly value: Word;
  readonly calldata: readonly Cell[];
  readonly isStatic: boolean;
  readonly depth: number;
  pc: number;
  stack: Word[];
  memory: Memory;
  returndata: readonly Cell[];
  /** Where the caller wants the output, for frames below the top. */
  readonly ret: { offset: number; size: number } | undefined;
  /** The world as it was when the frame started, restored if it reverts or halts. */
  readonly checkpoint: Checkpoint;
}

export function cloneFrame(f: Frame): Frame {
  return { ...f, stack: f.stack.slice(), memory: f.memory.clone() };
}
