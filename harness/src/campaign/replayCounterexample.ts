import { isVigilError } from '../errors/VigilError.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { Counterexample, InvariantValue } from '../report/types.js';
import { runSequence } from './runSequence.js';
import type { SpecSession } from './SpecSession.js';
import { toCallRecord } from './toCallRecord.js';

/**
 * Replays a counterexample from the post-set-up state for the report: every call with its
 * real result and the spec's invariants right after it, and the invariants before the
 * first call. Only the finding's own check decides where the sequence ends, as in shrinking.
 * A counterexample that does not replay is a bug: it can never be reported as one.
 *
 * The values are for people reading the trace. The campaign never evaluated the other checks
 * on a shrunk sequence's states, so one may throw there (a TypeScript error, a timeout): that
 * step then goes without values rather than the spec's whole result turning into an error.
 */
export async function replayCounterexample(session: SpecSession, calls: readonly FuzzCall[], id: string): Promise<Counterexample> {
  const { chain, checks } = session;
  chain.revertTo(session.base);
  checks.reset();
  const invariantsBefore = await valuesNow(session);
  const after: (InvariantValue[] | undefined)[] = [];
  const outcome = await runSequence(session, calls, {
    target: id,
    onStep: async () => {
      after.push(await valuesNow(session));
    },
  });
  if (outcome.violation === undefined) {
    throw new Error(`internal: the counterexample for ${id} did not replay (${calls.length} calls)`);
  }
  return {
    calls: calls.slice(0, outcome.index + 1).map((c, i) => ({
      ...toCallRecord(c, outcome.executed[i]),
      ...(after[i] !== undefined ? { invariantsAfter: after[i] } : {}),
    })),
    ...(invariantsBefore !== undefined ? { invariantsBefore } : {}),
  };
}

/**
 * Each invariant's value now, without `note: undefined` (so a record serialises and validates
 * the same however it was built); undefined when a check throws.
 */
async function valuesNow(session: SpecSession): Promise<InvariantValue[] | undefined> {
  try {
    const raw = await session.checks.invariantValues();
    return raw.map((v) => ({ name: v.name, holds: v.holds, ...(v.note !== undefined ? { note: v.note } : {}) }));
  } catch (e) {
    if (isVigilError(e)) return undefined;
    throw e;
  }
}
