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
 */
export async function replayCounterexample(session: SpecSession, calls: readonly FuzzCall[], id: string): Promise<Counterexample> {
  const { chain, checks } = session;
  chain.revertTo(session.base);
  checks.reset();
  const invariantsBefore = values(await checks.invariantValues());
  const after: InvariantValue[][] = [];
  const outcome = await runSequence(session, calls, {
    target: id,
    onStep: async () => {
      after.push(values(await checks.invariantValues()));
    },
  });
  if (outcome.violation === undefined) {
    throw new Error(`internal: the counterexample for ${id} did not replay (${calls.length} calls)`);
  }
  return {
    calls: calls.slice(0, outcome.index + 1).map((c, i) => ({ ...toCallRecord(c, outcome.executed[i]), invariantsAfter: after[i]! })),
    invariantsBefore,
  };
}

/** Without `note: undefined`, so the record serialises and validates the same however it was built. */
function values(raw: { name: string; holds: boolean; note?: string }[]): InvariantValue[] {
  return raw.map((v) => ({ name: v.name, holds: v.holds, ...(v.note !== undefined ? { note: v.note } : {}) }));
}
