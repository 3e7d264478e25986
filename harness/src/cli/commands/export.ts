import { existsSync } from 'node:fs';
import path from 'node:path';
import picocolors from 'picocolors';
import { VigilError } from '../../errors/VigilError.js';
import { defaultExportPath } from '../../export/exportFinding.js';
import { exportVerifiedTest } from '../../export/exportVerifiedTest.js';
import { exportBountyCommand } from './exportBounty.js';
import { exportNames } from '../../export/exportNames.js';
import { suiteOf } from '../../export/exportSuiteFinding.js';
import { foundryToml } from '../../export/foundryProject.js';
import { readReport } from '../../report/readReport.js';
import type { Finding, SpecResult } from '../../report/types.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { EXIT } from '../exitCodes.js';

interface ExportOptions {
  foundry?: string | boolean;
  bounty?: string | boolean;
  finding?: string;
  out?: string;
  verify?: boolean;
  recommendation?: string;
}

/**
 * `vigil export --foundry <report>`: writes a Foundry test per finding that reproduces its
 * counterexample and fails as Vigil did. Exit 0 when every test is complete, 3 when one
 * could only replay the sequence (its check is left to the reader; the warning says why).
 */
export default async function exportCommand(args: string[], options: ExportOptions): Promise<number> {
  const c = picocolors.createColors(process.stdout.isTTY === true);
  if (options.bounty !== undefined && options.foundry !== undefined) {
    throw new VigilError('USAGE', 'vigil export takes one of --foundry and --bounty', {
      hint: 'The bounty write-up embeds the Foundry test already: run `vigil export --bounty <report> --finding ID`.',
    });
  }
  if (typeof options.bounty === 'string') return exportBountyCommand({ ...options, bounty: options.bounty });
  if (typeof options.foundry !== 'string') {
    const given = args.length > 0 ? `: got ${args.join(' ')}` : '';
    throw new VigilError('USAGE', `vigil export needs the report to export from, after --foundry or --bounty${given}`, {
      hint: 'Run `vigil export --foundry reports/vigil-report.json [--finding ID] [--out FILE|DIR]` (a Foundry test) or `vigil export --bounty reports/vigil-report.json --finding ID` (a bug-bounty write-up).',
    });
  }
  const reportPath = options.foundry;
  const report = await readReport(path.resolve(reportPath));
  const all = report.specs.flatMap((spec) => spec.findings.map((finding) => ({ spec, finding })));
  const selected = options.finding === undefined ? all : all.filter((x) => x.finding.id === options.finding);
  if (selected.length === 0) {
    throw new VigilError('FINDING_NOT_FOUND', options.finding === undefined ? `${reportPath} has no findings to export` : `no finding "${options.finding}" in ${reportPath}`, {
      meta: all.map((x) => `finding: ${x.finding.id}`),
      ...(options.finding === undefined ? { hint: 'Nothing to export: `vigil run` found no violation.' } : {}),
    });
  }
  if (options.out?.endsWith('.sol') && selected.length > 1) {
    throw new VigilError('USAGE', `--out ${options.out} names one file, but ${selected.length} findings are selected`, {
      hint: 'Pass --finding ID to export one, or a folder as --out.',
      meta: selected.map((x) => `finding: ${x.finding.id}`),
    });
  }

  const root = process.cwd();
  let partial = 0;
  for (const { spec, finding } of selected) {
    const outFile = outPath(spec, finding, root, options.out);
    const { test, note } = await exportVerifiedTest(
      { report, reportPath, spec, finding, root, outFile },
      { verify: options.verify !== false, cacheDir: path.join(root, '.vigil', 'cache', 'compile') },
    );
    await writeFileAtomic(outFile, test.source);
    const forgeRoot = await foundryRootFor(outFile, suiteOf(spec) === undefined);
    const shown = path.relative(root, outFile) || outFile;
    const mark = test.status === 'complete' ? c.green('complete') : c.yellow('partial');
    process.stdout.write(`${c.bold('Wrote')} ${shown} (${finding.id}, ${mark})\n`);
    if (test.expectedFailure !== undefined && test.status === 'complete') process.stdout.write(`  fails in forge with: ${test.expectedFailure}\n`);
    const rootFlag = forgeRoot === undefined || path.resolve(forgeRoot) === root ? '' : ` --root ${path.relative(root, forgeRoot) || '.'}`;
    process.stdout.write(`  run: forge test${rootFlag} --match-contract ${test.contractName} --match-test ${test.testName}\n`);
    if (note !== undefined) process.stdout.write(c.dim(`  ${note}\n`));
    for (const w of test.warnings) process.stdout.write(c.yellow(`  warning: ${w}\n`));
    if (test.status === 'partial') partial++;
  }
  return partial > 0 ? EXIT.inconclusive : EXIT.ok;
}

function outPath(spec: SpecResult, finding: Finding, root: string, out: string | undefined): string {
  if (out === undefined) return defaultExportPath(spec, finding, root);
  const resolved = path.resolve(root, out);
  return out.endsWith('.sol') ? resolved : path.join(resolved, exportNames(spec.name, finding).fileName);
}

/**
 * The Foundry project the test belongs to: the nearest folder with a foundry.toml. A
 * self-contained test written where there is none gets one beside it (forge-std mapped to
 * forge-std-lite), so `forge test --root <folder>` runs it as it is.
 */
async function foundryRootFor(outFile: string, selfContained: boolean): Promise<string | undefined> {
  const dir = path.dirname(outFile);
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'foundry.toml'))) return d;
    if (path.dirname(d) === d) break;
  }
  if (!selfContained) return undefined;
  await writeFileAtomic(path.join(dir, 'foundry.toml'), foundryToml(dir));
  return dir;
}
