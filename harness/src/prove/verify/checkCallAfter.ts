import type { EndPath } from '../explore/types.js';
import type { CheckCall } from '../spec/CheckEnv.js';
import type { SymbolicStep } from './symbolicStep.js';

/** The call a property sees after `step` ended on `end`: reverted or not, and on success its return data. */
export function checkCallAfter(step: SymbolicStep, end: EndPath): CheckCall {
  const reverted = end.status !== 'success';
  const { target, call } = step;
  return {
    contract: target.contract.key, fn: target.fn, calldata: call.calldata, sender: call.from, value: call.value, reverted,
    ...(reverted ? {} : { returnData: end.returnData }),
  };
}
