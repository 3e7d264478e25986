import { expect, it } from 'vitest';
import { defaultSettings } from '../../harness/src/campaign/CampaignSettings.js';
import { openSession } from '../../harness/src/campaign/openSession.js';
import { runCampaign } from '../../harness/src/campaign/runCampaign.js';
import { runSequence } from '../../harness/src/campaign/runSequence.js';

// The other library families have buggy targets (test/e2e/targets.test.ts); access and
// pausable are tried on a fixture token that leaks both ways. Token.spec.ts is their correct case.
it('access and pausable checks find a token anyone can unpause and that burns while paused', async () => {
  const session = await openSession('test/e2e/fixtures/LeakyToken.spec.ts', {
    root: process.cwd(),
    cacheDir: '.vigil/cache/compile',
    settings: { ...defaultSettings, seed: 1 },
  });
  const result = await runCampaign(session);
  expect(result.findings.map((f) => f.violation.id).sort()).toEqual([
    'LeakyToken:property:nothingMovesWhilePaused',
    'LeakyToken:property:onlyOwnerPauses',
  ]);
  for (const f of result.findings) {
    expect((await runSequence(session, f.shrunk, { target: f.violation.id })).violation?.id).toBe(f.violation.id);
    expect(f.shrunk.map((c) => c.target.id)).toContain('token.pause');
  }
});
