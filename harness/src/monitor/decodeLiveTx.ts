import { decodeFunctionData, toFunctionSelector, type AbiFunction, type Hex } from 'viem';
import { toFuzzArgs } from '../abi/toFuzzArgs.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { typeString } from '../fuzz/selectTargets.js';
import type { TargetFunction } from '../fuzz/TargetFunction.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { LiveTx } from './LiveBlock.js';

/**
 * A live transaction as a call of the spec, when it calls one of the spec's contracts with
 * calldata that decodes against its ABI: a fuzz target if it is one, else a target built
 * for it (an excluded `mint`, say), so properties and ghosts see it as they would in a run.
 * Undefined for creations, calls to other contracts and calldata that does not decode.
 */
export function decodeLiveTx(session: SpecSession, tx: LiveTx, timeDelta: bigint, blockDelta: bigint): FuzzCall | undefined {
  if (tx.to === undefined || tx.input.length < 10) return undefined;
  const contract = session.deployment.byAddress.get(tx.to);
  if (contract === undefined) return undefined;
  const selector = tx.input.slice(0, 10).toLowerCase();
  let target = session.targets.find((t) => t.contract === contract && t.selector === selector);
  if (target === undefined) {
    const fn = contract.abi.find((x): x is AbiFunction => x.type === 'function' && toFunctionSelector(x) === selector);
    if (fn === undefined) return undefined;
    const signature = `${fn.name}(${fn.inputs.map(typeString).join(',')})`;
    target = { contract, fn, signature, selector: selector as Hex, id: `${contract.key}.${fn.name}` } satisfies TargetFunction;
  }
  try {
    const { args } = decodeFunctionData({ abi: [target.fn], data: tx.input });
    return { target, args: toFuzzArgs(target.fn.inputs, args ?? []), sender: tx.from, value: tx.value, timeDelta, blockDelta };
  } catch {
    return undefined;
  }
}
