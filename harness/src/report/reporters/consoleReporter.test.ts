import { describe, expect, it } from 'vitest';
import { sampleReport } from '../fixtures/sampleReport.js';
import { formatConsole } from '../formatConsole.js';
import { formatSummary } from '../formatSummary.js';
import type { Report } from '../types.js';
import { consoleReporter } from './consoleReporter.js';
import type { ReporterContext } from './Reporter.js';

function collect(options: Partial<ReporterContext>): { context: ReporterContext; out: string[] } {
  const out: string[] = [];
  return { out, context: { outDir: '/nowhere', root: '/', write: (s) => out.push(s), color: false, ...options } };
}

async function streamed(report: Report, options: Partial<ReporterContext> = {}): Promise<string[]> {
  const { context, out } = collect(options);
  const r = consoleReporter(context);
  for (const spec of report.specs) r.onSpecDone?.(spec);
  expect(await r.onRunEnd(report)).toEqual([]);
  return out;
}

describe('consoleReporter', () => {
  it('streams each spec when it is done and prints exactly what formatConsole prints', async () => {
    const report = sampleReport();
    const out = await streamed(report);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^Spec Token /);
    expect(out.join('')).toBe(formatConsole(report, { color: false }));
  });

  it('prints the whole text at the end when nothing was streamed (a re-render)', async () => {
    const report = sampleReport();
    report.interrupted = true;
    const { context, out } = collect({});
    await consoleReporter(context).onRunEnd(report);
    expect(out).toEqual([formatConsole(report, { color: false })]);
  });

  it('with --quiet prints only spec errors with their hint, then the final line', async () => {
    const out = (await streamed(sampleReport(), { quiet: true })).join('').split('\n');
    expect(out[0]).toBe('error[INVARIANT_THREW]: property withdrawReturnsAssets threw: TypeError: Cannot mix BigInt and other types');
    expect(out[1]).toBe('  at specs/Vault.spec.ts:31:7');
    expect(out[2]).toMatch(/^Hint: /);
    expect(out[3]).toMatch(/^Ran 2 specs in 10\.95s: FAILED\./);
    expect(out).toHaveLength(5);
  });

  it('in CI mode prints the short summary in one block at the end', async () => {
    const report = sampleReport();
    const out = await streamed(report, { summary: true });
    expect(out).toEqual([formatSummary(report, { color: false })]);
  });
});
