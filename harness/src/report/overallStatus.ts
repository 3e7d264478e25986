import type { RunStatus, SpecResult } from './types.js';

/** A run's status from its specs: an error first, then a finding, then an interruption, then an inconclusive proof. */
export function overallStatus(specs: readonly SpecResult[], interrupted: boolean): RunStatus {
  if (specs.some((s) => s.status === 'error')) return 'error';
  if (specs.some((s) => s.findings.length > 0)) return 'failed';
  if (interrupted) return 'interrupted';
  // A proof that ran out of time or failed (vigil prove) is not a pass.
  if (specs.some((s) => s.status === 'inconclusive')) return 'inconclusive';
  return 'passed';
}
