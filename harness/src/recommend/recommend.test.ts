import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { openSession } from '../campaign/openSession.js';
import { runCampaign } from '../campaign/runCampaign.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import { toSpecResult } from '../campaign/toSpecResult.js';
import type { Finding } from '../report/types.js';
import { recommend } from './recommend.js';
import type { Recommendation } from './types.js';

async function findingsOf(spec: string): Promise<{ session: SpecSession; findings: Finding[] }> {
  const session = await openSession(`specs/${spec}.spec.ts`, { root: process.cwd(), cacheDir: '.vigil/cache/compile', settings: { ...defaultSettings, seed: 1 } });
  const result = await runCampaign(session);
  const spec_ = await toSpecResult(result, { seed: 1, reportPath: 'reports/vigil-report.json' });
  return { session, findings: spec_.findings };
}

describe('recommend on GuardedBuggy', () => {
  let session: SpecSession;
  let finding: Finding;
  let rec: Recommendation;
  beforeAll(async () => {
    const r = await findingsOf('GuardedBuggy');
    session = r.session;
    finding = r.findings.find((f) => f.id === 'GuardedBuggy:invariant:positionsHealthy')!;
    rec = await recommend(session, finding, { corpusDir: '.vigil/tmp/none', onProgress: (m) => console.log(m) });
    console.log(JSON.stringify({ ...rec, evidence: { ...rec.evidence, matrix: rec.evidence.matrix.length } }, null, 1).slice(0, 20000));
  }, 600_000);
  afterAll(() => undefined);

  it('chooses the two freezes', () => {
    expect(rec.chosen?.levers.sort()).toEqual(['freezeGold', 'freezeSilver']);
  });
});
