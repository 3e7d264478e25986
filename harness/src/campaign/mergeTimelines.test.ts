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
  it('adds runs and calls, counts distinct findings by the run they were found in, keeps the most edges', () => {
    const merged = mergeTimelines([
      { timeline: [sample(1, 10, 1, 50, 7), sample(2, 20, 1, 60), sample(3, 30, 2, 61)], findings: [{ id: 'a', run: 0 }, { id: 'b', run: 2 }] },
      { timeline: [sample(1, 8, 0, 40), sample(2, 16, 1, 70, 9)], findings: [{ id: 'a', run: 1 }] },
    ]);
    expect(merged).toEqual([
      sample(2, 18, 1, 50, 7),
      sample(4, 36, 1, 70, 9),
      // The second worker stopped after two runs: it stands at its last sample.
      sample(5, 46, 2, 70, 9),
    ]);
  });

  it('leaves out workers that sampled nothing and gives nothing for nothing', () => {
    expect(mergeTimelines([])).toEqual([]);
    expect(mergeTimelines([{ timeline: [], findings: [] }, { timeline: [sample(1, 5, 0, 3)], findings: [] }])).toEqual([sample(1, 5, 0, 3)]);
  });
});

describe('runParallelCampaign: report data of worker threads', () => {
  const settings: CampaignSettings = { ...defaultSettings, runs: 40, depth: 10, seed: ctx.seed };

  async function serialWorker(index: number): Promise<{ result: SpecResult; findings: { id: string; run: number }[] }> {
    const session = await openSession(spec, { root, cacheDir, settings });
    const campaign = await runCampaign({ ...session, settings: workerSettings(session.settings, 2, index) }, { timelineEvery: workerTimelineEvery(settings.runs, 2) });
    return { result: await toSpecResult(campaign, ctx), findings: campaign.findings.map((f) => ({ id: f.violation.id, run: f.run })) };
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

    const expected = mergeTimelines(workers.map((w) => ({ timeline: w.result.timeline!, findings: w.findings })));
    expect(withoutMs(parallel.timeline!)).toEqual(withoutMs(expected));
    expect(parallel.timeline!.at(-1)).toMatchObject({ runs: 40, calls: parallel.stats.calls, findings: parallel.findings.length });
  }, 240_000);
});
