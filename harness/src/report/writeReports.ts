import { join } from 'node:path';
import { formatMarkdown } from './formatMarkdown.js';
import type { Report } from './types.js';
import { writeFileAtomic } from './writeFileAtomic.js';

export interface WrittenReports {
  json: string;
  markdown: string;
}

/**
 * Writes `vigil-report.json` and `vigil-report.md` into `dir`. The JSON keeps the key order the
 * report was built with, so two runs with the same seed diff cleanly once normalized.
 */
export async function writeReports(report: Report, dir: string): Promise<WrittenReports> {
  const json = join(dir, 'vigil-report.json');
  const markdown = join(dir, 'vigil-report.md');
  await writeFileAtomic(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(markdown, formatMarkdown(report));
  return { json, markdown };
}
