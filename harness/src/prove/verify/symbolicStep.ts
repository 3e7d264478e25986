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
  let from: Word;
  if (senders.length === 1) from = BigInt(senders[0]!);
  else {
    const v = ctx.BitVec.const(`${o.prefix}sender`, 160);
    facts.push(ctx.Or(...senders.map((a) => v.eq(ctx.BitVec.val(BigInt(a), 160)))));
    from = sym(v.zeroExt(96) as BV);
  }
  const value: Word = target.fn.stateMutability === 'payable' ? sym(ctx.BitVec.const(`${o.prefix}value`, 256) as BV) : 0n;
  const dt = ctx.BitVec.const(`${o.prefix}timeDelta`, 64);
  const db = ctx.BitVec.const(`${o.prefix}blockDelta`, 64);
  facts.push(dt.ule(ctx.BitVec.val(o.maxTimeDelay, 64)), db.ule(ctx.BitVec.val(o.maxBlockDelay, 64)));
  const timeDelta = sym(dt.zeroExt(192) as BV);
  const blockDelta = sym(db.zeroExt(192) as BV);
  if (session.addressArgs === 'actors') facts.push(...actorArguments(ctx, target.fn, o.prefix, session.deployment.actors));
  for (const f of facts) assume(s, f);
  const tx = concreteTx(from, { timestamp: add(ctx, clock.timestamp, timeDelta.e), number: add(ctx, clock.number, blockDelta.e) });
  const to = BigInt(target.contract.address);
  const { variants, complete } = symbolicCalldata(ctx, target.fn, { prefix: o.prefix });
  return {
    state: s,
    steps: variants.map((v) => ({ target, call: { from, to, value, calldata: v.cells }, tx, timeDelta, blockDelta, layout: v.layout })),
    complete,
  };
}

/** Top-level address arguments among the actors, as the fuzzer draws them under `addresses: 'actors'`. */
function actorArguments(ctx: Ctx, fn: AbiFunction, prefix: string, actors: readonly Hex[]): BoolExpr[] {
  return fn.inputs.flatMap((p, k) => {
    if (p.type !== 'address') return [];
    const v = ctx.BitVec.const(`${prefix}${p.name || `arg${k}`}`, 160);
    return [ctx.Or(...actors.map((a) => v.eq(ctx.BitVec.val(BigInt(a), 160))))];
  });
}
