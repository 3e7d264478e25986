import type { AbiFunction } from 'viem';
import { cellsToWord } from '../bytes/Cell.js';
import { lift, sym, type BV, type Word } from '../word/Word.js';
import type { CheckEnv, CheckValue } from './CheckEnv.js';
import type { CheckIR, Expr } from './CheckIR.js';
import { decode, exploreView, jsType, type ViewContext } from './exploreView.js';
import { binaryOp, constant, jsFalse, truthy, type BoolTerm, type IntTerm, type JsVal } from './jsValues.js';

export type { CheckEnv, CheckValue } from './CheckEnv.js';

/**
 * An evaluation's outcome: its value, or the first abort on the way there. `rev` (a
 * view call reverted) and `thr` (JS threw) exclude each other: whichever came first in
 * JS's left-to-right, short-circuiting order.
 */
interface Out {
  v: JsVal;
  rev: BoolTerm;
  thr: BoolTerm;
}

interface Walk {
  env: CheckEnv;
  view: ViewContext;
  facts: BoolTerm[];
  unknown?: string;
}

/**
 * The check's value on a symbolic state as a Z3 Bool (view calls executed symbolically
 * from `state`; for properties, `pre` is the state before the call and `call` its
 * symbolic sender/args/value). See CheckValue for what `holds` and `throws` mean.
 */
export async function evaluateCheck(check: CheckIR, env: CheckEnv): Promise<CheckValue> {
  const { ctx } = env;
  const walk: Walk = { env, view: { fresh: Math.max(env.state.fresh, env.pre?.fresh ?? 0), keccak: env.state.keccak, cache: new Map() }, facts: [] };
  const out = await evaluate(walk, check.body, new Map());
  // A check must return a boolean: anything else is INVARIANT_THREW.
  const ok = ctx.And(ctx.Not(out.rev), ctx.Not(out.thr));
  const value = out.v.t === 'bool' ? out.v.e : ctx.Bool.val(false);
  const throws = out.v.t === 'bool' ? out.thr : ctx.Or(out.thr, ctx.And(ctx.Not(out.rev), ctx.Not(out.thr)));
  const facts = ctx.And(...walk.facts);
  return {
    holds: (await ctx.simplify(ctx.Implies(facts, ctx.And(ok, value)))) as BoolTerm,
    throws: (await ctx.simplify(ctx.And(facts, throws))) as BoolTerm,
    ...(walk.unknown === undefined ? {} : { unknown: walk.unknown }),
  };
}

type Scope = ReadonlyMap<string, JsVal>;

function pure(walk: Walk, v: JsVal): Out {
  const no = walk.env.ctx.Bool.val(false);
  return { v, rev: no, thr: no };
}

function markUnknown(walk: Walk, reason: string): Out {
  walk.unknown ??= reason;
  return pure(walk, jsFalse(walk.env.ctx));
}

/** Runs `next` only where `first` did not abort: the aborts of both, in order. */
async function then(walk: Walk, first: Out, next: (v: JsVal) => Promise<Out> | Out): Promise<Out> {
  const { ctx } = walk.env;
  const second = await next(first.v);
  const goes = ctx.And(ctx.Not(first.rev), ctx.Not(first.thr));
  return { v: second.v, rev: ctx.Or(first.rev, ctx.And(goes, second.rev)), thr: ctx.Or(first.thr, ctx.And(goes, second.thr)) };
}

/** `reached` decides whether `part` runs at all (short-circuit). */
function only(walk: Walk, reached: BoolTerm, part: Out): Out {
  const { ctx } = walk.env;
  return { v: part.v, rev: ctx.And(reached, part.rev), thr: ctx.And(reached, part.thr) };
}

