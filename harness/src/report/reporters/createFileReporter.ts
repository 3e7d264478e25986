import { join } from 'node:path';
import type { Report } from '../types.js';
import { writeFileAtomic } from '../writeFileAtomic.js';
import type { Reporter, ReporterContext, ReporterFactory } from './Reporter.js';

/** A reporter that renders the finished report to one file of the output folder, atomically. */
export function createFileReporter(
  name: string,
  fileName: string,
  render: (report: Report, context: ReporterContext) => string | Promise<string>,
): ReporterFactory {
  return (context): Reporter => ({
    name,
    async onRunEnd(report) {
      const path = join(context.outDir, fileName);
      await writeFileAtomic(path, await render(report, context));
      return [path];
    },
  });
}
