import type { EVM, Message } from '@ethereumjs/evm';
import { settleFrame } from './settleFrame.js';
import type { JournalState } from './JournalState.js';

type CallOutcome = Awaited<ReturnType<EVM['runCall']>>;

interface EvmInternalsView {
  DEBUG: boolean;
  _optsCached: { profiler?: { enabled?: boolean } };
  events: { listenerCount(e: string): number };
  common: { isActivatedEIP(eip: number): boolean };
  journal: { checkpoint(): Promise<void>; commit(): Promise<void>; revert(): Promise<void> };
  transientStorage: { checkpoint(): void; commit(): void; revert(): void };
  getPrecompile(address: Message['to']): unknown;
  runInterpreter(m: Message): Promise<CallOutcome['execResult']>;
}

/**
 * A nested CALL / STATICCALL / DELEGATECALL / CALLCODE carrying no value into code,
 * run as `EVM.runCall` runs it minus the steps that do nothing then: the sender and
 * recipient accounts are rewritten unchanged (zero value; both exist since the callee
 * has code), no events are emitted without listeners. What remains is the frame itself:
 * checkpoint, interpreter, revert or commit. Returns undefined to leave the call to
 * runCall: value, no code, a precompile, delegated (0xef) code, listeners or tracing.
 * Only installed on forks where `topFrameEligible` holds (no per-frame EIP work).
 */
export async function runNestedFrame(evm: EVM, state: JournalState, message: Message): Promise<CallOutcome | undefined> {
  const e = evm as unknown as EvmInternalsView;
  if (message.value !== 0n || message.to === undefined || message.code !== undefined) return undefined;
  if (e.DEBUG || e._optsCached.profiler?.enabled === true) return undefined;
  if (e.events.listenerCount('beforeMessage') > 0 || e.events.listenerCount('afterMessage') > 0) return undefined;
  const codeAddress = message.codeAddress;
  const code = state.codeNow(codeAddress);
  if (code.length === 0 || code[0] === 0xef || e.getPrecompile(codeAddress) !== undefined) return undefined;
  // The caller runs code, so its account exists; the recipient exists for a CALL into code,
  // and DELEGATECALL / CALLCODE run in the caller's own account.
  if (!state.hasAccount(message.to) || (message.delegatecall !== true && !state.hasAccount(message.caller))) return undefined;

  const transient = e.common.isActivatedEIP(1153);
  await e.journal.checkpoint();
  if (transient) e.transientStorage.checkpoint();
  message.code = code;
  message.isCompiled = false;
  (message as Message & { chargeCodeAccesses?: boolean }).chargeCodeAccesses = true;
  const result = await e.runInterpreter(message);
  await settleFrame(e, result, transient);
  return { execResult: result } as CallOutcome;
}
