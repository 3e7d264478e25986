import { formatValue } from '../abi/decodeRevert.js';
import type { ExecutedCall } from '../fuzz/ExecutedCall.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { CallRecord } from '../report/types.js';
import { encodeCall } from './encodeCall.js';

/** A call for the report: decoded for people, calldata for replay, and what it did if it ran. */
export function toCallRecord(call: FuzzCall, executed?: ExecutedCall): CallRecord {
  const { target } = call;
  const record: CallRecord = {
    contract: target.contract.key,
    contractName: target.contract.name,
    address: target.contract.address,
    function: target.fn.name,
    signature: target.signature,
    args: call.args.map(formatValue),
    calldata: encodeCall(call).data,
    sender: call.sender,
    value: call.value.toString(),
    timeDelta: call.timeDelta.toString(),
    blockDelta: call.blockDelta.toString(),
  };
  if (executed !== undefined) {
    const r = executed.result;
    const decoded = executed.reverted ? executed.revertReason() : formatResult(executed.decodedResult());
    record.result = {
      status: r.status,
      returnData: r.returnData,
      ...(decoded !== undefined ? { decoded } : {}),
      gasUsed: r.gasUsed.toString(),
      events: executed.events().map((e) => ({
        contract: e.contract,
        name: e.name,
        args: Object.fromEntries(Object.entries(e.args).map(([k, v]) => [k, formatValue(v)])),
      })),
      storageChanges: r.storageChanges.map((c) => ({ address: c.address, slot: c.slot, before: c.before, after: c.after })),
    };
  }
  return record;
}

function formatResult(v: unknown): string | undefined {
  return v === undefined ? undefined : formatValue(v);
}
