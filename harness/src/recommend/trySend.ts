import type { Hex } from 'viem';
import type { SpecSession } from '../campaign/SpecSession.js';
import { decodeRevert } from '../abi/decodeRevert.js';
import type { ResolvedCall } from './resolveCall.js';

export type SendOutcome = { ok: true } | { ok: false; reason: string };

/** Sends `call` from `from` in a snapshot and rolls it back: can this address pull this lever now? */
export async function trySend(session: SpecSession, call: Pick<ResolvedCall, 'contract' | 'data'>, from: Hex, then?: () => Promise<void>): Promise<SendOutcome> {
  const { chain } = session;
  const snap = chain.snapshot();
  try {
    const r = await chain.call({ from, to: call.contract.address, data: call.data });
    if (r.status !== 'success') return { ok: false, reason: r.status === 'halt' ? `halted: ${r.error}` : decodeRevert(r.returnData, session.deployment.abis).text };
    await then?.();
    return { ok: true };
  } finally {
    chain.revertTo(snap);
    chain.release(snap);
  }
}
