import { afterAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../harness/src/campaign/CampaignSettings.js';
import { openSession } from '../../harness/src/campaign/openSession.js';
import { runCampaign } from '../../harness/src/campaign/runCampaign.js';
import { runSequence } from '../../harness/src/campaign/runSequence.js';

/**
 * Every spec under specs/ with the default settings and seed 1: each buggy variant
 * reports exactly its expected findings, each shrunk counterexample replays, and each
 * correct twin (and the benchmark token) runs its whole campaign without a finding.
 * The ids are golden: a change means the engine or a spec now behaves differently.
 */
const cases: { spec: string; findings: string[] }[] = [
  {
    spec: 'TokenBuggy',
    findings: [
      'invariant:noBalanceAboveSupply',
      'invariant:supplyIsSumOfBalances',
      'property:transferConserves',
      'property:transferFromConserves',
    ],
  },
  { spec: 'Token', findings: [] },
  {
    spec: 'VaultBuggy',
    findings: ['invariant:roundTripsFavourVault', 'property:sharePriceNeverDecreases', 'property:withdrawBurnsPreview'],
  },
  { spec: 'Vault', findings: [] },
  { spec: 'AmmBuggy', findings: ['property:kNeverDecreasesOnSwap', 'property:kPerShareNeverDecreases'] },
  { spec: 'Amm', findings: [] },
  { spec: 'LendingBuggy', findings: ['invariant:noBadDebt', 'property:senderStaysHealthy'] },
  { spec: 'Lending', findings: [] },
  { spec: 'LockBuggy', findings: ['assertion:targets/statemachine/LockBuggy.sol:45', 'invariant:notBroken'] },
  { spec: 'Lock', findings: [] },
  { spec: 'GuardedBuggy', findings: ['invariant:positionsHealthy'] },
  { spec: 'Guarded', findings: [] },
  { spec: 'BenchToken', findings: [] },
];

const timings: string[] = [];

describe('targets: seed 1, default settings', () => {
  afterAll(() => console.log(`campaign times (open + search + shrink):\n${timings.join('\n')}`));

  for (const { spec, findings } of cases) {
    const title = findings.length === 0 ? `${spec} passes` : `${spec} finds ${findings.join(', ')}`;
    it(title, async () => {
      const started = Date.now();
      const session = await openSession(`specs/${spec}.spec.ts`, {
        root: process.cwd(),
        cacheDir: '.vigil/cache/compile',
        settings: { ...defaultSettings, seed: 1 },
      });
      const result = await runCampaign(session);
      timings.push(`  ${spec.padEnd(12)} ${String(Date.now() - started).padStart(6)} ms  ${result.calls} calls`);

      expect(result.interrupted).toBe(false);
      expect(result.runs).toBe(defaultSettings.runs);
      expect(result.findings.map((f) => f.violation.id).sort()).toEqual(findings.map((id) => `${spec}:${id}`).sort());
      for (const f of result.findings) {
        expect(f.shrunk.length, f.violation.id).toBeGreaterThan(0);
        expect(f.shrunk.length, f.violation.id).toBeLessThanOrEqual(f.original.length);
        const replay = await runSequence(session, f.shrunk, { target: f.violation.id });
        expect(replay.violation?.id, `${f.violation.id} replays`).toBe(f.violation.id);
      }
    });
  }
});
