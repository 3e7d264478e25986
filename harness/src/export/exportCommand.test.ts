import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runVigil, stackFramePattern } from '../../../test/cli/helpers/runVigil.js';
import { runForgeTests } from './runForgeTests.js';

// `vigil export` as a user runs it, on a report of this folder's fixture specs: Jar (a check
// in the translatable subset) and JarLoop (the same check written with a loop).
const specs = 'harness/src/export/fixtures/specs';
let tmp: string;
let reportPath: string;

beforeAll(async () => {
  tmp = await makeTempDir('export');
  const r = await runVigil(['run', specs, '--runs', '20', '--depth', '20', '--out', tmp, '--no-corpus', '--quiet']);
  expect(r.code).toBe(1);
  reportPath = join(tmp, 'vigil-report.json');
}, 120_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('vigil export --foundry', () => {
  it('writes a test per finding and a foundry.toml, says which are partial (exit 3), and forge runs them', async () => {
    const out = join(tmp, 'foundry');
    const r = await runVigil(['export', '--foundry', reportPath, '--out', out]);

    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Wrote .*Jar_invariant_totalIsSumOfBalances\.t\.sol \(Jar:invariant:totalIsSumOfBalances, complete\)/);
    expect(r.stdout).toContain('fails in forge with: invariant totalIsSumOfBalances broken');
    expect(r.stdout).toMatch(/checked in Vigil's EVM: fails with invariant totalIsSumOfBalances broken: \d+ != 0/);
    expect(r.stdout).toContain("checked in Vigil's EVM: the replay runs to the end");
    expect(r.stdout).toMatch(/run: forge test --root \S+ --match-contract VigilRepro_Jar_invariant_totalIsSumOfBalances --match-test test_vigil_invariant_totalIsSumOfBalances/);
    expect(r.stdout).toContain('(JarLoop:invariant:totalIsSumOfBalances, partial)');
    expect(r.stdout).toMatch(/warning: the invariant totalIsSumOfBalances could not be translated to Solidity \(let declaration at \S+JarLoop\.spec\.ts:10/);
    expect(r.output).not.toMatch(stackFramePattern);
    expect(existsSync(join(out, 'foundry.toml'))).toBe(true);

    const source = await readFile(join(out, 'Jar_invariant_totalIsSumOfBalances.t.sol'), 'utf8');
    expect(source).toContain('import {Test} from "forge-std/Test.sol";');
    expect(source).toMatch(/jar\.fill\{value: \d+\}\(\);/);
    expect(source).toContain(`npx vigil replay ${reportPath} --finding 'Jar:invariant:totalIsSumOfBalances'`);

    const results = await runForgeTests(out);
    const byContract = Object.fromEntries(results.map((x) => [x.contract, x]));
    expect(byContract.VigilRepro_Jar_invariant_totalIsSumOfBalances).toMatchObject({ passed: false });
    expect(byContract.VigilRepro_Jar_invariant_totalIsSumOfBalances!.reason).toMatch(/^invariant totalIsSumOfBalances broken: \d+ != 0$/);
    // A partial export replays the sequence only: it must not pretend to fail.
    expect(byContract.VigilRepro_JarLoop_invariant_totalIsSumOfBalances).toMatchObject({ passed: true });
  }, 120_000);

  it('writes one finding to the file --out names (exit 0)', async () => {
    const file = join(tmp, 'one', 'Repro.t.sol');
    const r = await runVigil(['export', '--foundry', reportPath, '--finding', 'Jar:invariant:totalIsSumOfBalances', '--out', file]);

    expect(r.code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('contract VigilRepro_Jar_invariant_totalIsSumOfBalances is Test {');
  }, 60_000);

  it('reports misuse with exit 2: no --foundry, one --out file for several findings, an unknown finding, a file that is not a report', async () => {
    const notReport = join(tmp, 'not-a-report.json');
    await writeFile(notReport, '{"schemaVersion": 1}');
    // Side by side: each is a CLI start-up, and none depends on another.
    const [bare, many, missing, invalid] = await Promise.all([
      runVigil(['export', reportPath]),
      runVigil(['export', '--foundry', reportPath, '--out', join(tmp, 'x.t.sol')]),
      runVigil(['export', '--foundry', reportPath, '--finding', 'Jar:invariant:nope']),
      runVigil(['export', '--foundry', notReport]),
    ]);
    expect([bare.code, many.code, missing.code, invalid.code]).toEqual([2, 2, 2, 2]);
    expect(bare.stderr).toContain('error[USAGE]: vigil export needs the report to export from, after --foundry');
    expect(many.stderr).toContain('names one file, but 2 findings are selected');
    expect(missing.stderr).toContain('error[FINDING_NOT_FOUND]: no finding "Jar:invariant:nope"');
    expect(missing.stderr).toContain('finding: JarLoop:invariant:totalIsSumOfBalances');
    expect(invalid.stderr).toContain('error[REPORT_INVALID]');
    for (const r of [bare, many, missing, invalid]) expect(r.output).not.toMatch(stackFramePattern);
  }, 60_000);
});
