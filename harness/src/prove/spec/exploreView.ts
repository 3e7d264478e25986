import { toFunctionSelector, type AbiFunction } from 'viem';
import { cellsToWord, wordToCells, type Cell } from '../bytes/Cell.js';
import { pathNodes, type PathCond } from '../exec/PathCond.js';
import type { KeccakApp, SymbolicState } from '../exec/PathState.js';
import { lift, type BoolExpr, type BV, type Word } from '../word/Word.js';
import type { CheckEnv } from './CheckEnv.js';
import type { BoolTerm, IntTerm, JsVal } from './jsValues.js';

/** What one view call does, over all of its paths from the state. */
export interface ViewOutcome {
  /** The decoded answer on success paths (any value elsewhere). */
  v: JsVal;
  /** Paths that revert or halt: CheckRunner's broken check. */
  rev: BoolTerm;
  /** Success paths whose answer does not decode (MalformedReturnData: the check throws). */
  thr: BoolTerm;
  /** One of the paths holds in every real execution (the exploration is complete). */
  fact: BoolTerm;
  unknown?: string;
}

/** Names and keccak applications shared by every exploration of one check, so none collide. */
export interface ViewContext {
  fresh: number;
  keccak: readonly KeccakApp[];
  /** Same call on the same state: same outcome (checks often read one balance twice). */
  cache: Map<string, ViewOutcome>;
}

/**
 * Runs `fn(args)` symbolically from `base` as CheckRunner's static call does (from the
 * view sender, no value) and folds its end paths into one value: an `ite` over the
 * success paths' conditions, beyond the state's own path.
 */
export async function exploreView(
  env: CheckEnv,
  view: ViewContext,
  base: SymbolicState,
  address: bigint,
  fn: AbiFunction,
  words: readonly Word[],
): Promise<ViewOutcome> {
  const { ctx } = env;
  const selector = BigInt(toFunctionSelector(fn));
  const calldata: Cell[] = [0, 1, 2, 3].map((k) => Number((selector >> BigInt(8 * (3 - k))) & 0xffn));
  for (const w of words) calldata.push(...wordToCells(w));
  const key = `${base === env.state ? 'now' : 'pre'}|${address}|${fn.name}|${words.map((w) => (typeof w === 'bigint' ? w.toString() : w.e.sexpr())).join(',')}`;
  const cached = view.cache.get(key);
  if (cached) return cached;

  // The check's state path (a superset of `pre`'s): the view's conditions are the nodes after it.
  const start: SymbolicState = { ...base, path: env.state.path, model: env.state.model, fresh: view.fresh, keccak: view.keccak };
  const result = await env.sevm.explore({
    state: start,
    call: { from: env.viewSender, to: address, value: 0n, calldata },
    tx: env.tx,
    options: { nestedOutOfGas: false, ...env.options },
  });
  const no = ctx.Bool.val(false);
  const output = fn.outputs.length === 1 ? fn.outputs[0]!.type : undefined;
  let unknown = result.budget ? `view ${fn.name}: ${result.budget} budget hit` : undefined;
  if (output === undefined || !decodable(output)) unknown ??= `view ${fn.name} returns (${fn.outputs.map((o) => o.type).join(',')}), which is not modelled`;
  const successes: { pc: BoolExpr; value: IntTerm | BoolTerm }[] = [];
  const reverts: BoolExpr[] = [];
  const malformed: BoolExpr[] = [];
  const all: BoolExpr[] = [];
  const keccak = new Set(view.keccak);
  for (const path of result.paths) {
    view.fresh = Math.max(view.fresh, path.fresh);
    for (const app of path.keccak) keccak.add(app);
    const pc = conditionAfter(ctx, path.path, env.state.path);
    all.push(pc);
    if (path.status === 'unknown') unknown ??= `view ${fn.name}: ${path.unknown ?? 'unknown'} (${path.reason ?? ''})`;
    else if (path.status !== 'success') reverts.push(pc);
    else if (path.returnData.length < 32) malformed.push(pc);
    else if (output !== undefined && decodable(output)) successes.push({ pc, value: decode(env, output, lift(ctx, cellsToWord(path.returnData, 0))) });
  }
  view.keccak = [...keccak];
  const type = output === undefined ? 'bigint' : jsType(output);
  let value: IntTerm | BoolTerm = type === 'bool' ? ctx.Bool.const(`view!${view.fresh}`) : ctx.Int.const(`view!${view.fresh}`);
  view.fresh++;
  // Where no success path holds the check is false (a revert) or the facts are: the value
  // there is never read, so the last success's value serves, and keeps the term free of
  // unbounded integers (see unsignedBitVec).
  const last = successes.pop();
  if (last !== undefined) value = last.value;
  for (const s of successes.reverse()) value = ctx.If(s.pc, s.value as never, value as never) as IntTerm | BoolTerm;
  const outcome: ViewOutcome = {
    v: { t: type, e: value } as JsVal,
    rev: reverts.length ? ctx.Or(...reverts) : no,
    thr: malformed.length ? ctx.Or(...malformed) : no,
    fact: all.length ? ctx.Or(...all) : no,
    ...(unknown === undefined ? {} : { unknown }),
  };
  view.cache.set(key, outcome);
  return outcome;
}

function conditionAfter(ctx: CheckEnv['ctx'], path: PathCond | undefined, prefix: PathCond | undefined): BoolExpr {
  const conds: BoolExpr[] = [];
  for (let n = path; n !== undefined && n !== prefix; n = n.prev) conds.push(n.cond);
  if (conds.length === 0) return ctx.Bool.val(true);
  // The walk must end on the prefix: the explorer extends the path it is given.
  if (prefix !== undefined && !pathNodes(path).includes(prefix)) throw new Error('internal: view path does not extend the state path');
  return conds.length === 1 ? conds[0]! : ctx.And(...conds.reverse());
}

function decodable(type: string): boolean {
  return /^u?int\d*$/.test(type) || type === 'address' || type === 'bool';
}

/** viem's decoding: uintN/intN of more than 48 bits are bigints, smaller ones numbers; addresses the low 20 bytes. */
export function jsType(type: string): JsVal['t'] {
  if (type === 'bool') return 'bool';
  if (type === 'address') return 'address';
  const bits = Number(/\d+$/.exec(type)?.[0] ?? 256);
  return bits > 48 ? 'bigint' : 'number';
}

export function decode(env: CheckEnv, type: string, word: BV): IntTerm | BoolTerm {
  const { ctx } = env;
  if (type === 'bool') return word.neq(ctx.BitVec.val(0n, 256));
  if (type === 'address') return ctx.BV2Int(ctx.Extract(159, 0, word) as BV, false);
  return ctx.BV2Int(word, type.startsWith('int'));
}
