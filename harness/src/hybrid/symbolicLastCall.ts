import { hexToBytes, type Hex } from 'viem';
import { lowercaseAddresses } from '../abi/lowercaseAddresses.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { symbolicCalldata } from '../prove/calldata/symbolicCalldata.js';
import type { ExecEnv } from '../prove/exec/ExecEnv.js';
import type { PathState } from '../prove/exec/PathState.js';
import { defaultSevmOptions } from '../prove/exec/SevmOptions.js';
import { Infeasible } from '../prove/exec/signals.js';
import { startPath } from '../prove/explore/startPath.js';
import { concreteTx } from '../prove/explore/txEnv.js';
import type { SymbolicCall } from '../prove/explore/types.js';
import type { KeccakFunctions } from '../prove/keccak/KeccakFunctions.js';
import { createSymbolicState } from '../prove/state/createSymbolicState.js';
import { worldFromChain } from '../prove/state/worldFromChain.js';
import { toFuzzCalls } from '../prove/verify/toFuzzCalls.js';
import { sym, type BoolExpr, type BV, type Ctx, type Sym, type Word, type Z3Model } from '../prove/word/Word.js';

export interface SymbolicLastCall {
  start: PathState;
  x: ExecEnv;
  /** The arguments (and value) equal to the corpus call's. */
  anchor: BoolExpr;
  /** The call a model picks, in the fuzzer's form; undefined when its calldata does not decode. */
  toFuzzCall(model: Z3Model): FuzzCall | undefined;
}

/**
 * The corpus call `last`, made symbolic on the chain as it is now (after its prefix and
 * its own time jump): every contract with code and the callers' balances as they are,
 * the arguments (and the value of a payable function) as ABI-typed variables, the sender
 * and the block as they were. Undefined when the call's calldata has none of the
 * symbolic layouts (dynamic values longer than the lengths tried).
 */
export async function symbolicLastCall(ctx: Ctx, keccak: KeccakFunctions, session: SpecSession, last: FuzzCall, data: Hex): Promise<SymbolicLastCall | undefined> {
  const { chain } = session;
  const accounts = [...new Set([...session.senders, ...session.deployment.actors, session.deployment.deployer, last.sender])];
  const state = createSymbolicState(ctx, await worldFromChain(chain, chain.codeAddresses(), accounts));
  const bytes = hexToBytes(data);
  const variant = symbolicCalldata(ctx, last.target.fn, { prefix: 'h.' }).variants.find(
    (v) => v.cells.length === bytes.length && v.cells.every((c, k) => typeof c !== 'number' || c === bytes[k]),
  );
  if (variant === undefined) return undefined;

  const anchors: BoolExpr[] = [];
  const words = new Map<Sym, bigint>();
  variant.cells.forEach((c, k) => {
    if (typeof c !== 'number') words.set(c.w, (words.get(c.w) ?? 0n) | (BigInt(bytes[k]!) << BigInt(8 * (31 - c.i))));
  });
  for (const [w, v] of words) anchors.push(w.e.eq(ctx.BitVec.val(v, 256)));
  let value: Word = 0n;
  if (last.target.fn.stateMutability === 'payable') {
    const v = ctx.BitVec.const('h.value', 256) as BV;
    anchors.push(v.eq(ctx.BitVec.val(last.value, 256)));
    value = sym(v);
  }
  const from = BigInt(last.sender);
  const call: SymbolicCall = { from, to: BigInt(last.target.contract.address), value, calldata: variant.cells };
  const tx = concreteTx(from, { timestamp: chain.timestamp, number: chain.blockNumber });
  // A closed world of the contracts with code, and no callee running out of gas: the
  // search follows real executions; what it cannot model only costs a candidate that fails.
  const x: ExecEnv = { ctx, keccak, tx, options: { ...defaultSevmOptions, nestedOutOfGas: false, externalCode: 'none', loopBound: 32 } };
  let start: PathState;
  try {
    start = startPath(state, call, x);
  } catch (e) {
    if (e instanceof Infeasible) return undefined;
    throw e;
  }
  const step = { target: last.target, pre: state, call, tx, timeDelta: last.timeDelta, blockDelta: last.blockDelta, layout: variant.layout };
  return {
    start,
    x,
    anchor: anchors.length === 0 ? ctx.Bool.val(true) : ctx.And(...anchors),
    toFuzzCall(model) {
      const calls = toFuzzCalls(model, [step]);
      if (!Array.isArray(calls)) return undefined;
      const c = calls[0]!;
      return { ...c, sender: last.sender, args: lowercaseAddresses(c.args) };
    },
  };
}
