import type { CallRecord } from './types.js';

/**
 * A counterexample as plain numbered lines, one per call, for places that show text only (SARIF
 * messages, JUnit failures): what the chain advanced first, who called what with which decoded
 * arguments, and how a call that did not succeed ended.
 */
export function formatCallSequence(calls: readonly CallRecord[]): string[] {
  return calls.map((call, i) => `${i + 1}. ${callText(call)}`);
}

function callText(call: CallRecord): string {
  const advanced: string[] = [];
  if (call.timeDelta !== '0') advanced.push(`warp +${call.timeDelta}s`);
  if (call.blockDelta !== '0') advanced.push(`roll +${call.blockDelta}`);
  const before = advanced.length > 0 ? `[${advanced.join(', ')}] ` : '';
  const value = call.value !== '0' ? ` with ${call.value} wei` : '';
  const r = call.result;
  const ended = r && r.status !== 'success' ? ` -> ${r.status}: ${r.decoded ?? r.returnData ?? '(no data)'}` : '';
  return `${before}${call.sender} calls ${call.contractName}.${call.function}(${call.args.join(', ')})${value}${ended}`;
}
