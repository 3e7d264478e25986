import type { RunStatus, SpecResult } from './types.js';

/** A run's status from its specs: an error first, then a finding, then an interruption. */
export function overallStatus(specs: readonly SpecResult[], interrupted: boolean): RunStatus {
  if (specs.some((s) => s.status === 'error')) return 'error';
  if (specs.some((s) => s.findings.length > 0)) return 'failed';
  if (interrupted) return 'interrupted';
  return 'passed';
}
