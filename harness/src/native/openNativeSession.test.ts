import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { runCampaign } from '../campaign/runCampaign.js';
import { openNativeSession } from './openNativeSession.js';

const file = join(import.meta.dirname, 'fixtures', 'Targets.t.sol');
const open = (contract: string) =>
  openNativeSession({ kind: 'foundry', root: join(import.meta.dirname, 'fixtures'), file, contract }, {
    settings: { ...defaultSettings, runs: 8, depth: 10 }, overrides: { runs: 8, depth: 10 },
  });

describe('forge target selection', () => {
  it('targets the state-changing functions of every contract setUp created', async () => {
    const s = await open('DefaultTargetsTest');
    expect(s.targets.map((t) => t.id).sort()).toEqual(['Alpha.poke', 'Alpha.prod', 'Beta.bump']);
    expect(s.senders).toEqual(['0x0000000000000000000000000000000000010000', '0x0000000000000000000000000000000000020000', '0x0000000000000000000000000000000000030000']);
    // forge's addresses: the test contract, then CREATEs from it at nonce 1 and 2.
    expect(s.deployment.contracts.map((c) => [c.key, c.address])).toEqual([
      ['DefaultTargetsTest', '0x7fa9385be102ac3eac297483dd6233d62b3e1496'],
      ['Alpha', '0x5615deb798bb3e4dfa0139dfa1b3d433cc23b72f'],
      ['Beta', '0x2e234dae75c793f67a35089c9d99245e1c58470b'],
    ]);
  });

  it('honours targetContract, excludeContract and targetSender', async () => {
    const s = await open('NarrowedTest');
    expect(s.targets.map((t) => t.id).sort()).toEqual(['Alpha.poke', 'Alpha.prod']);
    expect(s.senders).toEqual(['0x000000000000000000000000000000000000beef']);
  });

  it('honours targetSelector, and the invariant breaks only through the selected function', async () => {
    const s = await open('SelectorTest');
    expect(s.targets.map((t) => t.signature)).toEqual(['prod()']);
    const r = await runCampaign(s);
    expect(r.findings.map((f) => f.violation.id)).toEqual(['SelectorTest:invariant:invariant_small']);
    expect(r.findings[0]!.violation.message).toBe('invariant_small() reverted: Error("prodded three times: 3 >= 3")');
    expect(r.findings[0]!.shrunk).toHaveLength(3);
  });

  it('rejects getters that leave no sender', async () => {
    await expect(open('NoSendersTest')).rejects.toMatchObject({ code: 'SPEC_INVALID', message: expect.stringContaining('excludeSenders() leaves no sender') });
  });
});

describe('afterInvariant', () => {
  it('runs after each run; its failure is a finding whose counterexample replays', async () => {
    const s = await open('AfterTest');
    const r = await runCampaign(s);
    expect(r.findings.map((f) => f.violation.id)).toEqual(['AfterTest:invariant:afterInvariant']);
    expect(r.findings[0]!.violation.message).toMatch(/^afterInvariant\(\) reverted: Error\("bumped during the run: \d+ != 0"\)$/);
    // Shrunk to the one call that bumps.
    expect(r.findings[0]!.shrunk.map((c) => c.target.signature)).toEqual(['bump()']);
  });
});
