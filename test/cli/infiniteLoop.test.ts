import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec, makeTempDir, readJsonReport, runVigil, stackFramePattern } from './helpers/runVigil.js';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('loop');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('a target function that never returns', () => {
  it('halts out of gas, counts as a revert, and the campaign ends (exit 0)', async () => {
    // Each spin burns the whole block gas limit, so the budget stays tiny.
    const r = await runVigil(['run', fixtureSpec('Spinner'), '--runs', '2', '--depth', '5', '--out', tmp, '--no-corpus']);

    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[PASS\] invariant turnsNeverStick/);
    expect(r.stdout).toMatch(/: PASSED\./);
    expect(r.output).not.toMatch(stackFramePattern);
    const spec = (await readJsonReport(tmp)).specs[0]!;
    expect(spec.stats.calls).toBe(10);
    const spin = spec.functions.find((f) => f.function === 'spin()')!;
    expect(spin.calls).toBeGreaterThan(0);
    expect(spin.reverts).toBe(spin.calls);
    expect(spec.functions.find((f) => f.function === 'ping()')!.reverts).toBe(0);
  });
});
