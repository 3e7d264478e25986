import type { Cell } from '../bytes/Cell.js';
import type { World } from '../state/World.js';
import { cloneWorld } from '../state/World.js';
import type { BV, BoolExpr, Cond, Word, Z3Model } from '../word/Word.js';
import { cloneFrame, type Frame } from './Frame.js';
import { extendPath, type PathCond } from './PathCond.js';
import { Infeasible, type UnknownKind } from './signals.js';

export interface Log {
  readonly address: bigint;
  readonly topics: readonly Word[];
  readonly data: readonly Cell[];
}

/** One keccak256 application on a path: known input and output, or terms of the UF. */
export interface KeccakApp {
  readonly len: number;
  readonly input: bigint | BV;
  readonly out: bigint | BV;
}

/**
 * What carries over from one call to the next: the world, the path condition with a
 * model of it (when one is known), the keccak applications whose axioms are in the path,
 * the counter that keeps fresh names unique, and the over-approximations relied on.
 */
export interface SymbolicState {
  world: World;
  path: PathCond | undefined;
  /** Satisfies `path` whenever it is set; cleared when an assumption may break it. */
  model: Z3Model | undefined;
  /** A model of an earlier prefix of the path: where concrete samples start (see trySamples). */
  near?: Z3Model;
  keccak: readonly KeccakApp[];
  /** Lengths and known inputs whose defining axioms f(c) = keccak(c) are in the path. */
  keccakDefined: ReadonlySet<string>;
  fresh: number;
  notes: readonly string[];
  /**
   * Exact meanings of abstracted terms (see divideProduct), checked when a path ends:
   * exploration uses the looser facts, so no real path is pruned, and a path that only
   * the abstraction allows is dropped at its end.
   */
  refinements: readonly Refinement[];
}

/** The exact meaning of an abstracted term `q`, and its exact value under a model of the rest. */
export interface Refinement {
  readonly exact: BoolExpr;
  readonly q: BV;
  readonly value: (model: Z3Model) => bigint;
}

export type FrameEnd = 'success' | 'revert' | 'halt';

export interface PathEndInfo {
  status: FrameEnd | 'unknown';
  data: readonly Cell[];
  reason?: string;
  unknown?: UnknownKind;
  address: bigint;
  pc: number;
}

export interface PathState extends SymbolicState {
  frames: Frame[];
  logs: Log[];
  /** Symbolic words pinned to a value by the path (kept alive so AST ids stay unique). */
  pinned: Map<number, { e: BV; v: bigint }>;
  /** Visits of branching JUMPIs by loop key (see jumpi). */
  visits: Map<string, number>;
  steps: number;
  /** pc of the instruction being run, for where an unknown path ended. */
  at: number;
  end: PathEndInfo | undefined;
}

export function clonePath(s: PathState): PathState {
  return {
    ...s,
    world: cloneWorld(s.world),
    frames: s.frames.map(cloneFrame),
    logs: s.logs.slice(),
    pinned: new Map(s.pinned),
    visits: new Map(s.visits),
    notes: s.notes.slice(),
  };
}

export function topFrame(s: PathState): Frame {
  return s.frames[s.frames.length - 1]!;
}

/** Adds a fact to the path (not a branch): keccak axioms, transaction validity. */
export function assume(s: SymbolicState, c: Cond): void {
  if (c === true) return;
  if (c === false) throw new Infeasible();
  s.path = extendPath(s.path, c);
  if (s.model !== undefined && !c.ctx.isTrue(s.model.eval(c, true))) {
    s.near = s.model;
    s.model = undefined;
  }
}

export function note(s: SymbolicState, text: string): void {
  if (!s.notes.includes(text)) s.notes = [...s.notes, text];
}
