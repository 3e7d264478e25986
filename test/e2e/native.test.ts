import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultSettings } from '../../harness/src/campaign/CampaignSettings.js';
import { runSpecs } from '../../harness/src/campaign/runSpecs.js';
import { findRunTargets } from '../../harness/src/native/findRunTargets.js';
import { FOUNDRY_TEST_ADDRESS } from '../../harness/src/cheats/cheatAddresses.js';
import type { SpecResult } from '../../harness/src/report/types.js';

/**
 * The Foundry project in targets/foundry, run unmodified: a handler-based forge invariant
 * suite (buggy and correct twin), Echidna and Medusa property suites, and an assertion-mode
 * contract. Golden finding ids at seed 1; every reported counterexample was replayed by the
 * report builder, and the correct twin runs its whole campaign clean.
 */
const cacheDir = join(process.cwd(), '.vigil', 'cache', 'compile');

async function run(path: string, contract?: string, runs = 64): Promise<SpecResult[]> {
  const targets = await findRunTargets(process.cwd(), [path], { cacheDir, contract });
  const report = await runSpecs(targets, {
    root: process.cwd(),
    settings: { ...defaultSettings, seed: 1 },
    overrides: { runs },
    reportPath: 'reports/vigil-report.json',
    cacheDir,
    corpusDir: join(process.cwd(), '.vigil', 'tmp', 'native-corpus'),
    useCorpus: false,
    command: 'test',
  });
  return report.specs;
}

const ids = (s: SpecResult) => s.findings.map((f) => f.id.slice(s.name.length + 1)).sort();

describe('Solidity-native suites (targets/foundry)', () => {
  it('finds the forge suites in the project and runs them with forge\'s addresses and semantics', async () => {
    const [s] = (await run('targets/foundry/test/BankInvariant.t.sol', 'BankInvariantTest')) as [SpecResult];
    expect(s.suite).toEqual({ kind: 'foundry', file: 'test/BankInvariant.t.sol', root: 'targets/foundry', contract: 'BankInvariantTest' });
    expect(ids(s)).toEqual(['assertion:BankHandler:vm.assertEq in BankHandler.withdrawAll', 'invariant:invariant_solvent']);
    const solvent = s.findings.find((f) => f.name === 'invariant_solvent')!;
    expect(solvent.message).toMatch(/bank holds less ether than it owes: \d+ < \d+/);
    expect(solvent.location).toMatchObject({ file: expect.stringContaining('BankInvariant.t.sol'), line: 20 });
    // The handler is CREATEd by the test contract at forge's address, nonce 2 (the bank is nonce 1).
    expect(solvent.shrunk.calls[0]!.address).toBe('0x2e234dae75c793f67a35089c9d99245e1c58470b');
    expect(solvent.shrunk.calls.every((c) => c.contract === 'BankHandler')).toBe(true);
    expect(s.checks.map((c) => c.name).sort()).toEqual(['invariant_ghostsMatch', 'invariant_solvent']);
    expect(FOUNDRY_TEST_ADDRESS).toBe('0x7fa9385be102ac3eac297483dd6233d62b3e1496');
  }, 120_000);

  it('the correct twin passes the same suite', async () => {
    const [s] = await run('targets/foundry/test/BankInvariant.t.sol', 'BankFixedInvariantTest', 32);
    expect(s!.status).toBe('passed');
    expect(s!.stats.calls).toBe(32 * 50);
  }, 120_000);

  it('runs Echidna echidna_* and Medusa property_* suites with their tools\' senders', async () => {
    const specs = await run('targets/foundry/test/echidna/TokenEchidna.sol', undefined, 100);
    const byName = new Map(specs.map((s) => [s.name, s]));
    expect(ids(byName.get('TokenEchidnaTest')!)).toEqual(['invariant:echidna_no_whale', 'invariant:echidna_supply_conserved']);
    expect(ids(byName.get('TokenMedusaTest')!)).toEqual(['invariant:property_sender_bounded']);
    const conserved = byName.get('TokenEchidnaTest')!.findings.find((f) => f.name === 'echidna_supply_conserved')!;
    expect(conserved.message).toBe('echidna_supply_conserved() returned false');
    // A self-transfer is the whole bug; the shrinker gets there.
    expect(conserved.shrunk.calls).toHaveLength(1);
    const [call] = conserved.shrunk.calls;
    expect(call!.args[0]).toBe(call!.sender);
    expect(['0x0000000000000000000000000000000000010000', '0x0000000000000000000000000000000000020000', '0x0000000000000000000000000000000000030000']).toContain(call!.sender);
  }, 120_000);

  it('fuzzes a contract in assertion mode when a .sol file has no suite', async () => {
    const [s] = await run('targets/foundry/test/assertion/Average.sol', undefined, 50);
    expect(s!.suite?.kind).toBe('assertion');
    expect(ids(s!)).toEqual(['assertion:test/assertion/Average.sol:18']);
    expect(s!.findings[0]!.message).toContain('assert(lo <= m && m <= hi)');
  }, 120_000);

  it('names the contracts when --contract matches none', async () => {
    await expect(findRunTargets(process.cwd(), ['targets/foundry'], { cacheDir, contract: 'Nope' })).rejects.toMatchObject({
      code: 'SPEC_UNKNOWN_CONTRACT',
      meta: [expect.stringContaining('BankInvariantTest')],
    });
  }, 60_000);
});
