import type { SourceLocation } from '../../report/types.js';
import { boundedOutcome, proveInOrder, stepOutcome } from '../verify/proveInOrder.js';
import type { ProveOutcome } from '../verify/proveChecks.js';
import type { Obligation } from './Obligation.js';
import type { ObligationPool } from './ObligationPool.js';

/** An obligation without its procedure and check: what every obligation of one spec shares. */
export type SpecObligation = Omit<Obligation, 'procedure' | 'check' | 'assume'>;

/**
 * `proveChecks` with every obligation in the pool's workers (see proveInOrder): each check's
 * bounded search is its own obligation (they run in parallel), then the inductive steps. An obligation
 * that timed out or whose worker died gives `unknown` / `error` for its check alone.
 * Verdicts come back in a fixed order whatever order the workers finish in.
 */
export async function proveChecksInWorkers(
  pool: ObligationPool,
  spec: SpecObligation,
  checks: readonly { kind: 'invariant' | 'property'; name: string }[],
  locations?: ReadonlyMap<string, SourceLocation>,
): Promise<ProveOutcome> {
  return proveInOrder({
    checks, bounds: spec.bounds, ...(locations ? { locations } : {}),
    bounded: async (name) => boundedOutcome(await pool.run({ ...spec, procedure: 'bounded', check: name, assume: [] })),
    inductive: async (name, assume) => stepOutcome(await pool.run({ ...spec, procedure: 'inductive', check: name, assume })),
  });
}
