import { describe, expect, it } from 'vitest';
import { runForgeBench } from './runForgeBench.js';

// Really runs forge (offline, solc-js shim) on bench/forge with a tiny campaign.
describe('runForgeBench', () => {
  it('fuzzes BenchToken through the handler and the invariants hold', async () => {
    const r = await runForgeBench({ runs: 4, depth: 20, seed: 7, timeoutMs: 60_000 });
    expect(r.forgeVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.runs).toBe(4);
    // Two invariant_ functions, each its own campaign of runs × depth calls.
    expect(r.calls).toBe(2 * 4 * 20);
    expect(r.reverts).toBe(0);
    expect(r.seconds).toBeGreaterThan(0);
    expect(r.callsPerSec).toBeGreaterThan(0);
  }, 90_000);
});
