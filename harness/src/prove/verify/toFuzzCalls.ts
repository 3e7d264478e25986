import { decodeFunctionData, type Hex } from 'viem';
import { toFuzzArgs } from '../../abi/toFuzzArgs.js';
import type { FuzzCall } from '../../fuzz/FuzzCall.js';
import { concreteCall } from '../model/concreteCall.js';
import { evalWord } from '../model/evalWord.js';
import type { Z3Model } from '../word/Word.js';
import type { SymbolicStep } from './symbolicStep.js';

/**
 * The calls a model picks, as calls of the spec's session: the fuzzer's own form, so the
 * real runner replays them and the report, `vigil replay` and `--foundry` treat them like
 * any fuzzing counterexample. Undefined with a reason when a calldata no longer decodes.
 */
export function toFuzzCalls(model: Z3Model, steps: readonly SymbolicStep[]): FuzzCall[] | { problem: string } {
  const out: FuzzCall[] = [];
  for (const step of steps) {
    const tx = concreteCall(model, step.call);
    let args: readonly unknown[];
    try {
      args = decodeFunctionData({ abi: [step.target.fn], data: tx.data }).args ?? [];
    } catch (e) {
      return { problem: `the model's calldata for ${step.target.id} does not decode: ${(e as Error).message.split('\n')[0]}` };
    }
    out.push({
      target: step.target,
      args: toFuzzArgs(step.target.fn.inputs, args),
      sender: tx.from.toLowerCase() as Hex,
      value: tx.value,
      timeDelta: evalWord(model, step.timeDelta),
      blockDelta: evalWord(model, step.blockDelta),
    });
  }
  return out;
}
