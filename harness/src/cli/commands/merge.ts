import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { VigilError } from '../../errors/VigilError.js';
import { readReport } from '../../report/readReport.js';
import { reportExitCode } from '../../report/reportExitCode.js';
import { loadReporters } from '../../report/reporters/loadReporters.js';
import { parseReporterNames } from '../../report/reporters/parseReporterNames.js';
import { ReporterGroup } from '../../report/reporters/ReporterGroup.js';
import { mergeCorpora } from '../../shard/mergeCorpora.js';
import { mergeReports } from '../../shard/mergeReports.js';

interface MergeOptions {
  out?: string;
  corpus?: string | string[];
  corpusOut?: string;
  reporter?: string | string[];
  quiet?: boolean;
}

/**
 * `vigil merge <report.json|dir>...`: joins the reports of `vigil run --shard i/n` (i = 1..n)
 * into the report of the whole run, written through the reporters like a run's, and with
 * `--corpus` the shards' corpora into `.vigil/corpus/`. Exits as the whole run would have.
 */
export default async function merge(paths: string[], options: MergeOptions): Promise<number> {
  const root = process.cwd();
  if (paths.length === 0) {
    throw new VigilError('USAGE', 'vigil merge needs the shard reports to join', {
      hint: 'Run `vigil merge shard-1/vigil-report.json shard-2/vigil-report.json [--out reports]` (a folder stands for its vigil-report.json).',
    });
  }
  const files = paths.map((p) => reportFile(resolve(root, p)));
  const corpusDirs = listOption(options.corpus).map((d) => resolve(root, d));
  if (corpusDirs.length > 0 && corpusDirs.length !== files.length) {
    throw new VigilError('USAGE', `--corpus: ${corpusDirs.length} corpus folder${corpusDirs.length === 1 ? '' : 's'} for ${files.length} reports`, {
      hint: 'Give one corpus folder per report, in the same order (the corpus a shard left, beside its report).',
    });
  }
  for (const d of corpusDirs) {
    if (!existsSync(d)) throw new VigilError('IO', `corpus folder not found: ${relative(root, d) || d}`);
  }
  const names = parseReporterNames(options.reporter, ['console', 'json', 'markdown']);
  const inputs = await Promise.all(files.map(async (f) => ({ file: relative(root, f) || f, report: await readReport(f) })));
  const outDir = resolve(root, options.out ?? 'reports');
  const command = ['vigil', 'merge', ...process.argv.slice(3)].join(' ');
  const { report, warnings } = mergeReports(inputs, { reportPath: relative(root, join(outDir, 'vigil-report.json')), command });
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);

  const reporters = new ReporterGroup(await loadReporters(names, {
    outDir, root, write: (s) => process.stdout.write(s), color: process.stdout.isTTY === true, quiet: options.quiet === true,
  }));
  reporters.onRunStart({ targets: report.specs.length, command });
  for (const spec of report.specs) reporters.onSpecDone(spec);
  const written = (await reporters.onRunEnd(report)).map((p) => relative(root, p));
  const from = report.shard!.mergedFrom!;
  process.stdout.write(`Merged ${from.length} shard${from.length === 1 ? '' : 's'} (${from.map((s) => s.file).join(', ')}) into the report of --workers ${report.settings.workers}\n`);
  if (written.length > 0) process.stdout.write(`Reports: ${written.join(', ')}\n`);

  if (corpusDirs.length > 0) {
    // Corpora follow their reports, which are merged in shard order whatever order they came in.
    const dirOf = new Map(inputs.map((input, i) => [input.file, corpusDirs[i]!]));
    const outCorpus = resolve(root, options.corpusOut ?? join('.vigil', 'corpus'));
    const merged = await mergeCorpora(report, from.map((s) => dirOf.get(s.file)!), outCorpus);
    const sequences = merged.reduce((a, m) => a + m.sequences, 0);
    process.stdout.write(`Corpus: ${relative(root, outCorpus) || '.'} (${merged.length} spec${merged.length === 1 ? '' : 's'}, ${sequences} coverage sequences)\n`);
  }
  return reportExitCode(report);
}

/** A folder stands for the vigil-report.json in it (as a CI artifact is downloaded). */
function reportFile(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? join(path, 'vigil-report.json') : path;
}

/** A repeated flag comes as an array; a comma-separated list is accepted too. */
function listOption(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter((s) => s !== '');
}
