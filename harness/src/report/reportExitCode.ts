import { EXIT } from '../cli/exitCodes.js';
import type { Report } from './types.js';

/** The exit code a run with this report ends with; SARIF records it as the invocation's. */
export function reportExitCode(report: Report): number {
  if (report.specs.some((s) => s.status === 'error')) return EXIT.usage;
  if (report.specs.some((s) => s.findings.length > 0)) return EXIT.violation;
  if (report.interrupted || report.specs.some((s) => s.status === 'inconclusive')) return EXIT.inconclusive;
  return EXIT.ok;
}
