import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeReport } from '../../harness/src/report/normalizeReport.js';
import { validateReport } from '../../harness/src/report/validateReport.js';
import { fixtureSpec, makeTempDir, readJsonReport, runVigil, smallBudget, stackFramePattern } from './helpers/runVigil.js';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('run');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('vigil run', () => {
  it('reports a buggy fixture with a shrunk sequence, a replay command and valid reports (exit 1)', async () => {
    const out = join(tmp, 'buggy');
    const r = await runVigil(['run', fixtureSpec('Piggy'), ...smallBudget, '--out', out, '--no-corpus']);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FAIL: invariant totalIsSumOfBalances broken] invariant totalIsSumOfBalances');
    const sequence = /\[Sequence\] \(original: (\d+), shrunk: (\d+)\)/.exec(r.stdout);
    expect(sequence).not.toBeNull();
    const [original, shrunk] = [Number(sequence![1]), Number(sequence![2])];
    expect(shrunk).toBeGreaterThan(0);
    expect(shrunk).toBeLessThanOrEqual(original);
    // The bug needs a deposit and then a withdrawal.
    expect(shrunk).toBe(2);
    expect(r.stdout).toMatch(/calldata=deposit\(uint256\)/);
    expect(r.stdout).toMatch(/calldata=withdrawAll\(\)/);
    expect(r.stdout).toContain("replay: npx vigil replay ");
    expect(r.stdout).toContain("--finding 'Piggy:invariant:totalIsSumOfBalances'");
    expect(r.stdout).toMatch(/at test\/cli\/fixtures\/specs\/Piggy\.spec\.ts:8/);
    expect(r.stdout).toMatch(/Ran 1 spec in [\d.]+s: FAILED/);
    expect(r.output).not.toMatch(stackFramePattern);

    expect(existsSync(join(out, 'vigil-report.json'))).toBe(true);
    expect(existsSync(join(out, 'vigil-report.md'))).toBe(true);
    const data: unknown = JSON.parse(await readFile(join(out, 'vigil-report.json'), 'utf8'));
    const validation = validateReport(data);
    expect(validation.ok ? [] : validation.errors).toEqual([]);
    const report = await readJsonReport(out);
    expect(report.status).toBe('failed');
    const [finding] = report.specs[0]!.findings;
    expect(finding).toMatchObject({ id: 'Piggy:invariant:totalIsSumOfBalances', kind: 'invariant', seed: '1' });
    expect(finding!.shrunk.calls.length).toBe(shrunk);
    expect(finding!.original.calls.length).toBe(original);
    expect(finding!.replayCommand).toContain('vigil-report.json');
    expect(await readFile(join(out, 'vigil-report.md'), 'utf8')).toContain('totalIsSumOfBalances');
  });

  it('passes the correct twin (exit 0)', async () => {
    const out = join(tmp, 'fixed');
    const r = await runVigil(['run', fixtureSpec('PiggyFixed'), ...smallBudget, '--out', out, '--no-corpus']);

    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[PASS\] invariant totalIsSumOfBalances \(checks: \d+\)/);
    expect(r.stdout).not.toContain('[FAIL');
    expect(r.stdout).toMatch(/: PASSED\./);
    expect(r.output).not.toMatch(stackFramePattern);
    const report = await readJsonReport(out);
    expect(report.status).toBe('passed');
    expect(report.specs[0]!.findings).toEqual([]);
  });

  it('uses the spec\'s fuzz block over the defaults, flags over both, and reports what ran', async () => {
    const own = join(tmp, 'spec-budget');
    const r1 = await runVigil(['run', fixtureSpec('SpecBudget'), '--out', own, '--no-corpus']);
    expect(r1.code).toBe(0);
    const a = (await readJsonReport(own)).specs[0]!;
    expect(a.settings).toMatchObject({ runs: 3, depth: 4 });
    expect(a.stats.calls).toBe(12);

    const flagged = join(tmp, 'flag-budget');
    const r2 = await runVigil(['run', fixtureSpec('SpecBudget'), '--runs', '5', '--depth', '6', '--out', flagged, '--no-corpus']);
    expect(r2.code).toBe(0);
    const b = (await readJsonReport(flagged)).specs[0]!;
    expect(b.settings).toMatchObject({ runs: 5, depth: 6 });
    expect(b.stats.calls).toBe(30);
  });

  it('gives byte-identical reports for the same seed, once timings are normalized', async () => {
    // The same --out both times: the command line is part of the report.
    const out = join(tmp, 'seeded');
    const args = ['run', fixtureSpec('Piggy'), ...smallBudget, '--seed', '7', '--out', out, '--no-corpus'];
    const first = await runVigil(args);
    expect(first.code).toBe(1);
    const a = await readJsonReport(out);
    const second = await runVigil(args);
    expect(second.code).toBe(1);
    const b = await readJsonReport(out);

    expect(JSON.stringify(normalizeReport(b), null, 2)).toBe(JSON.stringify(normalizeReport(a), null, 2));
    expect(a.settings.seed).toBe('7');
    expect(a.specs[0]!.findings[0]!.seed).toBe('7');

    // Another seed is recorded as such; its sequences may differ, so only the seed is compared.
    const other = join(tmp, 'other-seed');
    const third = await runVigil(['run', fixtureSpec('Piggy'), ...smallBudget, '--seed', '8', '--out', other, '--no-corpus']);
    expect(third.code).toBe(1);
    const c = await readJsonReport(other);
    expect(c.settings.seed).toBe('8');
    expect(c.specs[0]!.findings[0]!.seed).toBe('8');
    expect(third.stdout).toMatch(/seed 8$/m);
  });
});
