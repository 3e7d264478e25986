import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../harness/src/report/types.js';
import { makeTempDir, runVigil, stackFramePattern } from './helpers/runVigil.js';

// The prover's fixtures: a coin whose transfer credits without debiting, and its correct twin.
const fixtures = join(import.meta.dirname, '..', '..', 'harness', 'src', 'prove', 'verify', 'fixtures');

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('prove-concrete');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('vigil prove tries concrete values before the solver', () => {
  it('settles the buggy coin with a replayed counterexample from the concrete search; vigil replay and export take it', async () => {
    const out = join(tmp, 'buggy');
    const r = await runVigil(['prove', join(fixtures, 'CoinBuggy.spec.ts'), '--depth', '1', '--timeout', '30', '--fuzz-runs', '40', '--out', out]);
    expect(r.code, r.output).toBe(1);
    expect(r.stdout).toMatch(/invariant supplyCoversBalances: counterexample .*\n\s+found by concrete search before the solver \(seed 1, \d+ runs\), replayed in the EVM: \d+ calls?/);
    const report = JSON.parse(await readFile(join(out, 'vigil-report.json'), 'utf8')) as Report;
    const proof = report.specs[0]!.proofs!.find((p) => p.name === 'supplyCoversBalances')!;
    expect(proof).toMatchObject({ verdict: 'counterexample', foundBy: 'concrete-search', findingId: 'CoinBuggy:invariant:supplyCoversBalances' });
    const replay = await runVigil(['replay', join(out, 'vigil-report.json'), '--finding', 'CoinBuggy:invariant:supplyCoversBalances']);
    expect(replay.code, replay.output).toBe(1);
    expect(replay.stdout).toContain('[FAIL: invariant supplyCoversBalances broken] reproduced after call');
    const exported = await runVigil(['export', '--foundry', join(out, 'vigil-report.json'), '--finding', 'CoinBuggy:invariant:supplyCoversBalances', '--out', join(out, 'Coin.t.sol')]);
    expect(exported.code, exported.output).toBe(0);
    expect(await readFile(join(out, 'Coin.t.sol'), 'utf8')).toMatch(/function test\w*\(\)/);
    expect(r.output + replay.output + exported.output).not.toMatch(stackFramePattern);
  }, 240_000);

  it('leaves the correct coin to the solver, which proves it', async () => {
    const out = join(tmp, 'correct');
    const r = await runVigil(['prove', join(fixtures, 'Coin.spec.ts'), '--depth', '1', '--timeout', '60', '--fuzz-runs', '40', '--out', out]);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toMatch(/invariant supplyCoversBalances: proved-inductive/);
  }, 240_000);

  it('with --fuzz-runs 0 the counterexample is the solver\'s', async () => {
    const out = join(tmp, 'solver');
    const r = await runVigil(['prove', join(fixtures, 'CoinBuggy.spec.ts'), '--depth', '1', '--timeout', '60', '--fuzz-runs', '0', '--out', out]);
    expect(r.code, r.output).toBe(1);
    const report = JSON.parse(await readFile(join(out, 'vigil-report.json'), 'utf8')) as Report;
    expect(report.specs[0]!.proofs!.find((p) => p.name === 'supplyCoversBalances')).toMatchObject({ verdict: 'counterexample', foundBy: 'solver' });
  }, 240_000);

  it('rejects a negative --fuzz-runs (exit 2)', async () => {
    const r = await runVigil(['prove', join(fixtures, 'Coin.spec.ts'), '--fuzz-runs', '-1', '--out', join(tmp, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.output).toContain('--fuzz-runs -1: expected a whole number ≥ 0');
  }, 60_000);
});
