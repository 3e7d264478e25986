import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNames } from '../../harness/src/export/exportNames.js';
import { foundryToml } from '../../harness/src/export/foundryProject.js';
import { runForgeTests } from '../../harness/src/export/runForgeTests.js';
import type { Report } from '../../harness/src/report/types.js';
import { makeTempDir, readJsonReport, runVigil, stackFramePattern } from './helpers/runVigil.js';

/**
 * `vigil export --bounty` on the real findings of TokenBuggy and VaultBuggy: every section a
 * bounty platform asks for, the proof of concept byte for byte the test `vigil export --foundry`
 * writes, and that test failing in the real forge for Vigil's reason.
 */
let tmp: string;
let report: Report;
let reportPath: string;
beforeAll(async () => {
  tmp = await makeTempDir('bounty');
  const run = await runVigil(['run', 'specs/TokenBuggy.spec.ts', 'specs/VaultBuggy.spec.ts', '--runs', '50', '--depth', '30', '--seed', '1', '--no-corpus', '--quiet', '--out', join(tmp, 'run')], { timeoutMs: 240_000 });
  expect(run.code).toBe(1);
  report = await readJsonReport(join(tmp, 'run'));
  reportPath = join(tmp, 'run', 'vigil-report.json');
}, 300_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const SECTIONS = ['## Summary', '## Severity', '## Affected contracts and functions', '## Impact', '## Steps to reproduce', '## Proof of concept', '## Suggested fix', '## Suggested pause lever'];

function solidityBlock(markdown: string): string {
  const m = /```solidity\n([\s\S]*?)\n```/.exec(markdown);
  expect(m, 'the write-up embeds a solidity block').not.toBeNull();
  return `${m![1]}\n`;
}

async function bounty(id: string, extra: string[] = []): Promise<string> {
  const out = join(tmp, 'bounty', `${id.replace(/\W+/g, '_')}.md`);
  const r = await runVigil(['export', '--bounty', reportPath, '--finding', id, '--out', out, ...extra], { timeoutMs: 180_000 });
  expect(r.output).not.toMatch(stackFramePattern);
  expect(r.code, r.output).toBe(0);
  return readFile(out, 'utf8');
}

describe('vigil export --bounty', () => {
  it('writes every section for each finding, with numbered steps from the shrunk sequence and the PoC that --foundry writes', async () => {
    const findings = report.specs.flatMap((s) => s.findings);
    // The seeded search finds these at least (which others show depends on the random stream).
    expect(findings.map((f) => f.id)).toEqual(expect.arrayContaining([
      'TokenBuggy:invariant:supplyIsSumOfBalances', 'TokenBuggy:property:transferConserves',
      'VaultBuggy:invariant:roundTripsFavourVault', 'VaultBuggy:property:sharePriceNeverDecreases', 'VaultBuggy:property:withdrawBurnsPreview',
    ]));
    for (const f of findings) {
      const md = await bounty(f.id);
      expect(md.startsWith('# ')).toBe(true);
      let at = 0;
      for (const s of SECTIONS) {
        const i = md.indexOf(`\n${s}\n`);
        expect(i, `${f.id}: ${s} after the previous section`).toBeGreaterThan(at);
        at = i;
      }
      expect(md).toMatch(/\| Severity \| \*\*(Critical|High|Medium)\*\* \|/);
      const steps = md.slice(md.indexOf('## Steps to reproduce'), md.indexOf('## Proof of concept'));
      f.shrunk.calls.forEach((c, i) => expect(steps).toContain(`${i + 1}. From \`${c.sender}\`, call \`${c.contractName}.${c.signature}\``));
      if (f.solidityLocation) expect(md).toContain(`${f.solidityLocation.file}:${f.solidityLocation.line}`);
      expect(md).toContain('not a tested patch');
      expect(md).toContain(`npx vigil recommend ${reportPath} --finding '${f.id}'`);

      const foundryDir = join(tmp, 'foundry');
      const exported = await runVigil(['export', '--foundry', reportPath, '--finding', f.id, '--out', foundryDir], { timeoutMs: 180_000 });
      expect(exported.code, exported.output).toBe(0);
      const written = await readFile(join(foundryDir, exportNames(f.spec, f).fileName), 'utf8');
      expect(solidityBlock(md)).toBe(written);
    }
  }, 900_000);

  it('derives the severity from the check and the trace, and says what the trace does not show', async () => {
    const token = await bounty('TokenBuggy:invariant:supplyIsSumOfBalances', ['--no-verify']);
    expect(token).toContain('| Severity | **Critical** |');
    expect(token).toContain('theft of principal');
    expect(token).toContain('Caveat: no transfer to the attacker shows in the trace');
    expect(token).toContain('The caller passes its own address as an argument');
    // The breaking call pays the attacker out of the vault, so a check named like griefing is raised.
    const vault = await bounty('VaultBuggy:property:withdrawBurnsPreview', ['--no-verify']);
    // Raised above what the check's name alone says, because value reaches the attacker (how much
    // depends on the counterexample the seeded search shrank to: paid out by the breaking call → High,
    // a net gain over the whole sequence → Critical).
    expect(vault).toMatch(/\| Severity \| \*\*(High|Critical)\*\* \|/);
    expect(vault).toContain('from the check alone: Medium');
    expect(vault).toMatch(/(the call that breaks the check pays the attacker|its accounts end the sequence with) 1 of `asset`/);
    expect(vault).toContain('a conversion rounds to zero');
    expect(vault).toContain('sends tokens straight to `VaultBuggy`');
  }, 300_000);

  it('the embedded proofs of concept fail in the real forge with Vigil\'s reasons', async () => {
    const project = join(tmp, 'poc');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'foundry.toml'), foundryToml(project));
    const ids = ['TokenBuggy:invariant:supplyIsSumOfBalances', 'VaultBuggy:property:withdrawBurnsPreview'];
    for (const id of ids) {
      const f = report.specs.flatMap((s) => s.findings).find((x) => x.id === id)!;
      await writeFile(join(project, exportNames(f.spec, f).fileName), solidityBlock(await bounty(id)));
    }
    const results = await runForgeTests(project, ['--match-test', 'test_vigil']);
    expect(results.map((r) => r.test).sort()).toEqual(['test_vigil_invariant_supplyIsSumOfBalances()', 'test_vigil_property_withdrawBurnsPreview()']);
    for (const r of results) expect(r.passed, `${r.test} should fail in forge`).toBe(false);
    const reasons = results.map((r) => r.reason ?? '').join('\n');
    expect(reasons).toContain('invariant supplyIsSumOfBalances broken');
    expect(reasons).toContain('property withdrawBurnsPreview broken');
  }, 600_000);

  it('fills the pause-lever section from vigil recommend\'s output', async () => {
    const id = 'TokenBuggy:invariant:supplyIsSumOfBalances';
    const recDir = join(tmp, 'rec');
    // Its own file, for a report it did not update; then the report it did update.
    const rec = await runVigil(['recommend', reportPath, '--finding', id, '--out', recDir, '--no-update-report'], { timeoutMs: 300_000 });
    expect(rec.code, rec.output).toBe(0);
    const before = await bounty(id, ['--no-verify']);
    expect(before).toContain('Not computed for this finding yet');
    const fromFile = await bounty(id, ['--no-verify', '--recommendation', join(recDir, 'TokenBuggy_invariant_supplyIsSumOfBalances.recommendation.json')]);
    const updated = await runVigil(['recommend', reportPath, '--finding', id, '--out', recDir], { timeoutMs: 300_000 });
    expect(updated.code, updated.output).toBe(0);
    const fromReport = await bounty(id, ['--no-verify']);
    for (const md of [fromFile, fromReport]) {
      const section = md.slice(md.indexOf('## Suggested pause lever'));
      expect(section).toMatch(/1\. `token\.pause\(\)` on `0x[0-9a-f]{40}` \(pause-contract, signed by `0x[0-9a-f]{40}`\)/);
      expect(section).toContain('Undo once fixed: `token.unpause()`');
      expect(section).toMatch(/replayed \d+ counterexamples? with this set pulled; it stopped \d+/);
      expect(section).not.toContain('Not computed');
    }
  }, 400_000);

  it('asks which finding when there are several, and names an unknown one (exit 2)', async () => {
    const several = await runVigil(['export', '--bounty', reportPath]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain(`has ${report.specs.flatMap((s) => s.findings).length} findings: say which one to write up`);
    expect(several.stderr).toContain('finding: VaultBuggy:property:withdrawBurnsPreview');
    const unknown = await runVigil(['export', '--bounty', reportPath, '--finding', 'Nope:invariant:x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no finding "Nope:invariant:x"');
    const both = await runVigil(['export', '--bounty', reportPath, '--foundry', reportPath]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('vigil export takes one of --foundry and --bounty');
  }, 120_000);
});
