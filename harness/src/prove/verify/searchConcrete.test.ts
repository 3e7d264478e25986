import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { fromCallRecord } from '../../campaign/fromCallRecord.js';
import { openSession } from '../../campaign/openSession.js';
import { runSequence } from '../../campaign/runSequence.js';
import type { FuzzCall } from '../../fuzz/FuzzCall.js';
import { searchConcrete } from './searchConcrete.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const open = (file: string) => openSession(join(fixtures, file), { root: fixtures, settings: defaultSettings });
const budget = { runs: 40, depth: 20, timeLimitMs: 60_000 };

describe('searchConcrete (the concrete search vigil prove runs before the solver)', () => {
  it('breaks the buggy coin with a shrunk sequence that the real runner replays from the set-up state', async () => {
    const session = await open('CoinBuggy.spec.ts');
    const found = await searchConcrete(session, budget, 'reports/vigil-report.json');
    expect(found.map((f) => `${f.kind}:${f.name}`)).toContain('invariant:supplyCoversBalances');
    const f = found.find((x) => x.name === 'supplyCoversBalances')!;
    expect(f.finding.id).toBe('CoinBuggy:invariant:supplyCoversBalances');
    expect(f.finding.replayCommand).toContain("--finding 'CoinBuggy:invariant:supplyCoversBalances'");
    const calls = f.finding.shrunk.calls.map((r) => fromCallRecord(session, r)) as FuzzCall[];
    expect(calls.length).toBeGreaterThan(0);
    expect((await runSequence(session, calls, { target: f.finding.id })).violation?.id).toBe(f.finding.id);
  }, 120_000);

  it('finds nothing on the correct coin, and is the same for the same seed', async () => {
    const session = await open('Coin.spec.ts');
    expect(await searchConcrete(session, budget, 'r.json')).toEqual([]);
    const buggy = await open('CoinBuggy.spec.ts');
    const a = await searchConcrete(buggy, budget, 'r.json');
    const b = await searchConcrete(buggy, budget, 'r.json');
    expect(b.map((x) => x.finding.shrunk.calls)).toEqual(a.map((x) => x.finding.shrunk.calls));
  }, 120_000);

  it('does nothing with 0 runs', async () => {
    const session = await open('CoinBuggy.spec.ts');
    expect(await searchConcrete(session, { ...budget, runs: 0 }, 'r.json')).toEqual([]);
  }, 60_000);
});
