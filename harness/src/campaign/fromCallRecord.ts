import { decodeFunctionData, type Hex } from 'viem';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { toFuzzArgs } from '../abi/toFuzzArgs.js';
import type { CallRecord } from '../report/types.js';
import type { SpecSession } from './SpecSession.js';

/**
 * Turns a reported call back into a call of this session, decoding its calldata with
 * today's ABI. Returns a reason instead when the function is gone or the data no longer fits.
 */
export function fromCallRecord(session: SpecSession, record: CallRecord): FuzzCall | { problem: string } {
  const target = session.targets.find((t) => t.contract.key === record.contract && t.signature === record.signature);
  if (target === undefined) return { problem: `${record.contract}.${record.signature} is no longer a target function` };
  try {
    const { args } = decodeFunctionData({ abi: [target.fn], data: record.calldata as Hex });
    return {
      target,
      args: toFuzzArgs(target.fn.inputs, args ?? []),
      sender: record.sender.toLowerCase() as Hex,
      value: BigInt(record.value),
      timeDelta: BigInt(record.timeDelta),
      blockDelta: BigInt(record.blockDelta),
    };
  } catch (e) {
    return { problem: `calldata of ${record.signature} no longer decodes: ${(e as Error).message.split('\n')[0]}` };
  }
}
