import { reporterNames } from '../../report/reporters/reporterRegistry.js';
import { runCommand, type RunOptions } from './runCommand.js';

/** The default budget of a whole `vigil ci` run, in seconds: short enough for a pull-request check. */
export const CI_TIME_SECONDS = 300;

/**
 * `vigil ci`: `vigil run` with CI defaults. `--time` is the budget of the whole run (default
 * 300 s), split evenly across the specs; every reporter is on (JSON, Markdown, JUnit, SARIF,
 * HTML); the console prints a short summary; the exit code is run's (0 ok, 1 violation, 2 error,
 * 3 inconclusive).
 */
export default async function ci(paths: string[], options: RunOptions): Promise<number> {
  const { exitCode } = await runCommand(paths, options, {
    command: 'ci',
    defaultReporters: reporterNames,
    summary: true,
    totalTimeSeconds: CI_TIME_SECONDS,
  });
  return exitCode;
}
