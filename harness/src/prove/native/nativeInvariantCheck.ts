import { encodeFunctionData, hexToBytes, type AbiFunction, type Hex } from 'viem';
import { cellsToWord, concreteCells } from '../bytes/Cell.js';
import { pathNodes } from '../exec/PathCond.js';
import type { SevmOptions } from '../exec/SevmOptions.js';
import type { EndPath } from '../explore/types.js';
import type { VerifyCheck } from '../verify/types.js';
import { lift, type BoolExpr, type Ctx } from '../word/Word.js';
import { cheatEnd, UNMODELLED_CHEAT } from './symbolicVm.js';

export interface NativeInvariant {
  /** `invariant_*` (forge) or a bool property (`echidna_*`, `property_*`). */
  fn: AbiFunction;
  /** Echidna / Medusa: must return true; forge: must not revert. */
  mustReturnTrue: boolean;
  /** The suite contract the function is called on, and who calls it (as NativeChecks does). */
  test: Hex;
  caller: Hex;
}

/**
 * A Solidity-native invariant as a prover check: the function is explored from the state as
 * the fuzzer's runner calls it (a call from the suite's caller, no value; a call that
 * writes is undone, which a plain call's end paths already are). It fails on a path that
 * reverts or halts (a failed `assertEq` reverts), or, for a bool property, returns anything
 * but true. `holds` is the negation of the failing paths' conditions: every real execution
 * follows one explored path, so this is exact when no path is unknown; an unknown path
 * (loop bound, unmodelled cheatcode …) makes the value unknown.
 */
export function nativeInvariantCheck(inv: NativeInvariant, options: Partial<SevmOptions> = {}): VerifyCheck {
  const data = hexToBytes(encodeFunctionData({ abi: [inv.fn], functionName: inv.fn.name }) as Hex);
  return {
    kind: 'invariant',
    name: inv.fn.name,
    async evaluate(env) {
      const r = await env.sevm.explore({
        state: env.state,
        call: { from: BigInt(inv.caller), to: BigInt(inv.test), value: 0n, calldata: concreteCells(data) },
        tx: env.tx,
        // The runner calls checks with the block gas limit: nested calls do not run out of gas.
        options: { ...options, nestedOutOfGas: false },
      });
      const ctx = env.ctx;
      const base = env.state.path?.depth ?? 0;
      const failing: BoolExpr[] = [];
      let unknown: string | undefined;
      for (const p of r.paths) {
        if (p.status === 'unknown') {
          unknown ??= `${inv.fn.name}() ${cheatEnd(p) === 'unmodelled' ? UNMODELLED_CHEAT : `may end unknown (${p.unknown ?? 'unknown'}: ${p.reason ?? ''})`}`;
          continue;
        }
        fails(ctx, p, inv.mustReturnTrue, failing, base);
      }
      if (r.budget !== undefined) unknown ??= `${inv.fn.name}(): ${r.budget} budget hit`;
      const holds = failing.length === 0 ? ctx.Bool.val(true) : ctx.Not(failing.length === 1 ? failing[0]! : ctx.Or(...failing));
      return { holds, ...(unknown !== undefined ? { unknown } : {}) };
    },
  };
}

/**
 * Adds to `failing` the condition under which path `p` breaks the check (the conditions the
 * call added to the state's path, keccak facts included), and says whether it may.
 */
function fails(ctx: Ctx, p: EndPath, mustReturnTrue: boolean, failing: BoolExpr[], base: number): boolean {
  const added = pathNodes(p.path).filter((n) => n.depth > base).map((n) => n.cond);
  const taken = added.length === 0 ? ctx.Bool.val(true) : added.length === 1 ? added[0]! : ctx.And(...added);
  if (p.status !== 'success') {
    failing.push(taken);
    return true;
  }
  if (!mustReturnTrue) return false;
  // viem decodes a bool from exactly one word; anything else is "malformed data", a failure too.
  if (p.returnData.length < 32) {
    failing.push(taken);
    return true;
  }
  const word = lift(ctx, cellsToWord(p.returnData, 0));
  failing.push(ctx.And(taken, word.neq(ctx.BitVec.val(1n, 256))));
  return true;
}