async function evaluate(walk: Walk, e: Expr, scope: Scope): Promise<Out> {
  const { ctx } = walk.env;
  switch (e.k) {
    case 'bigint':
      return pure(walk, { t: 'bigint', e: ctx.Int.val(e.value) });
    case 'number':
      if (!Number.isSafeInteger(e.value)) return markUnknown(walk, `number ${e.value} (only safe integers are modelled)`);
      return pure(walk, { t: 'number', e: ctx.Int.val(BigInt(e.value)) });
    case 'bool':
      return pure(walk, { t: 'bool', e: ctx.Bool.val(e.value) });
    case 'var': {
      const v = scope.get(e.name);
      if (!v) throw new Error(`internal: unbound ${e.name}`);
      return pure(walk, v);
    }
    case 'let': {
      const value = await evaluate(walk, e.value, scope);
      return then(walk, value, (v) => evaluate(walk, e.body, new Map(scope).set(e.name, v)));
    }
    case 'neg':
      return then(walk, await evaluate(walk, e.arg, scope), (v) =>
        v.t === 'bigint' || v.t === 'number' ? pure(walk, { t: v.t, e: v.e.neg() }) : markUnknown(walk, `unary - on ${v.t}`),
      );
    case 'not':
      return then(walk, await evaluate(walk, e.arg, scope), (v) => pure(walk, { t: 'bool', e: ctx.Not(truthy(ctx, v)) }));
    case 'binary': {
      const left = await evaluate(walk, e.left, scope);
      const right = await evaluate(walk, e.right, scope);
      return then(walk, left, (l) =>
        then(walk, right, async (r) => {
          const res = await binaryOp(ctx, e.op, l, r);
          if (res.unknown) walk.unknown ??= res.unknown;
          return { v: res.v, rev: ctx.Bool.val(false), thr: res.thr };
        }),
      );
    }
    case 'and':
    case 'or':
    case 'cond':
      return branch(walk, e, scope);
    case 'implies': {
      const left = await evaluate(walk, e.left, scope);
      const right = await evaluate(walk, e.right, scope);
      return then(walk, left, (a) =>
        then(walk, right, (b) =>
          a.t === 'bool' && b.t === 'bool' ? pure(walk, { t: 'bool', e: ctx.Or(ctx.Not(a.e), b.e) }) : markUnknown(walk, 'implies on non-booleans'),
        ),
      );
    }
    case 'quant':
      return quantifier(walk, e, scope);
    case 'callField':
      return callField(walk, e.field);
    case 'callArg':
      return callArg(walk, e.index);
    case 'contractAddress': {
      const c = walk.env.contracts.get(e.contract);
      if (c === undefined) return markUnknown(walk, `no contract ${e.contract} in the proof environment`);
      return pure(walk, { t: 'address', e: walk.env.ctx.Int.val(BigInt(c.address)) });
    }
    case 'view':
      return viewCall(walk, e, scope);
  }
}

/** `&&`, `||` and `?:` evaluate their right side only when the left one says so. */
async function branch(walk: Walk, e: Extract<Expr, { k: 'and' | 'or' | 'cond' }>, scope: Scope): Promise<Out> {
  const { ctx } = walk.env;
  const test = await evaluate(walk, e.k === 'cond' ? e.test : e.left, scope);
  const decided = test.v.t === 'bool' ? (ctx.isTrue(test.v.e) ? true : ctx.isFalse(test.v.e) ? false : undefined) : undefined;
  // A side the left one rules out is never evaluated (JS does not run it): `call.reverted || call.result …`.
  if (decided !== undefined) {
    if (e.k === 'cond') return then(walk, test, () => evaluate(walk, decided ? e.then : e.else, scope));
    if (decided === (e.k === 'or')) return test;
  }
  const a = await evaluate(walk, e.k === 'cond' ? e.then : e.right, scope);
  const b = e.k === 'cond' ? await evaluate(walk, e.else, scope) : undefined;
  return then(walk, test, (t) => {
    const c = truthy(ctx, t);
    if (e.k !== 'cond') {
      if (t.t !== 'bool' || a.v.t !== 'bool') return markUnknown(walk, `${e.k === 'and' ? '&&' : '||'} on non-booleans`);
      const runs = e.k === 'and' ? c : ctx.Not(c);
      const part = only(walk, runs, a);
      const v = e.k === 'and' ? ctx.And(c, a.v.e) : ctx.Or(c, a.v.e);
      return { ...part, v: { t: 'bool', e: v } };
    }
    if (a.v.t !== b!.v.t) return markUnknown(walk, 'conditional with branches of different types');
    const v = { t: a.v.t, e: ctx.If(c, a.v.e as never, b!.v.e as never) } as JsVal;
    return {
      v,
      rev: ctx.Or(ctx.And(c, a.rev), ctx.And(ctx.Not(c), b!.rev)),
      thr: ctx.Or(ctx.And(c, a.thr), ctx.And(ctx.Not(c), b!.thr)),
    };
  });
}

