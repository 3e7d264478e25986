import type { Report } from './types.js';

/**
 * The report as pretty JSON. The key order is the one the report was built with, so two runs with
 * the same seed diff cleanly once normalized.
 */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
