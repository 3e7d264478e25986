import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '../report/types.js';
import { defaultSettings } from './CampaignSettings.js';
import { CorpusStore, MAX_SAVED_CALLS, MAX_SAVED_SEQUENCES } from './corpusStore.js';
import { runSpecs } from './runSpecs.js';

const root = dirname(dirname(dirname(import.meta.dirname)));
const spec = join(import.meta.dirname, 'fixtures', 'StagedLock.spec.ts');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-corpus-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (signature: string, n: number): CallRecord => ({
  contract: 'lock', contractName: 'StagedLock', address: '0x00', function: signature.split('(')[0]!, signature,
  args: [String(n)], calldata: '0x', sender: '0x0000000000000000000000000000000000010000', value: '0', timeDelta: '0', blockDelta: '0',
});

async function run(corpusDir: string, settings: Partial<typeof defaultSettings>, useCorpus = true) {
  const report = await runSpecs([spec], {
    root, settings: { ...defaultSettings, ...settings }, reportPath: join(corpusDir, 'report.json'),
    cacheDir: join(root, '.vigil', 'cache', 'compile'), corpusDir, useCorpus, command: 'test',
  });
  return report.specs[0]!;
}

describe('CorpusStore: coverage corpus', () => {
  it('round-trips sequences, keeps within its bounds and shrugs off a damaged file', async () => {
    const store = new CorpusStore(join(dir, 'unit'));
    expect(store.loadCoverage('S')).toEqual([]);
    const seqs = [[record('one(uint256)', 1)], [record('two(uint256)', 2), record('one(uint256)', 3)]];
    await store.saveCoverage('S', seqs);
    expect(store.loadCoverage('S')).toEqual(seqs);

    const many = Array.from({ length: MAX_SAVED_SEQUENCES + 50 }, (_, i) => [record('one(uint256)', i)]);
    await store.saveCoverage('S', many);
    expect(store.loadCoverage('S')).toEqual(many.slice(0, MAX_SAVED_SEQUENCES));
    const long = Array.from({ length: 3 }, () => Array.from({ length: MAX_SAVED_CALLS / 2 }, (_, i) => record('one(uint256)', i)));
    await store.saveCoverage('S', long);
    expect(store.loadCoverage('S')).toHaveLength(2);

    writeFileSync(join(dir, 'unit', 'S.coverage.json'), '{"version":1,"sequences":[[');
    expect(store.loadCoverage('S')).toEqual([]);
    expect(store.load('S')).toEqual([]);
  });

  it('is saved by one run and started from by the next, which then covers at least as much', async () => {
    const corpusDir = join(dir, 'runs');
    const first = await run(corpusDir, { runs: 20, depth: 20, seed: 3 });
    const file = join(corpusDir, 'StagedLock.coverage.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { sequences: CallRecord[][] };
    expect(saved.sequences.length).toBeGreaterThan(3);

    const second = await run(corpusDir, { runs: 1, depth: 20, seed: 4 });
    const covered = (s: typeof first) => s.coverage.contracts[0]!.instructionsCovered;
    expect(covered(second)).toBeGreaterThanOrEqual(covered(first));
    // The saved sequences ran before the one run.
    expect(second.stats.calls).toBeGreaterThanOrEqual(20 + saved.sequences.reduce((n, s) => n + s.length, 0));
  });

  it('gives the same result for the same seed and the same saved corpus', async () => {
    const corpusDir = join(dir, 'same');
    await run(corpusDir, { runs: 10, depth: 20, seed: 5 });
    const file = join(corpusDir, 'StagedLock.coverage.json');
    const saved = readFileSync(file, 'utf8');
    const a = await run(corpusDir, { runs: 10, depth: 20, seed: 6 });
    writeFileSync(file, saved);
    const b = await run(corpusDir, { runs: 10, depth: 20, seed: 6 });
    const summary = (s: typeof a) => ({ findings: s.findings.map((f) => [f.id, f.run, f.original.calls.map((c) => c.calldata)]), calls: s.stats.calls, coverage: s.coverage });
    expect(summary(b)).toEqual(summary(a));
  });

  it('drops saved sequences whose function is gone, without failing the run', async () => {
    const corpusDir = join(dir, 'gone');
    await run(corpusDir, { runs: 5, depth: 10, seed: 1 });
    const file = join(corpusDir, 'StagedLock.coverage.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { version: 1; sequences: CallRecord[][] };
    const kept = saved.sequences.length;
    saved.sequences.unshift([record('gone(uint256)', 1)], [saved.sequences[0]![0]!, { ...saved.sequences[0]![0]!, calldata: '0xdeadbeef' }]);
    writeFileSync(file, JSON.stringify(saved));
    const result = await run(corpusDir, { runs: 1, depth: 10, seed: 1 });
    expect(result.status).not.toBe('error');
    // The search's ten calls, and every call of the sequences that still fit.
    expect(kept).toBeGreaterThan(0);
    expect(result.stats.calls).toBe(10 + saved.sequences.slice(2).reduce((n, s) => n + s.length, 0));
  });

  it('leaves the saved corpus alone with --no-corpus (useCorpus false)', async () => {
    const corpusDir = join(dir, 'off');
    await run(corpusDir, { runs: 5, depth: 10, seed: 1 }, false);
    expect(() => readFileSync(join(corpusDir, 'StagedLock.coverage.json'))).toThrow();
  });
});
