import { Message, type EVM } from '@ethereumjs/evm';
import { settleFrame } from './settleFrame.js';
import { Account, MAX_INTEGER, type Address } from '@ethereumjs/util';
import type { JournalState } from './JournalState.js';

type ExecResult = Awaited<ReturnType<EVM['runCall']>>['execResult'];

interface EvmInternalsView {
  _block: unknown;
  _tx: unknown;
  DEBUG: boolean;
  _optsCached: { profiler?: { enabled?: boolean } };
  events: { listenerCount(e: string): number };
  common: { isActivatedEIP(eip: number): boolean };
  journal: { checkpoint(): Promise<void>; commit(): Promise<void>; revert(): Promise<void>; putAccount(a: Address, acc: Account): Promise<void> };
  transientStorage: { checkpoint(): void; commit(): void; revert(): void };
  getPrecompile(address: Address): unknown;
  runInterpreter(m: Message): Promise<ExecResult>;
  postMessageCleanup(): void;
}

/**
 * EIPs that add work to a top-level call (witnesses, access lists, state gas, transfer
 * logs, EOF). EIP-7702 is not among them: runTopFrame leaves delegated code (0xef…) to runCall.
 */
const TOP_FRAME_EIPS = [2780, 3540, 6800, 7708, 7864, 7928, 8037];

export interface TopFrameRequest {
  caller: Address;
  to: Address;
  data: Uint8Array;
  gasLimit: bigint;
  block: unknown;
  /** A static call: it cannot write, so it needs no checkpoint and creates no account. */
  isStatic?: boolean;
}

/** Whether an EVM's fork lets `runTopFrame` stand in for `runCall`. */
export function topFrameEligible(evm: EVM): boolean {
  const e = evm as unknown as EvmInternalsView;
  return !TOP_FRAME_EIPS.some((eip) => e.common.isActivatedEIP(eip));
}

/**
 * A top-level call carrying no value, run the way `EVM.runCall` runs it but without
 * the steps that do nothing then: no nonce bump (calls skip it), no balance transfer
 * (zero value rewrites caller and callee unchanged; only a missing account is created,
 * as runCall's write would), no message copy before the interpreter. What remains is
 * runCall's frame exactly: checkpoint, interpreter, post-message cleanup, then revert
 * on any exception (logs, self-destructs and refunds dropped) or commit.
 * Returns undefined when runCall must do it: value, no code, a precompile, delegated or
 * EOF code, a balance past 2^256 - 1, listeners, tracing, or a fork with extra rules.
 */
export async function runTopFrame(evm: EVM, state: JournalState, req: TopFrameRequest): Promise<ExecResult | undefined> {
  const e = evm as unknown as EvmInternalsView;
  if (e.DEBUG || e._optsCached.profiler?.enabled === true) return undefined;
  if (e.events.listenerCount('beforeMessage') > 0 || e.events.listenerCount('afterMessage') > 0) return undefined;
  const code = state.codeNow(req.to);
  if (code.length === 0 || code[0] === 0xef || e.getPrecompile(req.to) !== undefined) return undefined;
  const target = state.accountNow(req.to);
  if (target !== undefined && target.balance > MAX_INTEGER) return undefined;

  e._block = req.block;
  e._tx = { gasPrice: 0n, origin: req.caller };
  const message = new Message({
    caller: req.caller,
    to: req.to,
    value: 0n,
    data: req.data,
    gasLimit: req.gasLimit,
    depth: 0,
    isStatic: req.isStatic === true,
    code,
    selfdestruct: new Map(),
    createdAddresses: new Set(),
  });
  (message as Message & { chargeCodeAccesses?: boolean }).chargeCodeAccesses = true;
  if (req.isStatic === true) {
    const result = await e.runInterpreter(message);
    e.postMessageCleanup();
    return result;
  }
  const transient = e.common.isActivatedEIP(1153);
  await e.journal.checkpoint();
  if (transient) e.transientStorage.checkpoint();
  if (!state.hasAccount(req.caller)) await e.journal.putAccount(req.caller, new Account());
  if (target === undefined) await e.journal.putAccount(req.to, new Account());

  const result = await e.runInterpreter(message);
  e.postMessageCleanup();
  await settleFrame(e, result, transient);
  return result;
}
