import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeReport } from '../../harness/src/report/normalizeReport.js';
import type { Report } from '../../harness/src/report/types.js';
import { validateReport } from '../../harness/src/report/validateReport.js';
import { makeTempDir, readJsonReport, repoRoot, runVigil, stackFramePattern } from './helpers/runVigil.js';

/**
 * `vigil run --shard i/n` on n "machines" (separate working folders, each with its own
 * compile cache and corpus) and `vigil merge`, against `vigil run --workers n` with the same
 * seed: real campaigns on real targets, compared field by field.
 */
let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('shards');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const tokenBuggy = join(repoRoot, 'specs', 'TokenBuggy.spec.ts');
const echidnaSuite = join(repoRoot, 'targets', 'foundry', 'test', 'echidna', 'TokenEchidna.sol');

/**
 * What may differ between a merged report and the run it stands for: timing, the command,
 * the report path in replay commands, the shard record (the run has none), and instruction
 * counts, which cannot be joined from counts (the merge keeps the largest: see coverageBounds).
 */
function comparable(r: Report): Report {
  const n = normalizeReport(r);
  delete n.shard;
  return {
    ...n,
    settings: { ...n.settings, command: '' },
    specs: n.specs.map((s) => ({
      ...s,
      findings: s.findings.map((f) => ({ ...f, replayCommand: f.replayCommand.replace(/replay \S+/, 'replay R') })),
      coverage: { ...s.coverage, contracts: s.coverage.contracts.map((c) => ({ ...c, instructionsCovered: 0 })) },
    })),
  };
}

/** The merged count is the best shard's: at most the run's union, at least every shard's. */
function expectCoverageBounds(merged: Report, run: Report, shards: Report[]): void {
  merged.specs.forEach((spec, i) => spec.coverage.contracts.forEach((c, j) => {
    expect(c.instructionsCovered).toBeLessThanOrEqual(run.specs[i]!.coverage.contracts[j]!.instructionsCovered);
    expect(c.instructionsCovered).toBe(Math.max(...shards.map((s) => s.specs[i]!.coverage.contracts[j]!.instructionsCovered)));
  }));
}

