import picocolors from 'picocolors';
import { summarizeSpec, totalSummary } from './summarizeSpec.js';
import type { Report, RunStatus, SpecResult } from './types.js';

type Colors = ReturnType<typeof picocolors.createColors>;

export interface SummaryOptions {
  color: boolean;
}

const label: Record<RunStatus, (c: Colors) => string> = {
  passed: (c) => c.green('PASS '),
  failed: (c) => c.red('FAIL '),
  error: (c) => c.red('ERROR'),
  inconclusive: (c) => c.yellow('INCON'),
  interrupted: (c) => c.yellow('STOP '),
};

/**
 * The short text of `vigil ci`, for a CI log: one line per spec (plus one per finding with its
 * replay command, the one thing a reader of a red build needs), then the totals. The full trace
 * is in the report files.
 */
export function formatSummary(report: Report, opts: SummaryOptions): string {
  return `${report.specs.map((s) => formatSummarySpec(s, opts)).join('')}${formatSummaryEnd(report, opts)}`;
}

export function formatSummarySpec(spec: SpecResult, opts: SummaryOptions): string {
  const c = picocolors.createColors(opts.color);
  const s = summarizeSpec(spec);
  const coverage = s.coveragePercent === undefined ? 'n/a' : `${s.coveragePercent}%`;
  const what = spec.error
    ? `error[${spec.error.code}]: ${spec.error.message.split('\n')[0]}`
    : `${plural(s.failed, 'finding')}, ${s.passed} passed; ${s.calls} calls, coverage ${coverage}`;
  const lines = [`${label[spec.status](c)} ${c.bold(spec.name)} (${spec.file}): ${what}`];
  for (const f of spec.findings) lines.push(`      ${f.id} (${plural(f.shrunk.calls.length, 'call')}): ${c.cyan(f.replayCommand)}`);
  return `${lines.join('\n')}\n`;
}

export function formatSummaryEnd(report: Report, opts: SummaryOptions): string {
  const c = picocolors.createColors(opts.color);
  const t = totalSummary(report.specs);
  const failing = report.specs.filter((s) => s.status !== 'passed').length;
  const status = report.status === 'passed' ? c.green('PASSED') : c.red(report.status.toUpperCase());
  return (
    `${status}: ${plural(report.specs.length, 'spec')} (${failing} not passed), ${plural(t.failed, 'finding')}, ` +
    `${t.passed} checks passed, ${t.errored} errored; ${t.calls} calls in ${(report.durationMs / 1000).toFixed(2)}s; seed ${report.settings.seed}\n`
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
