import path from 'node:path';
import picocolors from 'picocolors';
import { VigilError } from '../../errors/VigilError.js';
import { exportBounty } from '../../export/bounty/exportBounty.js';
import { exportNames } from '../../export/exportNames.js';
import { readReport } from '../../report/readReport.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { EXIT } from '../exitCodes.js';

export interface BountyOptions {
  bounty: string;
  finding?: string;
  out?: string;
  verify?: boolean;
  recommendation?: string;
}

/**
 * `vigil export --bounty <report> --finding ID [--out FILE]`: the finding as a bug-bounty
 * write-up (reports/bounty/<Spec>_<kind>_<name>.md by default). Exit 0, or 3 when its proof of
 * concept is partial (it replays the sequence but cannot end with the check).
 */
export async function exportBountyCommand(options: BountyOptions): Promise<number> {
  const c = picocolors.createColors(process.stdout.isTTY === true);
  const root = process.cwd();
  const reportPath = options.bounty;
  const report = await readReport(path.resolve(reportPath));
  const all = report.specs.flatMap((spec) => spec.findings.map((finding) => ({ spec, finding })));
  const chosen = options.finding === undefined ? (all.length === 1 ? all[0] : undefined) : all.find((x) => x.finding.id === options.finding);
  if (chosen === undefined) {
    const why = options.finding !== undefined ? `no finding "${options.finding}" in ${reportPath}`
      : all.length === 0 ? `${reportPath} has no findings to write up` : `${reportPath} has ${all.length} findings: say which one to write up`;
    throw new VigilError(options.finding === undefined && all.length > 1 ? 'USAGE' : 'FINDING_NOT_FOUND', why, {
      meta: all.map((x) => `finding: ${x.finding.id}`),
      hint: all.length === 0 ? 'Nothing to write up: `vigil run` found no violation.' : `Pass --finding ID, e.g. --finding '${all[0]!.finding.id}'.`,
    });
  }
  const { spec, finding } = chosen;
  const bounty = await exportBounty({
    report, reportPath, spec, finding, root, verify: options.verify !== false, cacheDir: path.join(root, '.vigil', 'cache', 'compile'),
    ...(options.recommendation !== undefined ? { recommendationFile: options.recommendation } : {}),
  });
  const outFile = options.out !== undefined
    ? path.resolve(root, options.out)
    : path.resolve(root, 'reports', 'bounty', exportNames(spec.name, finding).fileName.replace(/\.t\.sol$/, '.md'));
  await writeFileAtomic(outFile, bounty.markdown);
  const mark = bounty.poc.test.status === 'complete' ? c.green('complete') : c.yellow('partial');
  process.stdout.write(`${c.bold('Wrote')} ${path.relative(root, outFile) || outFile} (${finding.id}: ${bounty.severity.level}, proof of concept ${mark})\n`);
  for (const w of bounty.poc.test.warnings) process.stdout.write(c.yellow(`  warning: ${w}\n`));
  return bounty.poc.test.status === 'complete' ? EXIT.ok : EXIT.inconclusive;
}