/** The spec library's loops, unrolled over the actors in order: sum adds all, forall/exists stop early. */
async function quantifier(walk: Walk, e: Extract<Expr, { k: 'quant' }>, scope: Scope): Promise<Out> {
  const { ctx } = walk.env;
  let rev: BoolTerm = ctx.Bool.val(false);
  let thr: BoolTerm = ctx.Bool.val(false);
  let going: BoolTerm = ctx.Bool.val(true);
  let total: IntTerm = ctx.Int.val(0n);
  for (const actor of walk.env.actors) {
    const item = await evaluate(walk, e.body, new Map(scope).set(e.variable, { t: 'address', e: ctx.Int.val(actor) }));
    const reached = ctx.And(ctx.Not(rev), ctx.Not(thr), going);
    if (e.q === 'sum') {
      // `total += term`: 0n + a number or boolean is a TypeError.
      if (item.v.t !== 'bigint') {
        if (item.v.t === 'address') return markUnknown(walk, 'sum of strings');
        thr = ctx.Or(thr, ctx.And(reached, ctx.Not(item.rev)));
      } else total = total.add(item.v.e);
      rev = ctx.Or(rev, ctx.And(reached, item.rev));
      thr = ctx.Or(thr, ctx.And(reached, item.thr));
      continue;
    }
    rev = ctx.Or(rev, ctx.And(reached, item.rev));
    thr = ctx.Or(thr, ctx.And(reached, item.thr));
    const held = truthy(ctx, item.v);
    going = ctx.And(going, e.q === 'forall' ? held : ctx.Not(held));
  }
  const v: JsVal = e.q === 'sum' ? { t: 'bigint', e: total } : { t: 'bool', e: e.q === 'forall' ? going : ctx.Not(going) };
  return { v, rev, thr };
}

function callField(walk: Walk, field: 'sender' | 'value' | 'reverted' | 'result'): Out {
  const { ctx } = walk.env;
  const call = walk.env.call;
  if (!call) return markUnknown(walk, `call.${field} outside a property`);
  if (field === 'sender') return pure(walk, { t: 'address', e: ctx.BV2Int(lift(ctx, call.sender), false) });
  if (field === 'value') return pure(walk, { t: 'bigint', e: ctx.BV2Int(lift(ctx, call.value), false) });
  if (field === 'reverted') return pure(walk, { t: 'bool', e: typeof call.reverted === 'boolean' ? ctx.Bool.val(call.reverted) : call.reverted });
  return callResult(walk, call);
}

/** `call.result` as the fuzzer decodes it: the single output of a call that succeeded. */
function callResult(walk: Walk, call: NonNullable<CheckEnv['call']>): Out {
  const { ctx } = walk.env;
  if (call.returnData === undefined) return markUnknown(walk, 'call.result of a reverted call (undefined) is not modelled');
  const outputs = call.fn.outputs;
  if (outputs.length !== 1) return markUnknown(walk, `call.result of ${call.fn.name}, which returns (${outputs.map((o) => o.type).join(',')}), is not modelled`);
  const type = outputs[0]!.type;
  if (!/^u?int\d*$/.test(type) && type !== 'address' && type !== 'bool') return markUnknown(walk, `call.result of type ${type} is not modelled`);
  // Short return data does not decode: the fuzzer's result is then undefined.
  if (call.returnData.length < 32) return markUnknown(walk, `call.result of ${call.fn.name}: ${call.returnData.length} bytes returned (undefined) is not modelled`);
  const t = jsType(type);
  const v = decode(walk.env, type, lift(ctx, cellsToWord(call.returnData, 0)));
  return pure(walk, { t, e: v } as JsVal);
}

