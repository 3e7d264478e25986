import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec, makeTempDir, runVigil, smallBudget, stackFramePattern } from './helpers/runVigil.js';

let tmp: string;
let reportPath: string;
beforeAll(async () => {
  tmp = await makeTempDir('replay');
  const r = await runVigil(['run', fixtureSpec('Piggy'), ...smallBudget, '--out', tmp, '--no-corpus']);
  expect(r.code).toBe(1);
  reportPath = join(tmp, 'vigil-report.json');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('vigil replay', () => {
  it('re-runs the counterexample and prints a decoded trace (exit 1)', async () => {
    const r = await runVigil(['replay', reportPath]);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Replaying Piggy:invariant:totalIsSumOfBalances (2 calls, spec test/cli/fixtures/specs/Piggy.spec.ts)');
    // Sender → Contract.function(args), for each step.
    expect(r.stdout).toMatch(/\[1\] 0x[0-9a-f]{40} → Piggy\.deposit\(\d+\)/);
    expect(r.stdout).toMatch(/\[2\] 0x[0-9a-f]{40} → Piggy\.withdrawAll\(\)/);
    expect(r.stdout).toMatch(/invariant totalIsSumOfBalances: true → true/);
    expect(r.stdout).toMatch(/invariant totalIsSumOfBalances: true → false \(changed\)/);
    expect(r.stdout).toContain('[FAIL: invariant totalIsSumOfBalances broken] reproduced after call 2');
    expect(r.output).not.toMatch(stackFramePattern);
  });

  it('replays one finding chosen with --finding', async () => {
    const r = await runVigil(['replay', reportPath, '--finding', 'Piggy:invariant:totalIsSumOfBalances']);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('reproduced after call 2');
  });

  it('names the findings there are when --finding matches none (exit 2)', async () => {
    const r = await runVigil(['replay', reportPath, '--finding', 'Piggy:invariant:noSuchThing']);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[FINDING_NOT_FOUND]: no finding "Piggy:invariant:noSuchThing"');
    expect(r.stderr).toContain('  finding: Piggy:invariant:totalIsSumOfBalances');
    expect(r.stderr).toMatch(/^Hint: /m);
    expect(r.output).not.toMatch(stackFramePattern);
  });
});
