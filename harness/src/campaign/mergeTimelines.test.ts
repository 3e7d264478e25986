import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpecResult, TimelineSample } from '../report/types.js';
import { defaultSettings, type CampaignSettings } from './CampaignSettings.js';
import { mergeTimelines } from './mergeTimelines.js';
import { openSession } from './openSession.js';
import { runCampaign } from './runCampaign.js';
import { runParallelCampaign, workerSettings } from './runParallelCampaign.js';
import { workerTimelineEvery } from './TimelineRecorder.js';
import { toSpecResult } from './toSpecResult.js';

const root = dirname(dirname(dirname(import.meta.dirname)));
const spec = join(import.meta.dirname, 'fixtures', 'ReportData.spec.ts');
const ctx = { seed: 9, reportPath: 'reports/vigil-report.json' };

let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'vigil-merge-timelines-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const sample = (runs: number, calls: number, findings: number, edges: number, ms = runs): TimelineSample => ({ ms, runs, calls, findings, edges });
const withoutMs = (t: TimelineSample[]) => t.map(({ ms: _, ...rest }) => rest);

describe('mergeTimelines', () => {
  const w0 = [sample(2, 20, 1, 50, 7), sample(4, 40, 1, 60), sample(6, 60, 2, 61), sample(7, 70, 2, 61)];
  const w1 = [sample(2, 16, 0, 40), sample(4, 32, 1, 70, 9)];

  it('adds runs and calls, keeps the most edges and the latest ms, and counts reported findings by the run that produced them', () => {
    // Sampled every 2 runs; findings reported from run 0 (or the saved corpus), 3 and 6 of their workers.
    const merged = mergeTimelines([w0, w1], [{ run: -1 }, { run: 3 }, { run: 6 }], 2);
    expect(merged).toEqual([
      sample(4, 36, 1, 50, 7),
      sample(8, 72, 2, 70, 9),
      // The second worker stopped after four runs: it stands at its last sample.
      sample(10, 92, 2, 70, 9),
      sample(11, 102, 3, 70, 9),
    ]);
  });

  it('gives the same timeline for workers joined at once or first in shards', () => {
    const w2 = [sample(2, 10, 0, 30, 4), sample(4, 25, 0, 35, 5), sample(5, 30, 1, 36, 6)];
    const w3 = [sample(1, 3, 0, 20, 2)];
    const found = [{ run: 1 }, { run: 4 }, { run: 0 }];
    const whole = mergeTimelines([w0, w1, w2, w3], found, 2);
    // A shard reports only the findings it kept; the join needs only the run's reported ones.
    const shards = [mergeTimelines([w0, w1], [{ run: 1 }], 2), mergeTimelines([w2, w3], [{ run: 4 }, { run: 0 }], 2)];
    expect(mergeTimelines(shards, found, 2)).toEqual(whole);
  });

  it('leaves out timelines with no sample and gives nothing for nothing', () => {
    expect(mergeTimelines([], [], 1)).toEqual([]);
    expect(mergeTimelines([[], [sample(1, 5, 0, 3)]], [], 1)).toEqual([sample(1, 5, 0, 3)]);
  });

  it('in its earlier form counts each part\'s findings by its own run counts', () => {
    const merged = mergeTimelines([
      { timeline: w0, findings: [{ id: 'a', run: 0 }, { id: 'b', run: 5 }] },
      { timeline: w1, findings: [{ id: 'a', run: 2 }] },
    ]);
    expect(merged.map((s) => s.findings)).toEqual([1, 1, 2, 2]);
  });
});

describe('runParallelCampaign: report data of worker threads', () => {
  const settings: CampaignSettings = { ...defaultSettings, runs: 40, depth: 10, seed: ctx.seed };

  async function serialWorker(index: number): Promise<{ result: SpecResult }> {
    const session = await openSession(spec, { root, cacheDir, settings });
    const campaign = await runCampaign({ ...session, settings: workerSettings(session.settings, 2, index) }, { timelineEvery: workerTimelineEvery(settings.runs, 2) });
    return { result: await toSpecResult(campaign, ctx) };
  }

  it('reports the union of the workers\' line coverage and their merged timeline', async () => {
    const session = await openSession(spec, { root, cacheDir, settings });
    const parallel = await toSpecResult(await runParallelCampaign(session, { workers: 2, target: spec, root, cacheDir, persisted: [] }), ctx);
    // Each worker is the serial campaign with that worker's seed and run share.
    const workers = [await serialWorker(0), await serialWorker(1)];

    const union = new Map<string, { coverable: Set<number>; covered: Set<number> }>();
    for (const { result } of workers) {
      for (const l of result.coverage.lines!) {
        const u = union.get(l.file) ?? { coverable: new Set(), covered: new Set() };
        l.coverable.forEach((n) => u.coverable.add(n));
        l.covered.forEach((n) => u.covered.add(n));
        union.set(l.file, u);
      }
    }
    const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
    expect(parallel.coverage.lines).toEqual([...union].map(([file, u]) => ({ file, coverable: sorted(u.coverable), covered: sorted(u.covered) })));

    const expected = mergeTimelines(workers.map((w) => w.result.timeline!), parallel.findings, workerTimelineEvery(settings.runs, 2));
    expect(withoutMs(parallel.timeline!)).toEqual(withoutMs(expected));
    expect(parallel.timeline!.at(-1)).toMatchObject({ runs: 40, calls: parallel.stats.calls, findings: parallel.findings.length });
  }, 240_000);
});
