import { decodeEventLog, decodeFunctionResult, type Abi, type Hex } from 'viem';
import { decodeRevert } from '../abi/decodeRevert.js';
import { lowercaseAddresses } from '../abi/lowercaseAddresses.js';
import type { CallResult } from '../chain/types.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import type { CallInfo, EventInfo } from '../spec/types.js';
import type { TargetFunction } from './TargetFunction.js';

export interface PreparedCall {
  target: TargetFunction;
  args: readonly unknown[];
  data: Hex;
  sender: Hex;
  value: bigint;
  timeDelta: bigint;
  blockDelta: bigint;
}

/**
 * A call and what it did. Decoding (return value, revert reason, events) is done on
 * first use: most calls of a campaign are never looked at that closely.
 */
export class ExecutedCall {
  private info: CallInfo | undefined;

  constructor(
    readonly call: PreparedCall,
    readonly result: CallResult,
    private readonly abis: readonly Abi[],
    private readonly byAddress: ReadonlyMap<string, DeployedContract>,
  ) {}

  get reverted(): boolean {
    return this.result.status !== 'success';
  }

  revertReason(): string | undefined {
    if (!this.reverted) return undefined;
    if (this.result.status === 'halt') return `halted: ${this.result.error}`;
    return decodeRevert(this.result.returnData, this.abis).text;
  }

  decodedResult(): unknown {
    if (this.reverted) return undefined;
    const { fn } = this.call.target;
    if (fn.outputs.length === 0) return undefined;
    try {
      return lowercaseAddresses(decodeFunctionResult({ abi: [fn], functionName: fn.name, data: this.result.returnData }));
    } catch {
      return undefined;
    }
  }

  events(): EventInfo[] {
    const out: EventInfo[] = [];
    for (const log of this.result.logs) {
      const contract = this.byAddress.get(log.address.toLowerCase());
      const abis = contract ? [contract.abi] : this.abis;
      for (const abi of abis) {
        try {
          const ev = decodeEventLog({ abi, topics: log.topics as [Hex, ...Hex[]], data: log.data });
          out.push({ contract: contract?.key ?? log.address, name: ev.eventName ?? '?', args: lowercaseAddresses((ev.args ?? {}) as Record<string, unknown>) });
          break;
        } catch {
          // not an event of this ABI
        }
      }
    }
    return out;
  }

  toInfo(): CallInfo {
    if (this.info) return this.info;
    const { target, args, sender, value } = this.call;
    const self = this;
    let events: EventInfo[] | undefined;
    let result: { value: unknown } | undefined;
    // Return value, revert reason and events are decoded when a ghost or property reads them.
    this.info = {
      contract: target.contract.key,
      function: target.fn.name,
      signature: target.signature,
      sender,
      args,
      value,
      reverted: this.reverted,
      get result() {
        return (result ??= { value: self.decodedResult() }).value;
      },
      get revertReason() {
        return self.revertReason();
      },
      get events() {
        return (events ??= self.events());
      },
    };
    return this.info;
  }
}
