import { formatConsole, formatConsoleBanner, formatConsoleFinal, formatConsoleSpec } from '../formatConsole.js';
import { formatSummary } from '../formatSummary.js';
import type { Report, SpecResult } from '../types.js';
import type { Reporter, ReporterContext, ReporterFactory } from './Reporter.js';

interface ConsoleStyle {
  /** Text for a spec as soon as it is done; none: everything at the end. */
  spec?: (spec: SpecResult) => string;
  end: (report: Report) => string;
  /** The whole text, for a report that was not streamed (a re-render). */
  whole: (report: Report) => string;
}

/** Full forge-shaped text, --quiet (spec errors and the last line), or the short summary of `vigil ci`. */
function styleFor(context: ReporterContext): ConsoleStyle {
  const opts = { color: context.color };
  // In one block at the end: in a CI log, progress lines on stderr would scatter a streamed summary.
  if (context.summary === true) return { end: (r) => formatSummary(r, opts), whole: (r) => formatSummary(r, opts) };
  if (context.quiet === true) {
    const end = (r: Report) => formatConsoleFinal(r, opts);
    return { spec: errorText, end, whole: (r) => `${r.specs.map(errorText).join('')}${end(r)}` };
  }
  return {
    spec: (s) => formatConsoleSpec(s, opts),
    // The banner opens a re-rendered report; a streamed run learns of the interruption only at its end.
    end: (r) => `${formatConsoleBanner(r, opts)}${formatConsoleFinal(r, opts)}`,
    whole: (r) => formatConsole(r, opts),
  };
}

/** Spec errors in full even when quiet: they need fixing before anything else. */
function errorText(spec: SpecResult): string {
  const e = spec.error;
  if (!e) return '';
  return [`error[${e.code}]: ${e.message}`, ...e.meta.map((m) => `  ${m}`), `Hint: ${e.hint}`, ''].join('\n');
}

/** Streams each spec's result as it finishes, then the final line; writes no file. */
export const consoleReporter: ReporterFactory = (context): Reporter => {
  const style = styleFor(context);
  let streamed = 0;
  return {
    name: 'console',
    onSpecDone(spec) {
      if (!style.spec) return;
      streamed++;
      context.write(style.spec(spec));
    },
    async onRunEnd(report) {
      context.write(streamed > 0 ? style.end(report) : style.whole(report));
      return [];
    },
  };
};
