import { existsSync } from 'node:fs';
import { reportFiles } from '../../report/reportFiles.js';
import { basename, dirname, relative, resolve } from 'node:path';
import picocolors from 'picocolors';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { reopenSession } from '../../campaign/reopenSession.js';
import type { SpecSession } from '../../campaign/SpecSession.js';
import { VigilError, isVigilError } from '../../errors/VigilError.js';
import { readReport } from '../../report/readReport.js';
import type { Finding, SpecResult } from '../../report/types.js';
import { formatRecommendationConsole } from '../../recommend/formatRecommendationConsole.js';
import { recommend } from '../../recommend/recommend.js';
import { validateRecommendation } from '../../recommend/validateRecommendation.js';
import { writeRecommendation } from '../../recommend/writeRecommendation.js';
import { toRecommendationSummary } from '../../recommend/toRecommendationSummary.js';
import { loadReporters } from '../../report/reporters/loadReporters.js';
import { ReporterGroup } from '../../report/reporters/ReporterGroup.js';
import type { ReporterName } from '../../report/reporters/reporterRegistry.js';
import type { Report } from '../../report/types.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { EXIT } from '../exitCodes.js';

export interface RecommendFlags {
  finding?: string;
  out?: string;
  chainId?: string | number;
  safe?: string;
  refuzzRuns?: string | number;
  /** `--no-update-report`: leave the report as it is. */
  updateReport?: boolean;
}

/**
 * `vigil recommend`: for each finding of a report (or `--finding`), the levers to pull, proven
 * by replay and re-fuzzing from the spec's post-set-up state, with Safe batch files to sign.
 * Exits 0 when every finding has a cover, 3 when one has none or no longer reproduces.
 */
export default async function recommendCommand(reportPath: string, flags: RecommendFlags): Promise<number> {
  const c = picocolors.createColors(process.stdout.isTTY === true);
  const chainId = parseWhole(flags.chainId ?? 1, '--chain-id');
  const refuzzRuns = flags.refuzzRuns === undefined ? undefined : parseWhole(flags.refuzzRuns, '--refuzz-runs');
  if (flags.safe !== undefined && !/^0x[0-9a-fA-F]{40}$/.test(String(flags.safe))) {
    throw new VigilError('USAGE', `--safe must be an address (0x + 40 hex digits), got ${String(flags.safe)}`);
  }
  const report = await readReport(resolve(reportPath));
  const all: { spec: SpecResult; finding: Finding }[] = report.specs.flatMap((spec) => spec.findings.map((finding) => ({ spec, finding })));
  const selected = flags.finding === undefined ? all : all.filter((x) => x.finding.id === flags.finding);
  if (selected.length === 0) {
    throw new VigilError('FINDING_NOT_FOUND', flags.finding === undefined ? `${reportPath} has no findings to recommend levers for` : `no finding "${flags.finding}" in ${reportPath}`, {
      meta: all.map((x) => `finding: ${x.finding.id}`),
    });
  }
  const out = resolve(flags.out ?? 'reports/recommendations');
  const sessions = new Map<string, SpecSession>();
  let uncovered = 0;
  for (const { spec, finding } of selected) {
    const key = `${spec.file}|${spec.suite?.contract ?? ''}`;
    let session = sessions.get(key);
    if (session === undefined) {
      session = await reopenSession(spec, { ...defaultSettings, seed: Number(finding.seed) || 1, assertions: true });
      sessions.set(key, session);
    }
    process.stdout.write(`${c.bold(`Recommending for ${finding.id}`)} (spec ${spec.file})\n`);
    try {
      const rec = await recommend(session, finding, {
        ...(refuzzRuns !== undefined ? { refuzz: { runs: refuzzRuns } } : {}),
        onProgress: (m) => process.stdout.write(c.dim(`  ${m}\n`)),
      });
      const problems = validateRecommendation(JSON.parse(JSON.stringify(rec)));
      if (problems.length > 0) throw new VigilError('INTERNAL', `the recommendation for ${finding.id} does not fit its schema`, { meta: problems });
      const files = await writeRecommendation(rec, out, { chainId, now: Date.now(), ...(flags.safe ? { safe: String(flags.safe) } : {}) });
      process.stdout.write(formatRecommendationConsole(rec, c));
      for (const f of Object.values(files)) process.stdout.write(`  wrote ${f}\n`);
      const rel = (f: string | undefined) => (f === undefined ? undefined : relative(process.cwd(), f));
      finding.recommendation = toRecommendationSummary(rec, {
        recommendation: rel(files.recommendation)!,
        ...(files.batch ? { safeBatch: rel(files.batch)! } : {}),
        ...(files.undo ? { undoBatch: rel(files.undo)! } : {}),
      });
      process.stdout.write('\n');
      if (rec.chosen === null) uncovered++;
    } catch (e) {
      if (!isVigilError(e) || e.code !== 'RECOMMEND_NOT_REPRODUCED' || selected.length === 1) throw e;
      process.stdout.write(c.yellow(c.bold(`[CANNOT RECOMMEND] ${e.message}\n\n`)));
      uncovered++;
    }
  }
  if (flags.updateReport !== false) {
    const written = await updateReport(report, resolve(reportPath));
    process.stdout.write(`Updated: ${written.map((p) => relative(process.cwd(), p)).join(', ')}\n`);
  }
  return uncovered > 0 ? EXIT.inconclusive : EXIT.ok;
}

/** Reports rendered beside a report: re-rendered with the recommendations in. */
const RENDERED = ['markdown', 'html', 'sarif', 'junit'] as const satisfies readonly (ReporterName & keyof typeof reportFiles)[];

/** The report with each finding's recommendation, and the formats already rendered beside it. */
async function updateReport(report: Report, path: string): Promise<string[]> {
  await writeFileAtomic(path, `${JSON.stringify(report, null, 2)}\n`);
  const dir = dirname(path);
  if (basename(path) !== reportFiles.json) return [path];
  const names = RENDERED.filter((name) => existsSync(resolve(dir, reportFiles[name])));
  if (names.length === 0) return [path];
  const reporters = new ReporterGroup(await loadReporters(names, { outDir: dir, root: process.cwd(), write: () => undefined, color: false, quiet: true }));
  return [path, ...(await reporters.onRunEnd(report))];
}

function parseWhole(v: string | number, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new VigilError('USAGE', `${flag} must be a whole number, got ${String(v)}`);
  return n;
}
