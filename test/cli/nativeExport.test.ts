import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runForgeTests } from '../../harness/src/export/runForgeTests.js';
import { readJsonReport, repoRoot, runVigil } from './helpers/runVigil.js';

/**
 * The whole bounty-hunter loop on a Foundry project: `vigil run` on its suites as they are,
 * `vigil export --foundry` of every finding, then the real forge on the same project: each
 * exported test must fail in forge for the reason Vigil reported.
 */
let project: string;
let out: string;
beforeAll(async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'vigil-native-export-'));
  project = join(tmp, 'foundry');
  out = join(tmp, 'out');
  await cp(join(repoRoot, 'targets', 'foundry'), project, { recursive: true });
  await cp(join(repoRoot, 'harness', 'solidity', 'forge-std-lite'), join(project, 'lib', 'forge-std-lite'), { recursive: true });
  const toml = await readFile(join(project, 'foundry.toml'), 'utf8');
  await writeFile(join(project, 'foundry.toml'), toml.replace('../../harness/solidity/forge-std-lite/', 'lib/forge-std-lite/'));
});
afterAll(async () => {
  await rm(join(project, '..'), { recursive: true, force: true });
});

describe('Solidity-native findings exported to forge', () => {
  it('every finding of the Bank and Echidna suites fails in forge with Vigil\'s reason', async () => {
    const bank = await runVigil(['run', join(project, 'test', 'BankInvariant.t.sol'), '--contract', 'BankInvariantTest', '--runs', '64', '--out', join(out, 'bank'), '--no-corpus'], { timeoutMs: 180_000 });
    expect(bank.code).toBe(1);
    const echidna = await runVigil(['run', join(project, 'test', 'echidna', 'TokenEchidna.sol'), '--contract', 'TokenEchidnaTest', '--runs', '100', '--out', join(out, 'echidna'), '--no-corpus'], { timeoutMs: 180_000 });
    expect(echidna.code).toBe(1);

    const expected = new Map<string, string>();
    for (const dir of ['bank', 'echidna']) {
      const report = await readJsonReport(join(out, dir));
      for (const f of report.specs.flatMap((s) => s.findings)) expected.set(f.name, f.message);
      const exported = await runVigil(['export', '--foundry', join(out, dir, 'vigil-report.json')], { timeoutMs: 180_000 });
      expect(exported.code, exported.output).toBe(0);
    }
    expect([...expected.keys()].sort()).toEqual([
      'BankHandler:vm.assertEq in BankHandler.withdrawAll', 'echidna_no_whale', 'echidna_supply_conserved', 'invariant_solvent',
    ]);

    // The exported contracts inherit the suite, so forge would also fuzz its invariants: run the exported tests only.
    const results = await runForgeTests(project, ['--match-contract', 'VigilRepro', '--match-test', 'test_vigil']);
    expect(results).toHaveLength(4);
    for (const r of results) expect(r.passed, `${r.contract}.${r.test} should fail in forge`).toBe(false);
    const reasons = results.map((r) => r.reason ?? '').join('\n');
    expect(reasons).toContain('bank holds less ether than it owes');
    expect(reasons).toContain('withdrawAll paid a different amount');
    expect(reasons).toContain('echidna_supply_conserved');
    expect(reasons).toContain('echidna_no_whale');
  }, 600_000);
});
