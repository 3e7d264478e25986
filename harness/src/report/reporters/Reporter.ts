import type { Finding, Report, SpecResult } from '../types.js';

/** What every reporter is given when it is created: where files go and where text goes. */
export interface ReporterContext {
  /** Folder for report files (absolute). */
  outDir: string;
  /** Working directory the report's relative paths start from. */
  root: string;
  /** Text for the user (stdout in the CLI). */
  write: (text: string) => void;
  color: boolean;
  /** Console: print only spec errors and the final line. */
  quiet?: boolean;
  /** Console: the few-line summary of `vigil ci` instead of the full trace. */
  summary?: boolean;
}

export interface RunStartInfo {
  /** Specs and suites about to run, in order. */
  targets: number;
  command: string;
}

/**
 * One output of a run. Hooks fire in run order: `onRunStart` once, then per spec `onSpecDone` and
 * `onFinding` for each of its findings (a campaign reports its findings when it ends), then
 * `onRunEnd` with the whole report. File reporters render only from that report, so a re-render
 * of an old report (`vigil report`) writes the same bytes as the run did.
 */
export interface Reporter {
  readonly name: string;
  onRunStart?(info: RunStartInfo): void;
  onSpecDone?(spec: SpecResult): void;
  onFinding?(finding: Finding): void;
  /** Returns the paths of the files written (absolute), none for text-only reporters. */
  onRunEnd(report: Report): Promise<string[]>;
}

export type ReporterFactory = (context: ReporterContext) => Reporter;
