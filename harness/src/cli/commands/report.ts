import { dirname, relative, resolve } from 'node:path';
import { readReport } from '../../report/readReport.js';
import { loadReporters } from '../../report/reporters/loadReporters.js';
import { parseReporterNames } from '../../report/reporters/parseReporterNames.js';
import { ReporterGroup } from '../../report/reporters/ReporterGroup.js';
import { EXIT } from '../exitCodes.js';

interface ReportOptions {
  reporter?: string | string[];
  out?: string;
  quiet?: boolean;
}

/**
 * `vigil report <report.json> --reporter X`: renders a saved report again, in any format (e.g. the
 * SARIF of an old run, or of a merged one). Files go beside the report unless --out says otherwise.
 */
export default async function report(path: string, options: ReportOptions): Promise<number> {
  const root = process.cwd();
  const data = await readReport(path);
  const names = parseReporterNames(options.reporter, ['console']);
  const outDir = resolve(root, options.out ?? dirname(path));
  const reporters = new ReporterGroup(await loadReporters(names, {
    outDir, root, write: (s) => process.stdout.write(s), color: process.stdout.isTTY === true, quiet: options.quiet === true,
  }));
  const written = (await reporters.onRunEnd(data)).map((p) => relative(root, p));
  if (written.length > 0) process.stdout.write(`Reports: ${written.join(', ')}\n`);
  return EXIT.ok;
}
