import type { ExecutedCall } from './ExecutedCall.js';
import type { Violation } from './Violation.js';

/**
 * What a campaign needs of a spec's checks: TypeScript specs (CheckRunner) and
 * Solidity-native suites (NativeChecks) both provide it.
 */
export interface Checks {
  readonly checkNames: { kind: 'invariant' | 'property'; name: string }[];
  /** Evaluations per check (`invariant:name`). */
  readonly counts: Map<string, number>;
  /** Back to the state right after set-up. */
  reset(): void;
  /** Makes the current per-run state the one every run starts from. */
  commitBaseline(): void;
  /** Per-run bookkeeping for a call; returns what `check` needs of the state before it. */
  observe(executed: ExecutedCall): Record<string, unknown>;
  /** Every violation after `executed`, except those whose id is in `skip`. */
  check(executed: ExecutedCall, before: Record<string, unknown>, skip: ReadonlySet<string>): Promise<Violation[]>;
  /** Each invariant's value now (for traces). */
  invariantValues(): Promise<{ name: string; holds: boolean; note?: string }[]>;
  /** After the last call of a run (Foundry's `afterInvariant()`). */
  afterRun?(skip: ReadonlySet<string>): Promise<Violation[]>;
}
