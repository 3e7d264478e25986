import type { Report } from '../../report/types.js';
import { reportExitCode } from '../../report/reportExitCode.js';
import { runCommand, type RunOptions } from './runCommand.js';

/** `vigil run`: fuzz specs, print the forge-shaped trace, write the reports (default JSON and Markdown). */
export default async function run(paths: string[], options: RunOptions): Promise<number> {
  const { exitCode } = await runCommand(paths, options, {
    command: 'run',
    defaultReporters: ['console', 'json', 'markdown'],
    summary: false,
  });
  return exitCode;
}

/** Kept for callers that imported it from here; the rule lives beside the report. */
export function exitCodeFor(report: Report): number {
  return reportExitCode(report);
}
