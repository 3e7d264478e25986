import { join, relative, resolve } from 'node:path';
import { loadConfig } from '../../config/loadConfig.js';
import { resolveLayers } from '../../config/resolveSettings.js';
import { findRunTargets } from '../../native/findRunTargets.js';
import { runSpecs } from '../../campaign/runSpecs.js';
import { formatConsole } from '../../report/formatConsole.js';
import { writeReports } from '../../report/writeReports.js';
import type { Report } from '../../report/types.js';
import { EXIT } from '../exitCodes.js';
import { VigilError } from '../../errors/VigilError.js';
import { ProgressLine } from '../ProgressLine.js';
import { typegenForSpecs } from './typegen.js';

interface RunOptions {
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
}

/** `vigil run`: fuzz specs, print the forge-shaped summary, write JSON and Markdown reports. */
export default async function run(paths: string[], options: RunOptions): Promise<number> {
  const root = process.cwd();
  const config = loadConfig(root, options.config);
  const { settings, fromFlags } = resolveLayers(config, options);
  const specPaths = paths.length > 0 ? paths : config.specs ?? ['specs'];
  const workers = workerCount(options.workers);
  const cacheDir = join(root, '.vigil', 'cache', 'compile');
  const targets = await findRunTargets(root, specPaths, { cacheDir, contract: options.contract });
  const files = targets.filter((t): t is string => typeof t === 'string');
  const outDir = resolve(root, options.out ?? config.out ?? 'reports');
  const reportPath = relative(root, join(outDir, 'vigil-report.json'));

  // Typed handles stay in step with the Solidity when the whole spec folder runs.
  if (paths.length === 0) await typegenForSpecs(root, files).catch(() => undefined);

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

  const progress = new ProgressLine(process.stderr);
  let report: Report;
  try {
    report = await runSpecs(targets, {
      root,
      settings,
      overrides: fromFlags,
      reportPath,
      cacheDir,
      corpusDir: join(root, '.vigil', 'corpus'),
      useCorpus: options.corpus !== false,
      command: ['vigil', 'run', ...process.argv.slice(3)].join(' '),
      signal: controller.signal,
      onProgress: options.quiet ? undefined : (spec, p) => progress.update(spec, p),
      onSpecDone: () => progress.clear(),
      workers,
      onWarning: (m) => {
        progress.clear();
        process.stderr.write(`warning: ${m}\n`);
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.clear();
  }
  const written = await writeReports(report, outDir);
  const text = formatConsole(report, { color: process.stdout.isTTY === true });
  process.stdout.write(options.quiet ? quietText(report, text) : text);
  process.stdout.write(`Reports: ${relative(root, written.json)}, ${relative(root, written.markdown)}\n`);
  return exitCodeFor(report);
}

/** With --quiet: spec errors in full (they need fixing), then the final summary line. */
function quietText(report: Report, text: string): string {
  const errors = report.specs.flatMap((s) => (s.error ? [`error[${s.error.code}]: ${s.error.message}`, ...s.error.meta.map((m) => `  ${m}`), `Hint: ${s.error.hint}`] : []));
  return [...errors, text.trimEnd().split('\n').pop()!, ''].join('\n');
}

export function exitCodeFor(report: Report): number {
  if (report.specs.some((s) => s.status === 'error')) return EXIT.usage;
  if (report.specs.some((s) => s.findings.length > 0)) return EXIT.violation;
  if (report.interrupted) return EXIT.inconclusive;
  return EXIT.ok;
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
