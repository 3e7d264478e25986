import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runVigil, stackFramePattern } from './helpers/runVigil.js';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('native');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('vigil run on Solidity-native suites', () => {
  it('runs an Echidna suite from its .sol file, then replays its counterexample from the report', async () => {
    const r = await runVigil(['run', 'targets/foundry/test/echidna/TokenEchidna.sol', '--contract', 'TokenEchidnaTest', '--runs', '50', '--out', tmp, '--no-corpus']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FAIL: echidna_supply_conserved() returned false] invariant echidna_supply_conserved');
    expect(r.output).not.toMatch(stackFramePattern);

    const replay = await runVigil(['replay', join(tmp, 'vigil-report.json'), '--finding', 'TokenEchidnaTest:invariant:echidna_supply_conserved']);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toMatch(/\[1\] 0x0+[123]0000 → TokenEchidnaTest\.transfer\(0x0+[123]0000, \d+\)/);
    expect(replay.stdout).toContain('[FAIL: echidna_supply_conserved() returned false] reproduced after call 1');
  }, 120_000);

  it('a setUp that reverts is a spec error naming the contract and the reason (exit 2)', async () => {
    const r = await runVigil(['run', 'test/cli/fixtures/native/BadSetUp.t.sol', '--out', tmp, '--no-corpus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('BrokenSetUpTest.setUp() reverted: Error("not today")');
    expect(r.output).not.toMatch(stackFramePattern);
  }, 120_000);

  it('an unsupported cheatcode in setUp is named with its signature', async () => {
    const r = await runVigil(['run', 'test/cli/fixtures/native/BadSetUp.t.sol', '--contract', 'MockingTest', '--out', tmp, '--no-corpus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/cheatcode 0x[0-9a-f]{8} \(mockCall\(address,bytes,bytes\)\) is not supported/);
  }, 120_000);
});
