import { readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../harness/src/report/formatJson.js';
import { normalizeReport } from '../../harness/src/report/normalizeReport.js';
import { sarifSchemaErrors } from '../../harness/src/report/sarif/testing/sarifSchemaErrors.js';
import type { Report } from '../../harness/src/report/types.js';
import { fixtureSpec, makeTempDir, readJsonReport, repoRoot, runVigil, smallBudget, stackFramePattern } from './helpers/runVigil.js';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('ci');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The reports of a run with their timing fields taken out: what must be byte-identical for a seed. */
async function timelessReports(out: string): Promise<{ json: string; junit: string; sarif: string }> {
  const read = (f: string) => readFile(join(out, f), 'utf8');
  const json = formatJson(normalizeReport(JSON.parse(await read('vigil-report.json')) as Report));
  const junit = (await read('vigil-report.junit.xml')).replace(/ (time|timestamp)="[^"]*"/g, '');
  const sarif = JSON.parse(await read('vigil-report.sarif'));
  for (const inv of sarif.runs[0].invocations) {
    delete inv.startTimeUtc;
    delete inv.endTimeUtc;
  }
  return { json, junit, sarif: JSON.stringify(sarif, null, 2) };
}

describe('vigil ci', () => {
  it('writes every report, prints a short summary, exits as run, and gives byte-identical reports apart from timings for a seed', async () => {
    const out = join(tmp, 'token');
    const args = ['ci', 'specs/TokenBuggy.spec.ts', '--runs', '20', '--depth', '20', '--seed', '7', '--no-corpus', '--out', out];
    const first = await runVigil(args);
    expect(first.code).toBe(1);
    expect(first.output).not.toMatch(stackFramePattern);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^FAIL  TokenBuggy \(specs\/TokenBuggy\.spec\.ts\): [1-9]\d* findings?, \d+ passed; \d+ calls, coverage \d+%$/);
    expect(lines.filter((l) => l.startsWith('      TokenBuggy:')).every((l) => l.includes('npx vigil replay'))).toBe(true);
    expect(lines.at(-2)).toMatch(/^FAILED: 1 spec \(1 not passed\), [1-9]\d* findings?, \d+ checks passed, 0 errored; \d+ calls in [\d.]+s; seed 7$/);
    const rel = relative(repoRoot, out);
    expect(lines.at(-1)).toBe(`Reports: ${['json', 'md', 'junit.xml', 'sarif', 'html'].map((x) => `${rel}/vigil-report.${x}`).join(', ')}`);
    // Short: no per-call trace on the console.
    expect(first.stdout).not.toContain('[Sequence]');

    const report = await readJsonReport(out);
    // The default budget, 300 s, goes whole to the only spec.
    expect(report.specs[0]!.settings).toMatchObject({ seed: '7', runs: 20, depth: 20, timeLimitMs: 300_000 });
    expect(report.settings.command).toBe(`vigil ${args.join(' ')}`);
    expect(sarifSchemaErrors(JSON.parse(await readFile(join(out, 'vigil-report.sarif'), 'utf8')))).toEqual([]);

    const a = await timelessReports(out);
    const second = await runVigil(args);
    expect(second.code).toBe(1);
    const b = await timelessReports(out);
    expect(b.json).toBe(a.json);
    expect(b.junit).toBe(a.junit);
    expect(b.sarif).toBe(a.sarif);
  });

  it('splits --time evenly across the specs', async () => {
    const out = join(tmp, 'split');
    const r = await runVigil(['ci', fixtureSpec('Piggy'), fixtureSpec('PiggyFixed'), '--time', '10', ...smallBudget, '--no-corpus', '--reporter', 'console', '--out', out]);
    expect(r.code).toBe(1);
    const report = await readJsonReport(out);
    expect(report.specs.map((s) => [s.name, s.settings?.timeLimitMs])).toEqual([['Piggy', 5000], ['PiggyFixed', 5000]]);
    expect(r.stdout).toMatch(/^FAIL  Piggy .*\n(      .*\n)*PASS  PiggyFixed /m);
  });

  it('validates --time like run does', async () => {
    const r = await runVigil(['ci', fixtureSpec('Piggy'), '--time', '0', '--out', join(tmp, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--time:');
    expect(r.output).not.toMatch(stackFramePattern);
  });

  it('takes every flag vigil run takes', async () => {
    const flags = (help: string) => [...help.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]!);
    const [run, ci] = await Promise.all([runVigil(['run', '--help']), runVigil(['ci', '--help'])]);
    expect(flags(run.stdout).length).toBeGreaterThan(10);
    expect(flags(ci.stdout).sort()).toEqual(flags(run.stdout).sort());
  });
});