/** `call.args[i]` as the fuzzer hands it to checks: every integer a bigint, addresses lowercase hex. */
function callArg(walk: Walk, index: number): Out {
  const { ctx } = walk.env;
  const call = walk.env.call!;
  if (!call) return markUnknown(walk, 'call.args outside a property');
  const param = call.fn.inputs[index];
  if (!param) return markUnknown(walk, `call.args[${index}] is undefined`);
  if (!/^u?int\d*$/.test(param.type) && param.type !== 'address' && param.type !== 'bool') {
    return markUnknown(walk, `call.args[${index}] of type ${param.type} is not modelled`);
  }
  const word = lift(ctx, cellsToWord(call.calldata, 4 + 32 * index));
  const t = jsType(param.type);
  const v = decode(walk.env, param.type, word);
  return pure(walk, { t: t === 'number' ? 'bigint' : t, e: v } as JsVal);
}

async function viewCall(walk: Walk, e: Extract<Expr, { k: 'view' }>, scope: Scope): Promise<Out> {
  const { ctx } = walk.env;
  const contract = walk.env.contracts.get(e.contract);
  if (!contract) return markUnknown(walk, `no deployed contract \`${e.contract}\``);
  const candidates = contract.abi.filter((f): f is AbiFunction => f.type === 'function' && f.name === e.fn && f.inputs.length === e.args.length);
  if (candidates.length !== 1) return markUnknown(walk, `${e.contract}.${e.fn} with ${e.args.length} arguments matches ${candidates.length} functions`);
  const fn = candidates[0]!;
  const base = e.old ? walk.env.pre : walk.env.state;
  if (!base) return markUnknown(walk, 'old(...) outside a property');

  let acc: Out = pure(walk, jsFalse(ctx));
  const values: JsVal[] = [];
  for (const arg of e.args) {
    const out = await evaluate(walk, arg, scope);
    acc = await then(walk, acc, () => then(walk, out, (v) => (values.push(v), pure(walk, v))));
  }
  // Encoding: a value of the wrong type or out of the parameter's range makes viem throw.
  const words: Word[] = [];
  let bad: BoolTerm = ctx.Bool.val(false);
  for (const [i, param] of fn.inputs.entries()) {
    const encoded = await encodeArg(walk, param.type, values[i]!);
    if (!encoded) return markUnknown(walk, `argument ${i} of ${e.contract}.${e.fn} (${param.type}) is not modelled`);
    words.push(encoded.word);
    bad = ctx.Or(bad, encoded.bad);
  }
  const outcome = await exploreView(walk.env, walk.view, base, contract.address, fn, words);
  if (outcome.unknown) walk.unknown ??= outcome.unknown;
  walk.facts.push(outcome.fact);
  return then(walk, acc, () => ({
    v: outcome.v,
    rev: ctx.And(ctx.Not(bad), outcome.rev),
    thr: ctx.Or(bad, ctx.And(ctx.Not(bad), outcome.thr)),
  }));
}

async function encodeArg(walk: Walk, type: string, v: JsVal): Promise<{ word: Word; bad: BoolTerm } | undefined> {
  const { ctx } = walk.env;
  const m = /^(u?int)(\d*)$/.exec(type);
  const word = async (e: IntTerm): Promise<Word> => {
    const known = await constant(ctx, e);
    return known !== undefined ? ((known % (1n << 256n)) + (1n << 256n)) % (1n << 256n) : sym(ctx.Int2BV(e, 256) as BV);
  };
  if (m) {
    if (v.t !== 'bigint' && v.t !== 'number') return { word: 0n, bad: ctx.Bool.val(true) };
    const bits = BigInt(m[2] || 256);
    const [lo, hi] = m[1] === 'uint' ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
    return { word: await word(v.e), bad: ctx.Or(v.e.lt(lo), v.e.gt(hi)) };
  }
  if (type === 'address') {
    if (v.t !== 'address') return { word: 0n, bad: ctx.Bool.val(true) };
    return { word: await word(v.e), bad: ctx.Bool.val(false) };
  }
  if (type === 'bool') {
    if (v.t !== 'bool') return { word: 0n, bad: ctx.Bool.val(true) };
    if (ctx.isTrue(v.e) || ctx.isFalse(v.e)) return { word: ctx.isTrue(v.e) ? 1n : 0n, bad: ctx.Bool.val(false) };
    return { word: sym(ctx.If(v.e, ctx.BitVec.val(1n, 256), ctx.BitVec.val(0n, 256)) as BV), bad: ctx.Bool.val(false) };
  }
  return undefined;
}
