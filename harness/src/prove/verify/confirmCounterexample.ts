import { SourceIndex } from '../../compile/SourceIndex.js';
import { replayCounterexample } from '../../campaign/replayCounterexample.js';
import { runSequence } from '../../campaign/runSequence.js';
import { solidityLocationOf } from '../../campaign/solidityLocationOf.js';
import type { SpecSession } from '../../campaign/SpecSession.js';
import type { Finding } from '../../report/types.js';
import { extendPath } from '../exec/PathCond.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import type { EndPath } from '../explore/types.js';
import { realizeKeccak } from '../model/realizeKeccak.js';
import type { BoolExpr, Z3Model } from '../word/Word.js';
import type { SymbolicStep } from './symbolicStep.js';
import { toFuzzCalls } from './toFuzzCalls.js';

export type Confirmation = { status: 'confirmed'; finding: Finding } | { status: 'not-replayed'; reason: string };

export interface ConfirmContext {
  session: SpecSession;
  sevm: SymbolicEvm;
  reportPath: string;
  startedAt: number;
}

/**
 * A solver counterexample becomes a finding only here: the model gets real keccak values,
 * its calls are rebuilt as the session's calls and run by the real runner from the set-up
 * state, and the spec's own check must report the violation. Anything short of that is
 * a reason, never a counterexample.
 */
export async function confirmCounterexample(cx: ConfirmContext, end: EndPath, violated: BoolExpr, model: Z3Model, steps: readonly SymbolicStep[], check: { kind: 'invariant' | 'property'; name: string }): Promise<Confirmation> {
  const { session } = cx;
  const path = extendPath(end.path, violated);
  const real = await realizeKeccak(cx.sevm, { ...end, path, model });
  if (real === undefined) return { status: 'not-replayed', reason: 'solver counterexample did not replay: it needs hash values keccak256 does not give' };
  const calls = toFuzzCalls(real, steps);
  if ('problem' in calls) return { status: 'not-replayed', reason: `solver counterexample did not replay: ${calls.problem}` };
  const id = `${session.name}:${check.kind}:${check.name}`;
  const outcome = await runSequence(session, calls, { target: id });
  if (outcome.violation === undefined) {
    const statuses = outcome.executed.map((e) => `${e.call.target.id} ${e.result.status}`).join(', ');
    return { status: 'not-replayed', reason: `solver counterexample did not replay: ${check.kind} ${check.name} holds after the ${calls.length} calls in the EVM (${statuses})` };
  }
  const v = outcome.violation;
  const replayed = await replayCounterexample(session, calls, id);
  const location = solidityLocationOf(session, new SourceIndex(session.compiled), v, calls.at(-1));
  return {
    status: 'confirmed',
    finding: {
      id,
      spec: session.name,
      kind: v.kind,
      name: v.name,
      message: v.message,
      ...(v.location ? { location: v.location } : {}),
      seed: String(session.settings.seed),
      run: 0,
      original: replayed,
      shrunk: replayed,
      // The solver's sequence is already at most k calls; shrinking is the fuzzer's business.
      shrink: { attempts: 0, status: 'skipped' },
      replayCommand: `npx vigil replay ${cx.reportPath} --finding '${id}'`,
      firstFoundMs: Date.now() - cx.startedAt,
      ...(location !== undefined ? { solidityLocation: location } : {}),
    },
  };
}
