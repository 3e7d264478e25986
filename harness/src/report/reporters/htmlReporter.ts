import { readFileSync } from 'node:fs';
import { reportFiles } from '../reportFiles.js';
import { resolve } from 'node:path';
import { VigilError } from '../../errors/VigilError.js';
import { createFileReporter } from './createFileReporter.js';
import type { ReporterFactory } from './Reporter.js';

/**
 * `vigil-report.html`: one self-contained page. The renderer is imported when the reporter is
 * loaded, before the run, so a renderer that cannot load fails in a second rather than after the
 * campaigns.
 */
export async function loadHtmlReporter(): Promise<ReporterFactory> {
  let renderHtml: typeof import('../html/renderHtml.js').renderHtml;
  try {
    ({ renderHtml } = await import('../html/renderHtml.js'));
  } catch (cause) {
    throw new VigilError('REPORTER_UNAVAILABLE', `the html reporter could not be loaded: ${(cause as Error).message}`, {
      cause,
      hint: 'Leave html out of --reporter (console,json,markdown,junit,sarif still work), or reinstall Vigil.',
    });
  }
  return createFileReporter('html', reportFiles.html, (report, context) =>
    renderHtml(report, { readSource: (file) => readSource(context.root, file) }));
}

/** Source of a target for the per-line coverage view; a file that has gone is shown without source. */
function readSource(root: string, file: string): string | undefined {
  try {
    return readFileSync(resolve(root, file), 'utf8');
  } catch {
    return undefined;
  }
}
