import { encodeFunctionData, hexToBytes, type Hex } from 'viem';
import { cellsToWord, concreteCells } from '../bytes/Cell.js';
import { pathNodes } from '../exec/PathCond.js';
import { lift, type BV, type BoolExpr } from '../word/Word.js';
import type { CheckEnv } from './types.js';

export interface ViewValue {
  /** The first return word, as a term over the state's variables. */
  value: BV;
  /** Why the value is not exact (a path of the view may revert or was not followed). */
  unknown?: string;
}

/** Caller of view calls: no account that holds anything or is checked for. */
export const VIEW_CALLER = 0xdead0000n;

/**
 * A view function's first return word on a symbolic state. The call is explored from
 * the state; its end paths split the state's possibilities, so the value is an `ite`
 * over the conditions each path added. A path that reverts or ends unknown makes the
 * value unknown: the concrete check would throw there, which is no verdict either way.
 */
export async function viewCall(env: CheckEnv, contract: string, fn: string, args: readonly unknown[] = []): Promise<ViewValue> {
  const c = env.contracts.get(contract);
  if (c === undefined) throw new Error(`internal: no contract ${contract} in the proof environment`);
  const data = encodeFunctionData({ abi: c.abi, functionName: fn, args } as Parameters<typeof encodeFunctionData>[0]);
  const state = env.state;
  const r = await env.sevm.explore({
    state,
    call: { from: VIEW_CALLER, to: BigInt(c.address), value: 0n, calldata: concreteCells(hexToBytes(data as Hex)) },
    tx: env.tx,
    options: { nestedOutOfGas: false },
  });
  const base = state.path?.depth ?? 0;
  const ctx = env.ctx;
  let value: BV | undefined;
  let unknown: string | undefined;
  for (const p of r.paths) {
    if (p.status !== 'success') {
      unknown ??= `${contract}.${fn} may ${p.status === 'unknown' ? `end unknown (${p.reason ?? p.unknown})` : p.status} on this state`;
      continue;
    }
    const added: BoolExpr[] = pathNodes(p.path).filter((n) => n.depth > base).map((n) => n.cond);
    const word = p.returnData.length >= 32 ? lift(ctx, cellsToWord(p.returnData, 0)) : (ctx.BitVec.val(0n, 256) as BV);
    const cond = added.length === 0 ? ctx.Bool.val(true) : added.length === 1 ? added[0]! : ctx.And(...added);
    value = value === undefined ? word : (ctx.If(cond, word, value) as BV);
  }
  if (r.budget !== undefined) unknown ??= `${contract}.${fn}: ${r.budget} budget hit`;
  return { value: value ?? (ctx.BitVec.val(0n, 256) as BV), ...(unknown !== undefined ? { unknown } : {}) };
}
