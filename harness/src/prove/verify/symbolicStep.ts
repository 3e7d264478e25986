import type { AbiFunction, Hex } from 'viem';
import type { SpecSession } from '../../campaign/SpecSession.js';
import type { TargetFunction } from '../../fuzz/TargetFunction.js';
import { symbolicCalldata } from '../calldata/symbolicCalldata.js';
import type { TxEnv } from '../exec/ExecEnv.js';
import { assume, type SymbolicState } from '../exec/PathState.js';
import { concreteTx } from '../explore/txEnv.js';
import type { SymbolicCall } from '../explore/types.js';
import { knownAddresses } from './initialState.js';
import { sym, type BV, type BoolExpr, type Ctx, type Word } from '../word/Word.js';

/** One symbolic call of a sequence: what the model fills in to make it concrete. */
export interface SymbolicStep {
  target: TargetFunction;
  /** The state the call starts from: the sequence's, with the facts of this call's choices. */
  pre: SymbolicState;
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
  /**
   * Split address arguments into known addresses plus "other" (default). From any storage
   * (inductive steps) known keys buy nothing and the cases cost time: off there, unless
   * the spec draws addresses from the actors only.
   */
  splitAddresses?: boolean;
}

const add = (ctx: Ctx, a: Word, b: BV): Word => sym((typeof a === 'bigint' ? ctx.BitVec.val(a, 256) : a.e).add(b) as BV);

/**
 * The calls of one target function with everything symbolic the fuzzer may choose: the
 * sender among the spec's senders, the value (payable functions only: others revert on
 * it), each argument, and the time and block jumps before it. An address argument is split
 * into cases: each actor when the spec draws them from there; otherwise each address the
 * spec knows (contracts, actors, senders) and one symbolic "other" address distinct from
 * all of them, which together cover every address. Each case is a step with concrete
 * words where it can (mapping slots of known keys are real hashes, not keccak terms the
 * solver must keep apart), and its facts in its own `pre`.
 */
export function symbolicStep(ctx: Ctx, session: SpecSession, target: TargetFunction, state: SymbolicState, clock: BlockClock, o: StepOptions): { steps: SymbolicStep[]; complete: boolean } {
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
  const onlyActors = session.addressArgs === 'actors';
  const addressArgs = onlyActors || (o.splitAddresses ?? true) ? topLevelAddresses(target.fn, o.prefix) : [];
  const pool = (onlyActors ? session.deployment.actors : knownAddresses(session)).map((a) => BigInt(a));
  const choices: (bigint | typeof OTHER)[] = onlyActors ? pool : [...pool, OTHER];
  const cases = senders.length * choices.length ** addressArgs.length;
  const steps: SymbolicStep[] = [];
  const withFacts = (extra: readonly BoolExpr[]) => {
    const pre: SymbolicState = { ...state };
    for (const f of [...facts, ...extra]) assume(pre, f);
    return pre;
  };
  let complete = true;
  if (cases <= MAX_CONCRETE_CASES) {
    for (const sender of senders) {
      for (const choice of combinations(choices, addressArgs.length)) {
        const fixed = new Map<string, bigint>();
        const others: BoolExpr[] = [];
        addressArgs.forEach((name, k) => {
          const c = choice[k]!;
          if (c !== OTHER) fixed.set(name, c);
          else others.push(...pool.map((a) => ctx.Not(ctx.BitVec.const(name, 160).eq(ctx.BitVec.val(a, 160)))));
        });
        const cd = symbolicCalldata(ctx, target.fn, { prefix: o.prefix, fixed });
        complete &&= cd.complete;
        const tx = block(BigInt(sender));
        const pre = withFacts(others);
        for (const v of cd.variants) steps.push({ target, pre, call: { from: BigInt(sender), to, value, calldata: v.cells }, tx, timeDelta, blockDelta, layout: v.layout });
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
    if (onlyActors) {
      for (const name of addressArgs) {
        const v = ctx.BitVec.const(name, 160);
        facts.push(ctx.Or(...pool.map((a) => v.eq(ctx.BitVec.val(a, 160)))));
      }
    }
    const cd = symbolicCalldata(ctx, target.fn, { prefix: o.prefix });
    complete = cd.complete;
    const tx = block(from);
    const pre = withFacts([]);
    for (const v of cd.variants) steps.push({ target, pre, call: { from, to, value, calldata: v.cells }, tx, timeDelta, blockDelta, layout: v.layout });
  }
  return { steps, complete };
}

/** The address case "none of the known ones". */
const OTHER = Symbol('other address');

/** Past this many sender × argument choices one symbolic call with disjunctions is cheaper. */
const MAX_CONCRETE_CASES = 160;

/** Leaf names of the top-level address arguments. */
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
