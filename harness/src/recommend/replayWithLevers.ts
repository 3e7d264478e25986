import { decodeRevert } from '../abi/decodeRevert.js';
import { encodeCall } from '../campaign/encodeCall.js';
import { executeCall } from '../campaign/executeCall.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { CataloguedLever } from './catalogLevers.js';

export interface LeveredReplay {
  /** The call after which the target check broke, if it did. */
  violationAt?: number;
  /** A lever call that reverted (e.g. already paused): the replay stopped there. */
  leverError?: { lever: string; reason: string };
  /** Per call: did it revert, and why. Calls after a violation or lever failure are absent. */
  reverts: (string | undefined)[];
}

/**
 * Replays `calls` from the session's baseline with `levers` pulled by their signers right
 * after call `after` (-1: before the first), checking only `target` after each call.
 * Lever calls are not shown to the checks (ghosts, properties): they are the guardian's
 * transactions, not the attack's, and a check must judge the attack's calls alone.
 */
export async function replayWithLevers(session: SpecSession, calls: readonly FuzzCall[], target: string, levers: readonly CataloguedLever[], after: number): Promise<LeveredReplay> {
  const { chain, checks } = session;
  chain.revertTo(session.base);
  checks.reset();
  const skip = new Set(checks.checkNames.map((c) => `${session.name}:${c.kind}:${c.name}`).filter((id) => id !== target));
  const reverts: (string | undefined)[] = [];
  const pull = async (): Promise<LeveredReplay['leverError']> => {
    for (const l of levers) {
      const r = await chain.call({ from: l.call.from, to: l.call.contract.address, data: l.call.data });
      if (r.status !== 'success') return { lever: l.lever.id, reason: r.status === 'halt' ? `halted: ${r.error}` : decodeRevert(r.returnData, session.deployment.abis).text };
    }
    return undefined;
  };
  if (after < 0) {
    const leverError = await pull();
    if (leverError) return { leverError, reverts };
  }
  for (let i = 0; i < calls.length; i++) {
    const ex = await executeCall(session, encodeCall(calls[i]!));
    reverts.push(ex.reverted ? ex.revertReason() ?? 'reverted' : undefined);
    const before = checks.observe(ex);
    const violations = await checks.check(ex, before, skip);
    if (violations.some((v) => v.id === target)) return { violationAt: i, reverts };
    if (i === after) {
      const leverError = await pull();
      if (leverError) return { leverError, reverts };
    }
  }
  if (checks.afterRun !== undefined && calls.length > 0) {
    if ((await checks.afterRun(skip)).some((v) => v.id === target)) return { violationAt: calls.length - 1, reverts };
  }
  return { reverts };
}
