import { keccak_256 } from '@noble/hashes/sha3.js';
import { packCells, type Cell } from '../bytes/Cell.js';
import type { ExecEnv } from '../exec/ExecEnv.js';
import { assume, type KeccakApp, type SymbolicState } from '../exec/PathState.js';
import { sym, type BV, type BoolExpr, type Ctx, type Word } from '../word/Word.js';

/** Hash results are assumed at least this far from each other and from 0 and 2^256 (array slots: h + i). */
export const KECCAK_GAP = 1n << 64n;
const GAP = KECCAK_GAP;

export function keccakBytes(bytes: Uint8Array): bigint {
  let h = 0n;
  for (const b of keccak_256(bytes)) h = (h << 8n) | BigInt(b);
  return h;
}

function bigintToBytes(x: bigint, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let k = len - 1; k >= 0; k--) {
    out[k] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function far(ctx: Ctx, a: BV, b: BV | bigint): BoolExpr {
  const gap = ctx.BitVec.val(GAP, 256);
  const bb = typeof b === 'bigint' ? ctx.BitVec.val(b, 256) : b;
  return ctx.And(a.sub(bb).uge(gap), bb.sub(a).uge(gap));
}

/** f(c) = keccak(c) and inv(keccak(c)) = c, once per path, before a known hash meets a symbolic one. */
function define(s: SymbolicState, x: ExecEnv, app: KeccakApp): void {
  const key = `${app.len}:${app.out as bigint}`;
  if (s.keccakDefined.has(key)) return;
  s.keccakDefined = new Set(s.keccakDefined).add(key);
  const ctx = x.ctx;
  const input = ctx.BitVec.val(app.input as bigint, app.len * 8) as BV;
  const out = ctx.BitVec.val(app.out as bigint, 256) as BV;
  assume(s, x.keccak.apply(app.len, input).eq(out));
  assume(s, x.keccak.inverse(app.len, out).eq(input));
}

/**
 * The axioms linking a symbolic application `t` with another one `u`: equal inputs give
 * equal hashes (the function does that), different ones give hashes far apart (array
 * elements at h + i never meet). A known application of the same length is only defined
 * (f(c) = keccak(c)); across lengths, collisions are assumed away.
 */
function link(s: SymbolicState, x: ExecEnv, t: KeccakApp, u: KeccakApp): void {
  const ctx = x.ctx;
  const tOut = t.out as BV;
  // With f(c) = H and inv(H) = c, injectivity already keeps f(x) off H unless x = c.
  if (typeof u.out === 'bigint' && u.len === t.len) return define(s, x, u);
  const sameInput =
    u.len === t.len ? (t.input as BV).eq(typeof u.input === 'bigint' ? ctx.BitVec.val(u.input, u.len * 8) : u.input) : undefined;
  const apart = far(ctx, tOut, u.out);
  assume(s, sameInput === undefined ? apart : ctx.Or(sameInput, apart));
}

/**
 * KECCAK256 over cells. Known bytes are hashed for real and remembered; symbolic input
 * becomes an application of the per-length function, with injectivity (inverse), range
 * (away from 0 and from wrapping) and separation axioms against every other application
 * on the path. These are the collision-resistance assumptions every symbolic EVM makes.
 */
export function keccakOf(s: SymbolicState, x: ExecEnv, cells: readonly Cell[]): Word {
  const len = cells.length;
  const packed = len === 0 ? 0n : packCells(cells, 0, len);
  if (typeof packed === 'bigint') {
    const out = keccakBytes(bigintToBytes(packed, len));
    if (len === 0) return out;
    if (!s.keccak.some((a) => a.len === len && a.input === packed)) {
      const app: KeccakApp = { len, input: packed, out };
      for (const t of s.keccak) if (typeof t.out !== 'bigint') link(s, x, t, app);
      s.keccak = [...s.keccak, app];
    }
    return out;
  }
  for (const a of s.keccak) {
    if (a.len === len && typeof a.input !== 'bigint' && a.input.eqIdentity(packed)) return sym(a.out as BV);
  }
  const ctx = x.ctx;
  const out = x.keccak.apply(len, packed);
  const app: KeccakApp = { len, input: packed, out };
  assume(s, x.keccak.inverse(len, out).eq(packed));
  assume(s, ctx.And(out.uge(ctx.BitVec.val(GAP, 256)), out.ule(ctx.BitVec.val((1n << 256n) - GAP, 256))));
  for (const u of s.keccak) link(s, x, app, u);
  s.keccak = [...s.keccak, app];
  return sym(out);
}

/** Known preimages (e.g. mapping keys of a concrete state) as applications a path starts with. */
export function knownKeccakApps(preimages: readonly Uint8Array[]): KeccakApp[] {
  const seen = new Set<string>();
  const out: KeccakApp[] = [];
  for (const p of preimages) {
    if (p.length === 0) continue;
    let input = 0n;
    for (const b of p) input = (input << 8n) | BigInt(b);
    const key = `${p.length}:${input}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ len: p.length, input, out: keccakBytes(p) });
  }
  return out;
}
