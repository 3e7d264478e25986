import { ExecutedCall, type PreparedCall } from '../fuzz/ExecutedCall.js';
import type { SpecSession } from './SpecSession.js';

/** Advances the clock, sends the call and feeds what it returned, logged and stored to the dictionary. */
export async function executeCall(session: SpecSession, call: PreparedCall): Promise<ExecutedCall> {
  const { chain, deployment, dictionary } = session;
  if (call.timeDelta !== 0n || call.blockDelta !== 0n) chain.advance(call.timeDelta, call.blockDelta);
  const result = await chain.call({ from: call.sender, to: call.target.contract.address, data: call.data, value: call.value });
  if (result.status === 'success') {
    dictionary.addWords(result.returnData, 8);
    for (const log of result.logs) {
      for (let i = 1; i < log.topics.length; i++) dictionary.addWord(BigInt(log.topics[i]!));
      dictionary.addWords(log.data, 8);
    }
    for (const change of result.storageChanges) dictionary.addWord(BigInt(change.after));
  }
  return new ExecutedCall(call, result, deployment.abis, deployment.byAddress);
}
