import { join, relative, resolve } from 'node:path';
import { loadConfig } from '../../config/loadConfig.js';
import { resolveLayers, type ResolvedSettings } from '../../config/resolveSettings.js';
import { findRunTargets } from '../../native/findRunTargets.js';
import { runSpecs, type RunTarget } from '../../campaign/runSpecs.js';
import { loadReporters } from '../../report/reporters/loadReporters.js';
import { parseReporterNames } from '../../report/reporters/parseReporterNames.js';
import { ReporterGroup } from '../../report/reporters/ReporterGroup.js';
import type { ReporterName } from '../../report/reporters/reporterRegistry.js';
import { reportExitCode } from '../../report/reportExitCode.js';
import type { Report } from '../../report/types.js';
import { VigilError } from '../../errors/VigilError.js';
import { parseShard } from '../../shard/parseShard.js';
import { ProgressLine } from '../ProgressLine.js';
import { typegenForSpecs } from './typegen.js';

/** The flags `vigil run` and `vigil ci` share (registered once in main.ts). */
export interface RunOptions {
  runs?: string;
  depth?: string;
  time?: string;
  seed?: string;
  shrinkLimit?: string;
  out?: string;
  config?: string;
  assertions?: boolean;
  corpus?: boolean;
  quiet?: boolean;
  contract?: string;
  workers?: string | number;
  reporter?: string | string[];
  /** `i/n`: this machine's part of a run spread over n (see `vigil merge`). */
  shard?: string;
}

/** How `run` and `ci` differ; everything else is this one core. */
export interface RunMode {
  command: 'run' | 'ci';
  defaultReporters: readonly ReporterName[];
  /** Console prints the short CI summary instead of the full trace. */
  summary: boolean;
  /** `--time` (or this default, in seconds) is the budget of the whole run, split evenly across the specs. */
  totalTimeSeconds?: number;
}

export interface RunOutcome {
  report: Report;
  /** Report files written, relative to the working directory. */
  written: string[];
  exitCode: number;
}

/** Fuzzes the specs, streams them to the reporters, writes the report files and prints their paths. */
export async function runCommand(paths: string[], options: RunOptions, mode: RunMode): Promise<RunOutcome> {
  const root = process.cwd();
  const config = loadConfig(root, options.config);
  // Reporters load before the run: a bad name or a missing renderer should cost a second, not a campaign.
  const names = withJson(parseReporterNames(options.reporter, mode.defaultReporters));
  const specPaths = paths.length > 0 ? paths : config.specs ?? ['specs'];
  const workers = workerCount(options.workers);
  const shard = parseShard(options.shard);
  const cacheDir = join(root, '.vigil', 'cache', 'compile');
  const layers = resolveLayers(config, flagsFor(options, mode));
  const targets = await findRunTargets(root, specPaths, { cacheDir, contract: options.contract });
  const { settings, fromFlags } = resolveBudget(layers, mode, targets.length);
  const files = targets.filter((t): t is string => typeof t === 'string');
  const outDir = resolve(root, options.out ?? config.out ?? 'reports');
  const reportPath = relative(root, join(outDir, 'vigil-report.json'));
  const command = ['vigil', mode.command, ...process.argv.slice(3)].join(' ');
  const reporters = new ReporterGroup(await loadReporters(names, {
    outDir, root, write: (s) => process.stdout.write(s), color: process.stdout.isTTY === true,
    quiet: options.quiet === true, summary: mode.summary,
  }));

  // Typed handles stay in step with the Solidity when the whole spec folder runs.
  if (paths.length === 0) await typegenForSpecs(root, files).catch(() => undefined);

  const report = await withInterrupts((signal) => runWithProgress(targets, reporters, options, {
    root, settings, overrides: fromFlags, reportPath, cacheDir,
    corpusDir: join(root, '.vigil', 'corpus'),
    useCorpus: options.corpus !== false,
    command, signal, workers, shard,
  }));
  const written = (await reporters.onRunEnd(report)).map((p) => relative(root, p));
  if (written.length > 0) process.stdout.write(`Reports: ${written.join(', ')}\n`);
  return { report, written, exitCode: reportExitCode(report) };
}

type SpecsOptions = Parameters<typeof runSpecs>[1];

async function runWithProgress(targets: RunTarget[], reporters: ReporterGroup, options: RunOptions, base: SpecsOptions): Promise<Report> {
  const progress = new ProgressLine(process.stderr);
  reporters.onRunStart({ targets: targets.length, command: base.command });
  try {
    return await runSpecs(targets, {
      ...base,
      onProgress: options.quiet ? undefined : (spec, p) => progress.update(spec, p),
      onSpecDone: (result) => {
        progress.clear();
        reporters.onSpecDone(result);
      },
      onWarning: (m) => {
        progress.clear();
        process.stderr.write(`warning: ${m}\n`);
      },
    });
  } finally {
    progress.clear();
  }
}

/**
 * The JSON report is always written: every replay command (console, Markdown, JUnit, SARIF, HTML)
 * names it, and replay, export and merge read it.
 */
function withJson(names: ReporterName[]): ReporterName[] {
  return names.includes('json') ? names : ['json', ...names];
}

/** The first SIGINT / SIGTERM stops the campaigns and still writes a partial report; a second quits at once. */
async function withInterrupts<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write(`\n${signal}: stopping; writing a partial report (again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** In CI mode the time flag is the whole run's budget, defaulted, and validated like any --time. */
function flagsFor(options: RunOptions, mode: RunMode): RunOptions {
  if (mode.totalTimeSeconds === undefined || options.time !== undefined) return options;
  return { ...options, time: String(mode.totalTimeSeconds) };
}

/**
 * Splits a total budget evenly: campaigns run one after another, so n specs of total/n each end
 * within the total (shrinking included). A spec that finishes early leaves its share unused,
 * which keeps each spec's budget, and so its result, independent of the others.
 */
function resolveBudget(resolved: ResolvedSettings, mode: RunMode, specs: number): ResolvedSettings {
  const total = resolved.settings.timeLimitMs;
  if (mode.totalTimeSeconds === undefined || total === undefined) return resolved;
  const timeLimitMs = Math.max(1, Math.floor(total / Math.max(1, specs)));
  return { settings: { ...resolved.settings, timeLimitMs }, fromFlags: { ...resolved.fromFlags, timeLimitMs } };
}

/** `--workers N`: 1 to 64 worker threads per campaign (default 1). */
function workerCount(value: string | number | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new VigilError('USAGE', `--workers: expected a whole number from 1 to 64, got ${String(value)}`, {
      hint: 'One worker per core is a good start (`--workers 2` on two cores).',
    });
  }
  return n;
}
