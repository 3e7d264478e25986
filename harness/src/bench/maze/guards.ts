import { ARGS, type Arg, type Guard, type GuardKind } from './Maze.js';
import type { MazeRandom } from './MazeRandom.js';

export const U64_MAX = (1n << 64n) - 1n;
export type MoveArgs = Record<Arg, bigint>;

const KINDS: readonly GuardKind[] = ['eq', 'lt', 'gt', 'range', 'xor', 'sum', 'mod', 'order', 'byte', 'linear'];

/**
 * One random condition: equality to a constant, a bound, a narrow range, a relation
 * between two arguments (xor, sum, order, linear), a residue, a byte test. Every kind
 * is drawn with the same probability, and constants come from `MazeRandom.word()`.
 */
export function randomGuard(rnd: MazeRandom): Guard {
  const v = rnd.pick(ARGS);
  const u = rnd.pick(ARGS.filter((x) => x !== v));
  const kind = rnd.pick(KINDS);
  switch (kind) {
    case 'eq':
    case 'lt':
    case 'gt':
      return { kind, v, k: rnd.word() };
    case 'range': {
      const lo = rnd.word();
      const span = (1n << BigInt(rnd.int(0, 40))) - 1n;
      return { kind, v, lo, hi: lo + span > U64_MAX ? U64_MAX : lo + span };
    }
    case 'xor':
      return { kind, v, u, k: rnd.word() };
    case 'sum':
      return { kind, u, v, k: rnd.word() + rnd.word() };
    case 'mod': {
      const m = rnd.int(2, 64);
      return { kind, v, m: BigInt(m), r: BigInt(rnd.int(0, m - 1)) };
    }
    case 'order':
      return { kind, u, v };
    case 'byte':
      return { kind, v, shift: 8 * rnd.int(0, 7), k: BigInt(rnd.int(0, 255)) };
    case 'linear':
      return { kind, u, v, m: BigInt(rnd.int(2, 9)), k: rnd.word() };
  }
}

/** A guard that can never hold together with `g` (same arguments, incompatible constant or direction). */
export function contradict(g: Guard): Guard {
  const other = (k: bigint) => (k === U64_MAX ? k - 1n : k + 1n);
  switch (g.kind) {
    case 'eq':
      return { ...g, k: other(g.k) };
    case 'lt':
      return { kind: 'gt', v: g.v, k: g.k };
    case 'gt':
      return { kind: 'lt', v: g.v, k: g.k };
    case 'range':
      return { kind: 'lt', v: g.v, k: g.lo };
    case 'xor':
    case 'sum':
    case 'linear':
      return { ...g, k: other(g.k) };
    case 'mod':
      return { ...g, r: (g.r + 1n) % g.m };
    case 'order':
      return { kind: 'order', u: g.v, v: g.u };
    case 'byte':
      return { ...g, k: (g.k + 1n) & 0xffn };
  }
}

/** The guard as a Solidity boolean expression over the uint64 parameters `a`, `b`, `c`. */
export function guardToSolidity(g: Guard): string {
  const n = literal;
  switch (g.kind) {
    case 'eq':
      return `${g.v} == ${n(g.k)}`;
    case 'lt':
      return `${g.v} < ${n(g.k)}`;
    case 'gt':
      return `${g.v} > ${n(g.k)}`;
    case 'range':
      return `${g.v} >= ${n(g.lo)} && ${g.v} <= ${n(g.hi)}`;
    case 'xor':
      return `${g.v} == (${g.u} ^ ${n(g.k)})`;
    case 'sum':
      return `uint256(${g.u}) + uint256(${g.v}) == ${n(g.k)}`;
    case 'mod':
      return `${g.v} % ${n(g.m)} == ${n(g.r)}`;
    case 'order':
      return `${g.u} < ${g.v}`;
    case 'byte':
      return `((${g.v} >> ${g.shift}) & 0xff) == ${n(g.k)}`;
    case 'linear':
      return `uint256(${g.u}) * ${n(g.m)} + ${n(g.k)} == uint256(${g.v})`;
  }
}

/** Whether the guard holds for concrete arguments (the Solidity semantics, in bigint). */
export function evalGuard(g: Guard, args: MoveArgs): boolean {
  switch (g.kind) {
    case 'eq':
      return args[g.v] === g.k;
    case 'lt':
      return args[g.v] < g.k;
    case 'gt':
      return args[g.v] > g.k;
    case 'range':
      return args[g.v] >= g.lo && args[g.v] <= g.hi;
    case 'xor':
      return args[g.v] === (args[g.u] ^ g.k);
    case 'sum':
      return args[g.u] + args[g.v] === g.k;
    case 'mod':
      return args[g.v] % g.m === g.r;
    case 'order':
      return args[g.u] < args[g.v];
    case 'byte':
      return ((args[g.v] >> BigInt(g.shift)) & 0xffn) === g.k;
    case 'linear':
      return args[g.u] * g.m + g.k === args[g.v];
  }
}

function literal(k: bigint): string {
  return k < 1000n ? k.toString() : `0x${k.toString(16)}`;
}
