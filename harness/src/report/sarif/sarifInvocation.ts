import { reportExitCode } from '../reportExitCode.js';
import type { Report } from '../types.js';
import type { SarifInvocation, SarifNotification } from './SarifLog.js';
import { sarifLocation } from './sarifLocation.js';

/**
 * The run as an invocation: its command and exit code (0 ok, 1 violation, 2 spec error,
 * 3 inconclusive), and what went wrong besides findings (spec errors, stale counterexamples,
 * an interruption) as notifications.
 */
export function sarifInvocation(report: Report): SarifInvocation {
  const exitCode = reportExitCode(report);
  const end = Date.parse(report.createdAt);
  return {
    // A violation is the tool doing its job; an error or a cut-short run is not a complete execution.
    executionSuccessful: exitCode === 0 || exitCode === 1,
    exitCode,
    commandLine: report.settings.command,
    startTimeUtc: new Date(end - report.durationMs).toISOString(),
    endTimeUtc: new Date(end).toISOString(),
    toolExecutionNotifications: notifications(report),
  };
}

function notifications(report: Report): SarifNotification[] {
  const out: SarifNotification[] = [];
  if (report.interrupted === true) {
    out.push({ level: 'warning', descriptor: { id: 'INTERRUPTED' }, message: { text: 'The run was stopped early; results cover only the work done.' } });
  }
  for (const spec of report.specs) {
    const e = spec.error;
    if (e) {
      out.push({
        level: 'error',
        descriptor: { id: e.code },
        message: { text: [`${spec.name}: ${e.message}`, ...e.meta, `Hint: ${e.hint}`].join('\n') },
        locations: [sarifLocation(spec.file)],
      });
    }
    for (const s of spec.staleFindings ?? []) {
      out.push({
        level: 'note',
        descriptor: { id: 'STALE_COUNTEREXAMPLE' },
        message: { text: `${s.id}: the persisted counterexample no longer fails (${s.message}); the bug may be fixed or the corpus out of date.` },
        locations: [sarifLocation(spec.file)],
      });
    }
  }
  return out;
}
