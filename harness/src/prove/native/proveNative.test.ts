import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { fromCallRecord } from '../../campaign/fromCallRecord.js';
import { reopenSession } from '../../campaign/reopenSession.js';
import { runSequence } from '../../campaign/runSequence.js';
import type { FuzzCall } from '../../fuzz/FuzzCall.js';
import type { SpecResult } from '../../report/types.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import { inThreadRunner } from './inThreadRunner.js';
import { openCheckSuite } from './openCheckSuite.js';
import { proveNativePaths } from './proveNativePaths.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const vigil = join(import.meta.dirname, '..', '..', '..', 'bin', 'vigil.mjs');
const bounds = { depth: 1, loopBound: 3, timeoutMs: 20_000 };

async function prove(z3: Z3Session, file: string, contract?: string): Promise<SpecResult[]> {
  return proveNativePaths([join(fixtures, file)], { bounds, settings: defaultSettings, reportPath: 'reports/vigil-report.json', run: inThreadRunner(z3.ctx), ...(contract ? { contract } : {}) });
}

// One Z3 instance per group: z3's wasm heap can fail when one instance accumulates many tests.
describe('forge invariant suite (Pot)', () => {
  let z3: Z3Session;
  beforeAll(async () => {
    z3 = await openZ3();
  });
  afterAll(async () => {
    await z3.close();
  });

  it('proves the correct suite within its bounds and gives the buggy twin a counterexample that replays', async () => {
    const [buggy, correct] = await prove(z3, 'Pot.t.sol');
    expect(correct!.name).toBe('PotInvariantTest');
    expect(correct!.proofs).toHaveLength(1);
    expect(correct!.proofs![0]).toMatchObject({ kind: 'invariant', name: 'invariant_heldIsDepositsMinusWithdrawals', verdict: 'proved-bounded', depth: 1, loopBound: 3 });
    expect(correct!.proofs![0]!.reason).toMatch(/^depth 1, loop bound 3/);
    expect(correct!.findings).toEqual([]);

    expect(buggy!.name).toBe('PotBuggyInvariantTest');
    const id = 'PotBuggyInvariantTest:invariant:invariant_heldIsDepositsMinusWithdrawals';
    expect(buggy!.proofs![0]).toMatchObject({ verdict: 'counterexample', findingId: id });
    const finding = buggy!.findings[0]!;
    const call = finding.shrunk.calls[0]!;
    expect(call.function).toBe('deposit');
    // The bug: deposits above 1000 are credited one short.
    expect(BigInt(call.args[0]!)).toBeGreaterThan(1000n);
    // As `vigil replay` does: the report's suite record reopens the session, and the calls break the invariant.
    expect(buggy!.suite).toMatchObject({ kind: 'foundry', contract: 'PotBuggyInvariantTest', file: 'Pot.t.sol' });
    const session = await reopenSession({ file: buggy!.file, suite: { ...buggy!.suite!, root: join(fixtures) } }, defaultSettings);
    const calls = finding.shrunk.calls.map((r) => fromCallRecord(session, r)) as FuzzCall[];
    expect((await runSequence(session, calls, { target: id })).violation?.id).toBe(id);
  }, 300_000);
});

describe('Halmos-style check_* functions (AddChecks)', () => {
  let z3: Z3Session;
  beforeAll(async () => {
    z3 = await openZ3();
  });
  afterAll(async () => {
    await z3.close();
  });

  it('finds arguments that wrap the unchecked add, replayed on the EVM, and proves the checked one', async () => {
    const [checks] = await prove(z3, 'Add.t.sol');
    expect(checks!.name).toBe('AddChecks');
    const byName = new Map(checks!.proofs!.map((p) => [p.name, p]));
    expect(byName.get('check_checkedAddNeverWraps')).toMatchObject({ kind: 'property', verdict: 'proved-bounded', depth: 1 });
    expect(byName.get('check_uncheckedAddNeverWraps')).toMatchObject({ kind: 'property', verdict: 'counterexample', findingId: 'AddChecks:property:check_uncheckedAddNeverWraps' });
    const record = checks!.findings[0]!.shrunk.calls[0]!;
    const [a, b] = record.args.map(BigInt);
    expect(a! + b!).toBeGreaterThanOrEqual(1n << 256n);
    // The recorded calldata, on a freshly deployed suite, fails the cheatcode assertion.
    const suite = await openCheckSuite(join(fixtures, 'Add.t.sol'), 'AddChecks', {});
    const r = await suite.chain.call({ from: record.sender as `0x${string}`, to: suite.test.address, data: record.calldata as `0x${string}` });
    expect(r.status).toBe('revert');
    expect(r.cheatFailures?.map((f) => f.cheat)).toEqual(['assertGe']);
  }, 300_000);
});

describe('vigil prove on a .sol file', () => {
  it('exits 1 with the counterexample, which vigil replay reproduces (worker threads)', () => {
    const out = mkdtempSync(join(tmpdir(), 'vigil-native-prove-'));
    try {
      const run = (args: string[]) => spawnSync(process.execPath, [vigil, ...args], { cwd: fixtures, encoding: 'utf8', timeout: 240_000 });
      const proved = run(['prove', 'Pot.t.sol', '--contract', 'PotBuggyInvariantTest', '--depth', '1', '--timeout', '20', '--out', out]);
      expect(proved.status, proved.stderr).toBe(1);
      expect(proved.stdout).toMatch(/invariant invariant_heldIsDepositsMinusWithdrawals: counterexample/);
      expect(proved.stderr).not.toMatch(/\n\s+at /);
      const replayed = run(['replay', join(out, 'vigil-report.json')]);
      expect(replayed.status, replayed.stderr).toBe(1);
      expect(replayed.stdout).toMatch(/reproduced after call 1/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
