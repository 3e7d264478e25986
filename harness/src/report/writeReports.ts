import { join } from 'node:path';
import { reportFiles } from './reportFiles.js';
import { formatJson } from './formatJson.js';
import { formatMarkdown } from './formatMarkdown.js';
import type { Report } from './types.js';
import { writeFileAtomic } from './writeFileAtomic.js';

export interface WrittenReports {
  json: string;
  markdown: string;
}

/**
 * Writes `vigil-report.json` and `vigil-report.md` into `dir`, the files of the json and markdown
 * reporters, for code that has a report but no reporters (the CLI goes through the registry).
 */
export async function writeReports(report: Report, dir: string): Promise<WrittenReports> {
  const json = join(dir, reportFiles.json);
  const markdown = join(dir, reportFiles.markdown);
  await writeFileAtomic(json, formatJson(report));
  await writeFileAtomic(markdown, formatMarkdown(report));
  return { json, markdown };
}