/** Each machine is a folder of its own, all at the same depth so relative paths in reports agree. */
async function machine(name: string): Promise<string> {
  const dir = join(tmp, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

async function vigil(args: string[], cwd: string) {
  const r = await runVigil(args, { cwd, timeoutMs: 240_000 });
  expect(r.output).not.toMatch(stackFramePattern);
  return r;
}

describe('vigil run --shard i/n + vigil merge', () => {
  it('merged shards of TokenBuggy equal vigil run --workers 2: findings, counterexamples, counts, coverage, timeline, corpus', async () => {
    const flags = [tokenBuggy, '--runs', '20', '--depth', '20', '--seed', '5', '--quiet'];
    const [a, b, whole, merged] = await Promise.all(['shard1', 'shard2', 'whole', 'merged'].map(machine));
    const s1 = await vigil(['run', ...flags, '--shard', '1/2', '--out', 'out'], a);
    const s2 = await vigil(['run', ...flags, '--shard', '2/2', '--out', 'out'], b);
    const w = await vigil(['run', ...flags, '--workers', '2', '--out', 'out'], whole);
    expect([s1.code, s2.code, w.code]).toEqual([1, 1, 1]);
    const shard1 = await readJsonReport(join(a, 'out'));
    expect(shard1.shard).toMatchObject({ index: 1, count: 2, workersPerShard: 1 });
    expect(shard1.specs[0]!.stats.runs).toBe(10);

    // Given in the wrong order on purpose: merge orders shards by index.
    const m = await vigil(['merge', join(b, 'out'), join(a, 'out', 'vigil-report.json'), '--out', 'out',
      '--corpus', join(b, '.vigil', 'corpus'), '--corpus', join(a, '.vigil', 'corpus'), '--corpus-out', join(merged, '.vigil', 'corpus')], merged);
    expect(m.code).toBe(1);
    expect(m.stdout).toContain('Merged 2 shards');
    const report = await readJsonReport(join(merged, 'out'));
    expect(validateReport(report).ok).toBe(true);
    const run = await readJsonReport(join(whole, 'out'));
    expect(comparable(report)).toEqual(comparable(run));
    expectCoverageBounds(report, run, [shard1, await readJsonReport(join(b, 'out'))]);
    // Not vacuous: both findings are there, each with a replayable one-call counterexample.
    expect(report.specs[0]!.findings.map((f) => f.id).sort()).toEqual(['TokenBuggy:invariant:supplyIsSumOfBalances', 'TokenBuggy:property:transferConserves']);
    expect(report.specs[0]!.stats.runs).toBe(20);
    expect(report.specs[0]!.timeline!.length).toBeGreaterThan(0);
    expect(report.settings.workers).toBe(2);
    expect(report.shard).toMatchObject({ count: 2, workersPerShard: 1, mergedFrom: [{ index: 1 }, { index: 2 }] });
    expect(report.specs[0]!.findings[0]!.replayCommand).toContain(join('out', 'vigil-report.json'));

    // The joined corpus is what the single run left for the next one.
    for (const file of ['TokenBuggy.failures.json', 'TokenBuggy.coverage.json']) {
      const joined = await readFile(join(merged, '.vigil', 'corpus', file), 'utf8');
      expect(joined, file).toBe(await readFile(join(whole, '.vigil', 'corpus', file), 'utf8'));
    }
  }, 600_000);

  it('a Solidity-native suite (Echidna) merges the same way', async () => {
    const flags = [echidnaSuite, '--contract', 'TokenEchidnaTest', '--runs', '20', '--depth', '30', '--seed', '3', '--no-corpus', '--quiet'];
    const dir = await machine('echidna');
    await vigil(['run', ...flags, '--shard', '1/2', '--out', 'e1'], dir);
    await vigil(['run', ...flags, '--shard', '2/2', '--out', 'e2'], dir);
    const w = await vigil(['run', ...flags, '--workers', '2', '--out', 'ew'], dir);
    const m = await vigil(['merge', 'e1', 'e2', '--out', 'em', '--quiet'], dir);
    expect(m.code).toBe(w.code);
    const report = await readJsonReport(join(dir, 'em'));
    expect(comparable(report)).toEqual(comparable(await readJsonReport(join(dir, 'ew'))));
    expect(report.specs[0]!.findings.length).toBeGreaterThan(0);
  }, 600_000);

  it('--shard with --workers: shards of 2 workers merge to --workers 4', async () => {
    const flags = [tokenBuggy, '--runs', '24', '--depth', '20', '--seed', '9', '--no-corpus', '--quiet'];
    const dir = await machine('workers');
    await vigil(['run', ...flags, '--shard', '1/2', '--workers', '2', '--out', 'c1'], dir);
    await vigil(['run', ...flags, '--shard', '2/2', '--workers', '2', '--out', 'c2'], dir);
    await vigil(['run', ...flags, '--workers', '4', '--out', 'cw'], dir);
    await vigil(['merge', 'c1', 'c2', '--out', 'cm', '--quiet'], dir);
    const report = await readJsonReport(join(dir, 'cm'));
    const run = await readJsonReport(join(dir, 'cw'));
    expect(comparable(report)).toEqual(comparable(run));
    expect(report.specs[0]!.timeline!.at(-1)!.findings).toBe(report.specs[0]!.findings.length);
    expectCoverageBounds(report, run, [await readJsonReport(join(dir, 'c1')), await readJsonReport(join(dir, 'c2'))]);
    expect(report.settings.workers).toBe(4);
    expect(report.specs[0]!.stats.runs).toBe(24);
  }, 600_000);

  it('refuses duplicate, missing and mismatched shards, naming the files (exit 2)', async () => {
    const dir = await machine('bad');
    const flags = [tokenBuggy, '--runs', '4', '--depth', '5', '--seed', '2', '--no-corpus', '--quiet'];
    await vigil(['run', ...flags, '--shard', '1/3', '--out', 'b1'], dir);
    await vigil(['run', ...flags, '--shard', '2/3', '--out', 'b2'], dir);
    await vigil(['run', ...flags, '--out', 'plain'], dir);
    const b2 = JSON.parse(await readFile(join(dir, 'b2', 'vigil-report.json'), 'utf8')) as Report;
    await mkdir(join(dir, 'seed7'));
    await writeFile(join(dir, 'seed7', 'vigil-report.json'), JSON.stringify({ ...b2, settings: { ...b2.settings, seed: '7' } }));

    const duplicate = await vigil(['merge', 'b1', 'b2', 'b1/vigil-report.json'], dir);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('error[SHARD_INCOMPLETE]: shard 1/3 is given twice: b1/vigil-report.json and b1/vigil-report.json');

    const missing = await vigil(['merge', 'b1', 'b2'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error[SHARD_INCOMPLETE]: shard 3/3 missing: 2 of 3 given');
    expect(missing.stderr).toContain('b2/vigil-report.json: shard 2/3');

    const seed = await vigil(['merge', 'b1', 'seed7'], dir);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('error[SHARD_MISMATCH]: seed7/vigil-report.json and b1/vigil-report.json are not shards of one run: different seed');

    const plain = await vigil(['merge', 'b1', 'plain'], dir);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('plain/vigil-report.json is not a shard report: it was written without --shard');

    const badFlag = await vigil(['run', ...flags, '--shard', '3/2'], dir);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--shard: expected i/n with 1 ≤ i ≤ n ≤ 256 (e.g. 2/4), got 3/2');

    const corpusCount = await vigil(['merge', 'b1', 'b2', '--corpus', 'b1'], dir);
    expect(corpusCount.code).toBe(2);
    expect(corpusCount.stderr).toContain('--corpus: 1 corpus folder for 2 reports');
    // Nothing was written by a refused merge.
    expect(await readFile(join(dir, 'reports', 'vigil-report.json'), 'utf8').catch(() => 'none')).toBe('none');
  }, 300_000);
});
