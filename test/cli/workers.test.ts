import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeReport } from '../../harness/src/report/normalizeReport.js';
import { workerRuns, workerSeed } from '../../harness/src/campaign/runParallelCampaign.js';
import { fixtureSpec, makeTempDir, readJsonReport, runVigil, stackFramePattern } from './helpers/runVigil.js';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('workers');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('vigil run --workers', () => {
  it('splits runs and seeds deterministically; worker 0 is the serial campaign', () => {
    expect([0, 1, 2].map((i) => workerRuns(10, 3, i))).toEqual([4, 3, 3]);
    expect(workerSeed(7, 0)).toBe(7);
    expect(new Set([0, 1, 2, 3].map((i) => workerSeed(7, i))).size).toBe(4);
  });

  it('merges the workers into one report, byte-identical for the same seed and worker count', async () => {
    const out = join(tmp, 'two');
    const args = ['run', fixtureSpec('Piggy'), '--runs', '20', '--depth', '20', '--seed', '3', '--workers', '2', '--out', out, '--no-corpus'];
    const first = await runVigil(args, { timeoutMs: 120_000 });
    expect(first.code).toBe(1);
    expect(first.output).not.toMatch(stackFramePattern);
    const a = await readJsonReport(out);
    const second = await runVigil(args, { timeoutMs: 120_000 });
    const b = await readJsonReport(out);
    expect(JSON.stringify(normalizeReport(b), null, 2)).toBe(JSON.stringify(normalizeReport(a), null, 2));
    expect(a.settings.workers).toBe(2);
    const spec = a.specs[0]!;
    // Both workers' runs are counted; the finding is reported once, with a counterexample that replays.
    expect(spec.stats.runs).toBeGreaterThan(10);
    expect(spec.findings.map((f) => f.id)).toEqual(['Piggy:invariant:totalIsSumOfBalances']);
    expect(second.code).toBe(1);
  }, 240_000);

  it('rejects a bad worker count as a usage error', async () => {
    const r = await runVigil(['run', fixtureSpec('Piggy'), '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers: expected a whole number from 1 to 64, got 0');
  });
});
