/** The three `uint64` arguments every move function takes. */
export type Arg = 'a' | 'b' | 'c';
export const ARGS: readonly Arg[] = ['a', 'b', 'c'];

/**
 * One condition over a move's arguments; a bug triggers when all of its guards hold
 * (nested `if`s in Solidity). Arithmetic is over uint256, so it never overflows.
 */
export type Guard =
  | { kind: 'eq'; v: Arg; k: bigint } // v == k
  | { kind: 'lt'; v: Arg; k: bigint } // v < k
  | { kind: 'gt'; v: Arg; k: bigint } // v > k
  | { kind: 'range'; v: Arg; lo: bigint; hi: bigint } // lo <= v && v <= hi
  | { kind: 'xor'; v: Arg; u: Arg; k: bigint } // v == (u ^ k)
  | { kind: 'sum'; u: Arg; v: Arg; k: bigint } // u + v == k
  | { kind: 'mod'; v: Arg; m: bigint; r: bigint } // v % m == r
  | { kind: 'order'; u: Arg; v: Arg } // u < v
  | { kind: 'byte'; v: Arg; shift: number; k: bigint } // (v >> shift) & 0xff == k
  | { kind: 'linear'; u: Arg; v: Arg; m: bigint; k: bigint }; // u * m + k == v

export type GuardKind = Guard['kind'];

/**
 * What the generator meant a bug to be. Reachability is computed independently
 * (findReachableBugs); `intent` only says which unreachable bugs were made on purpose.
 */
export type BugIntent = 'open' | 'walled' | 'contradictory';

export interface MazeBug {
  /** 0-based, also the bit of the forge variant's `bugsHit` mask. */
  id: number;
  x: number;
  y: number;
  /** Outermost first. */
  guards: Guard[];
  intent: BugIntent;
}

export interface Maze {
  seed: number;
  width: number;
  height: number;
  /** Row-major, `walls[y * width + x]`. */
  walls: boolean[];
  start: { x: number; y: number };
  bugs: MazeBug[];
}

export type Direction = 'North' | 'South' | 'West' | 'East';
export const DIRECTIONS: readonly { dir: Direction; dx: number; dy: number }[] = [
  { dir: 'North', dx: 0, dy: -1 },
  { dir: 'South', dx: 0, dy: 1 },
  { dir: 'West', dx: -1, dy: 0 },
  { dir: 'East', dx: 1, dy: 0 },
];

/** Bit-vectors are at most 256 bits, so the wall mask is one Solidity constant. */
export const MAX_CELLS = 256;
