import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, readJsonReport, repoRoot, runVigil, stackFramePattern } from '../cli/helpers/runVigil.js';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('time-budget');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the --time budget', () => {
  it('ends a search of a million runs and a slow shrink within a few seconds of the budget', async () => {
    // Unbounded by runs (1,000,000 × 1,000 calls would take hours) and by shrinking (every shrink
    // attempt replays ~120 calls that cannot be dropped): only the budget can end this run.
    const spec = join(repoRoot, 'test/badInput/fixtures/specs/SlowShrink.spec.ts');
    const r = await runVigil(['run', spec, '--runs', '1000000', '--depth', '1000', '--time', '5', '--no-corpus', '--out', tmp], { timeoutMs: 120_000 });

    expect(r.output).not.toMatch(stackFramePattern);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FAIL: invariant countIsSmall broken]');
    expect(r.stdout).toMatch(/shrink: budget-exhausted after \d+ attempts/);
    const report = await readJsonReport(tmp);
    const s = report.specs[0]!;
    expect(s.settings).toMatchObject({ runs: 1_000_000, timeLimitMs: 5_000 });
    // The budget, not the run count, ended the search, and it cut the shrink short.
    expect(s.stats.runs).toBeLessThan(1_000_000);
    expect(s.findings).toHaveLength(1);
    expect(s.findings[0]!.shrink.status).toBe('budget-exhausted');
    // A functional bound, not a benchmark: search and shrink end within a generous margin of 5 s.
    expect(s.stats.durationMs).toBeLessThan(5_000 + 10_000);
    expect(report.durationMs).toBeLessThan(5_000 + 15_000);
  }, 150_000);

  it('with --workers 2, counts the workers\' start-up inside the budget', async () => {
    const out = join(tmp, 'workers');
    const spec = join(repoRoot, 'test/badInput/fixtures/specs/SlowShrink.spec.ts');
    const r = await runVigil(['run', spec, '--runs', '1000000', '--depth', '1000', '--time', '5', '--workers', '2', '--no-corpus', '--out', out], { timeoutMs: 120_000 });

    expect(r.output).not.toMatch(stackFramePattern);
    // On a busy machine the workers' start-up (loader, compile cache, deployment) can use the
    // whole budget, leaving no run: then nothing is found, and that is the budget's answer.
    expect([0, 1]).toContain(r.code);
    const s = (await readJsonReport(out)).specs[0]!;
    expect(s.stats.runs).toBeLessThan(1_000_000);
    for (const f of s.findings) expect(f.shrink.status).toBe('budget-exhausted');
    // Each worker starts in parallel and then has only what is left of the 5 s; generous for
    // a loaded 2-core machine, and hours below what the runs alone would take.
    expect(s.stats.durationMs).toBeLessThan(5_000 + 20_000);
  }, 150_000);
});
