import type { AbiFunction, Hex } from 'viem';
import type { SpecSession } from '../../campaign/SpecSession.js';
import type { TargetFunction } from '../../fuzz/TargetFunction.js';
import { symbolicCalldata } from '../calldata/symbolicCalldata.js';
import type { TxEnv } from '../exec/ExecEnv.js';
import { assume, type SymbolicState } from '../exec/PathState.js';
import { concreteTx } from '../explore/txEnv.js';
import type { SymbolicCall } from '../explore/types.js';
import { sym, type BV, type BoolExpr, type Ctx, type Word } from '../word/Word.js';

/** One symbolic call of a sequence: what the model fills in to make it concrete. */
export interface SymbolicStep {
  target: TargetFunction;
  call: SymbolicCall;
  tx: TxEnv;
  /** Seconds and blocks the chain advances before the call (the FuzzCall's deltas). */
  timeDelta: Word;
  blockDelta: Word;
  /** Dynamic lengths fixed by this calldata variant (a bound of the proof). */
  layout: string[];
}

/** The block a sequence has reached: the set-up block plus the deltas so far. */
export interface BlockClock {
  timestamp: Word;
  number: Word;
}

export interface StepOptions {
  /** Name prefix, unique per call of a sequence. */
  prefix: string;
  /** The fuzzer's bounds on time jumps; the prover explores the same ones. */
  maxTimeDelay: bigint;
  maxBlockDelay: bigint;
  /** The senders this call may come from (default: the spec's). */
  senders?: readonly Hex[];
}

const add = (ctx: Ctx, a: Word, b: BV): Word => sym((typeof a === 'bigint' ? ctx.BitVec.val(a, 256) : a.e).add(b) as BV);

/**
 * The calls of one target function with everything symbolic the fuzzer may choose: the
 * sender among the spec's senders, the value (payable functions only: others revert on
 * it), each argument (address arguments among the actors when the spec draws them from
 * there), and the time and block jumps before it. One call per calldata layout; the
 * facts about the choices are added to a copy of `state`.
 */
export function symbolicStep(ctx: Ctx, session: SpecSession, target: TargetFunction, state: SymbolicState, clock: BlockClock, o: StepOptions): { state: SymbolicState; steps: SymbolicStep[]; complete: boolean } {
  const s: SymbolicState = { ...state };
  const facts: BoolExpr[] = [];
  const senders = o.senders ?? session.senders;
  const value: Word = target.fn.stateMutability === 'payable' ? sym(ctx.BitVec.const(`${o.prefix}value`, 256) as BV) : 0n;
  const dt = ctx.BitVec.const(`${o.prefix}timeDelta`, 64);
  const db = ctx.BitVec.const(`${o.prefix}blockDelta`, 64);
  facts.push(dt.ule(ctx.BitVec.val(o.maxTimeDelay, 64)), db.ule(ctx.BitVec.val(o.maxBlockDelay, 64)));
  const timeDelta = sym(dt.zeroExt(192) as BV);
  const blockDelta = sym(db.zeroExt(192) as BV);
  const block = (from: Word) => concreteTx(from, { timestamp: add(ctx, clock.timestamp, timeDelta.e), number: add(ctx, clock.number, blockDelta.e) });
  const to = BigInt(target.contract.address);
  const addressArgs = session.addressArgs === 'actors' ? topLevelAddresses(target.fn, o.prefix) : [];
  const actors = session.deployment.actors.map((a) => BigInt(a));
  const cases = senders.length * actors.length ** addressArgs.length;
  const steps: SymbolicStep[] = [];
  let complete = true;
  if (cases <= MAX_CONCRETE_CASES) {
    // Each choice of sender and actor arguments explored on its own, with concrete words:
    // mapping slots of known keys are then real hashes, not keccak terms the solver must
    // keep apart (a token's bounded step went from ~17 s per query to well under one).
    for (const sender of senders) {
      for (const choice of combinations(actors, addressArgs.length)) {
        const fixed = new Map(addressArgs.map((name, k) => [name, choice[k]!]));
        const cd = symbolicCalldata(ctx, target.fn, { prefix: o.prefix, fixed });
        complete &&= cd.complete;
        const tx = block(BigInt(sender));
        for (const v of cd.variants) steps.push({ target, call: { from: BigInt(sender), to, value, calldata: v.cells }, tx, timeDelta, blockDelta, layout: v.layout });
      }
    }
  } else {
    let from: Word;
    if (senders.length === 1) from = BigInt(senders[0]!);
    else {
      const v = ctx.BitVec.const(`${o.prefix}sender`, 160);
      facts.push(ctx.Or(...senders.map((a) => v.eq(ctx.BitVec.val(BigInt(a), 160)))));
      from = sym(v.zeroExt(96) as BV);
    }
    for (const name of addressArgs) {
      const v = ctx.BitVec.const(name, 160);
      facts.push(ctx.Or(...actors.map((a) => v.eq(ctx.BitVec.val(a, 160)))));
    }
    const cd = symbolicCalldata(ctx, target.fn, { prefix: o.prefix });
    complete = cd.complete;
    const tx = block(from);
    for (const v of cd.variants) steps.push({ target, call: { from, to, value, calldata: v.cells }, tx, timeDelta, blockDelta, layout: v.layout });
  }
  for (const f of facts) assume(s, f);
  return { state: s, steps, complete };
}

/** Past this many sender × argument choices one symbolic call with disjunctions is cheaper. */
const MAX_CONCRETE_CASES = 64;

/** Leaf names of the top-level address arguments, drawn from the actors under `addresses: 'actors'`. */
function topLevelAddresses(fn: AbiFunction, prefix: string): string[] {
  return fn.inputs.flatMap((p, k) => (p.type === 'address' ? [`${prefix}${p.name || `arg${k}`}`] : []));
}

function* combinations<T>(items: readonly T[], n: number): Generator<T[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (const rest of combinations(items, n - 1)) for (const x of items) yield [...rest, x];
}
