import type { Report } from '../types.js';
import { toSarif, type SarifOptions } from './toSarif.js';

/** `vigil-report.sarif`: the SARIF log as pretty JSON. */
export function formatSarif(report: Report, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
