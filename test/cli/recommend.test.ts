import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeChecksum } from '../../harness/src/recommend/safeChecksum.js';
import { validateRecommendation } from '../../harness/src/recommend/validateRecommendation.js';
import { validateReport } from '../../harness/src/report/validateReport.js';
import { makeTempDir, runVigil, stackFramePattern } from './helpers/runVigil.js';

let tmp: string;
let reportPath: string;
const id = 'GuardedBuggy:invariant:positionsHealthy';
beforeAll(async () => {
  tmp = await makeTempDir('recommend');
  const r = await runVigil(['run', 'specs/GuardedBuggy.spec.ts', '--out', tmp, '--no-corpus', '--reporter', 'json,markdown,html'], { timeoutMs: 300_000 });
  expect(r.code).toBe(1);
  reportPath = join(tmp, 'vigil-report.json');
}, 320_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('vigil recommend', () => {
  it('writes a schema-valid recommendation, Safe batches with checksums, a Forta alert, and prints the levers (exit 0)', async () => {
    const out = join(tmp, 'recs');
    const r = await runVigil(['recommend', reportPath, '--finding', id, '--out', out, '--chain-id', '31337', '--refuzz-runs', '30'], { timeoutMs: 400_000 });
    expect(r.output).not.toMatch(stackFramePattern);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Recommendation for ${id}`);
    expect(r.stdout).toMatch(/freezeGold \[freeze\] market\.setFrozen\(0x[0-9a-f]{40}, true\) from 0x0+40000/);
    const base = join(out, 'GuardedBuggy_invariant_positionsHealthy');
    expect((await readdir(out)).sort()).toEqual(['forta.json', 'recommendation.json', 'recommendation.md', 'safe-batch.json', 'safe-undo.json']
      .map((x) => `GuardedBuggy_invariant_positionsHealthy.${x}`));
    const rec = JSON.parse(await readFile(`${base}.recommendation.json`, 'utf8'));
    expect(validateRecommendation(rec)).toEqual([]);
    const batch = JSON.parse(await readFile(`${base}.safe-batch.json`, 'utf8'));
    expect(batch).toMatchObject({ version: '1.0', chainId: '31337' });
    expect(batch.transactions.map((t: { data: string }) => t.data)).toEqual(rec.chosen.levers.map((l: string) => rec.levers.find((x: { id: string }) => x.id === l).call.calldata));
    expect(batch.meta.checksum).toBe(safeChecksum(batch));
    const undo = JSON.parse(await readFile(`${base}.safe-undo.json`, 'utf8'));
    expect(undo.meta.createdFromOwnerAddress).toBe('0x0000000000000000000000000000000000030000');
    expect(undo.meta.checksum).toBe(safeChecksum(undo));
    const forta = JSON.parse(await readFile(`${base}.forta.json`, 'utf8'));
    expect(forta).toMatchObject({ severity: 'Critical', type: 'Exploit', protocol: 'GuardedBuggy', source: { chains: [{ chainId: 31337 }] } });
    expect(Object.values(forta.metadata).every((v) => typeof v === 'string')).toBe(true);

    // The run's reports now carry the recommendation beside the finding.
    expect(r.stdout).toMatch(/Updated: .*vigil-report\.json, .*vigil-report\.md, .*vigil-report\.html/);
    const report = JSON.parse(await readFile(reportPath, 'utf8'));
    expect(validateReport(report).ok).toBe(true);
    const finding = report.specs[0].findings.find((f: { id: string }) => f.id === id);
    expect(finding.recommendation).toMatchObject({ status: 'covered', levers: rec.chosen.levers.map((l: string) => expect.objectContaining({ id: l })) });
    expect(finding.recommendation.prevented).toBe(finding.recommendation.replayed);
    const md = await readFile(join(tmp, 'vigil-report.md'), 'utf8');
    expect(md).toContain(`Pause (${rec.severity.level}, urgency ${rec.urgency.level}): ${rec.chosen.levers.join(' + ')}`);
    const page = await readFile(join(tmp, 'vigil-report.html'), 'utf8');
    expect(page).toContain('Pause recommendation');
    expect(page).toContain(batch.transactions[0].data);
    const shown = await runVigil(['report', reportPath]);
    expect(shown.stdout).toContain(`Pause (${rec.severity.level}`);
  }, 420_000);

  it('names an unknown finding (exit 2)', async () => {
    const r = await runVigil(['recommend', reportPath, '--finding', 'nope']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('no finding "nope"');
    expect(r.output).toContain(`finding: ${id}`);
    expect(r.output).not.toMatch(stackFramePattern);
  });
});
