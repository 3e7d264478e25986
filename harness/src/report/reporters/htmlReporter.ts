import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VigilError } from '../../errors/VigilError.js';
import type { Report } from '../types.js';
import { createFileReporter } from './createFileReporter.js';
import type { ReporterFactory } from './Reporter.js';

type RenderHtml = (report: Report, options: { readSource: (file: string) => string | undefined }) => string;

// A variable, so the type checker does not resolve the renderer's module: the rest of the
// registry must load (and say clearly what is missing) even in a build without it.
const RENDERER = '../html/renderHtml.js';

/**
 * `vigil-report.html`: one self-contained page. The renderer is imported when the reporter is
 * loaded, before the run, so a missing renderer fails in a second rather than after the campaigns.
 */
export async function loadHtmlReporter(): Promise<ReporterFactory> {
  let renderHtml: RenderHtml | undefined;
  try {
    renderHtml = ((await import(RENDERER)) as { renderHtml?: RenderHtml }).renderHtml;
  } catch (cause) {
    throw unavailable((cause as Error).message, cause);
  }
  if (typeof renderHtml !== 'function') throw unavailable('harness/src/report/html/renderHtml.ts does not export renderHtml');
  const render = renderHtml;
  return createFileReporter('html', 'vigil-report.html', (report, context) =>
    render(report, { readSource: (file) => readSource(context.root, file) }));
}

function unavailable(why: string, cause?: unknown): VigilError {
  return new VigilError('REPORTER_UNAVAILABLE', `the html reporter could not be loaded: ${why}`, {
    cause,
    hint: 'Leave html out of --reporter (console,json,markdown,junit,sarif still work), or reinstall Vigil.',
  });
}

/** Source of a target for the per-line coverage view; a file that has gone is shown without source. */
function readSource(root: string, file: string): string | undefined {
  try {
    return readFileSync(resolve(root, file), 'utf8');
  } catch {
    return undefined;
  }
}
