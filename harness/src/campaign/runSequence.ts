import type { ExecutedCall } from '../fuzz/ExecutedCall.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { Violation } from '../fuzz/Violation.js';
import { encodeCall } from './encodeCall.js';
import { executeCall } from './executeCall.js';
import type { SpecSession } from './SpecSession.js';

export interface SequenceOutcome {
  /** The violation the sequence ended on, if any. */
  violation?: Violation;
  /** Index of the call after which it was seen. */
  index: number;
  executed: ExecutedCall[];
}

export interface SequenceOptions {
  /** Only this finding counts (shrinking and replay); other checks are skipped. */
  target?: string;
  /** Called after each step with the call and the invariants' values (for traces). */
  onStep?: (executed: ExecutedCall, index: number) => Promise<void>;
}

/** Runs calls from the post-set-up state, checking after each and at the end, until one fails. */
export async function runSequence(session: SpecSession, calls: readonly FuzzCall[], options: SequenceOptions = {}): Promise<SequenceOutcome> {
  const { chain, checks } = session;
  chain.revertTo(session.base);
  checks.reset();
  const skip = new Set<string>();
  if (options.target !== undefined) {
    for (const c of checks.checkNames) {
      const id = `${session.name}:${c.kind}:${c.name}`;
      if (id !== options.target) skip.add(id);
    }
  }
  const executed: ExecutedCall[] = [];
  for (let i = 0; i < calls.length; i++) {
    const ex = await executeCall(session, encodeCall(calls[i]!));
    executed.push(ex);
    const before = checks.observe(ex);
    const violations = await checks.check(ex, before, skip);
    await options.onStep?.(ex, i);
    const hit = options.target === undefined ? violations[0] : violations.find((v) => v.id === options.target);
    if (hit !== undefined) return { violation: hit, index: i, executed };
  }
  // End-of-run checks (forge's afterInvariant) see the state the whole sequence left.
  if (checks.afterRun !== undefined && calls.length > 0) {
    const after = await checks.afterRun(skip);
    const hit = options.target === undefined ? after[0] : after.find((v) => v.id === options.target);
    if (hit !== undefined) return { violation: hit, index: calls.length - 1, executed };
  }
  return { index: calls.length - 1, executed };
}
