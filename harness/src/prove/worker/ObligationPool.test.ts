import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { defaultProveBounds } from '../verify/types.js';
import type { Obligation, ObligationOutcome } from './Obligation.js';
import { ObligationPool } from './ObligationPool.js';
import { boundedOutcome, proveInOrder } from '../verify/proveInOrder.js';

const verifyFixtures = join(import.meta.dirname, '..', 'verify', 'fixtures');
const vigil = join(import.meta.dirname, '..', '..', '..', 'bin', 'vigil.mjs');

function obligation(module: string, name: string, args: unknown[], timeoutMs: number, depth = 0): Obligation {
  return {
    file: join(verifyFixtures, 'Coin.spec.ts'), root: verifyFixtures, settings: defaultSettings,
    bounds: { ...defaultProveBounds, depth, timeoutMs }, reportPath: 'reports/vigil-report.json',
    procedure: 'bounded', check: name, assume: [], checks: { module, export: name, args },
  };
}
const hostile = (name: string, timeoutMs: number) => obligation(join(import.meta.dirname, 'fixtures', 'hostileChecks.ts'), name, [], timeoutMs);
// The base case of the correct coin: a real verdict, quickly.
const baseCase = () => obligation(join(verifyFixtures, 'handChecks.ts'), 'supplyCoversBalances', ['coin'], 60_000);

const verdictOf = (o: ObligationOutcome) => (o.status === 'done' && o.result.procedure === 'bounded' ? o.result.verdict : o.status);

describe('ObligationPool', () => {
  it('stops an obligation Z3 cannot finish at the limit, and the next one still gets its verdict', async () => {
    const pool = new ObligationPool({ workers: 1, graceMs: 2_000 });
    try {
      const [stuck, next] = await Promise.all([pool.run(hostile('factorsSemiprime', 3_000)), pool.run(baseCase())]);
      expect(stuck).toMatchObject({ status: 'timeout', reason: 'timeout after 3 s (worker stopped)' });
      // Counted from the end of the set-up: the limit, plus the timer's own lateness.
      expect(stuck.timeMs).toBeGreaterThanOrEqual(3_000);
      expect(stuck.timeMs).toBeLessThan(8_000);
      expect(verdictOf(next)).toBe('proved-bounded');
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('keeps what a bounded search proved before its time ran out: the depth it finished', async () => {
    const pool = new ObligationPool({ workers: 1, graceMs: 2_000 });
    try {
      // Depth 1 of the coin is decided in seconds; after a second call the check asks Z3 to factor.
      const stalled: Obligation = {
        ...obligation(join(verifyFixtures, 'handChecks.ts'), 'undecidedAfterOneCall', ['coin', 'stall'], 40_000, 2),
        check: 'supplyCoversBalances',
      };
      const outcome = await pool.run(stalled);
      expect(outcome).toMatchObject({
        status: 'timeout', reason: 'timeout after 40 s (worker stopped)',
        partial: { procedure: 'bounded', verdict: 'proved-bounded', depth: 1, reason: 'depth 1, loop bound 3' },
      });
      const answer = boundedOutcome(outcome);
      expect(answer).toMatchObject({ status: 'timeout', partial: { verdict: 'proved-bounded', depth: 1 } });
      // And as a verdict: proved-bounded at k = 1, saying what stopped depth 2.
      const { proofs } = await proveInOrder({
        checks: [{ kind: 'invariant', name: 'supplyCoversBalances' }], bounds: stalled.bounds,
        bounded: async () => answer,
        inductive: async () => ({ status: 'timeout', reason: 'not run here', timeMs: 0 }),
      });
      expect(proofs[0]).toMatchObject({ verdict: 'proved-bounded', depth: 1 });
      expect(proofs[0]!.reason).toMatch(/^depth 1, loop bound 3; depth 2 stopped: timeout after 40 s \(worker stopped\); not inductive: inductive step: not run here$/);
    } finally {
      await pool.close();
    }
  }, 180_000);

  it('turns a worker killed by its heap limit into an error, and goes on', async () => {
    const pool = new ObligationPool({ workers: 2, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    try {
      const [dead, next] = await Promise.all([pool.run(hostile('exhaustsMemory', 60_000)), pool.run(baseCase())]);
      expect(dead.status).toBe('error');
      expect(dead.status === 'error' && dead.reason).toMatch(/worker died: ERR_WORKER_OUT_OF_MEMORY/);
      expect(verdictOf(next)).toBe('proved-bounded');
      // The pool replaces the dead worker.
      expect(verdictOf(await pool.run(baseCase()))).toBe('proved-bounded');
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('vigil prove --timeout 1 on the coin fixtures exits by itself, inconclusive, without a stack trace', async () => {
    const out = mkdtempSync(join(tmpdir(), 'vigil-prove-'));
    try {
      const child = spawn(process.execPath, [vigil, 'prove', 'Coin.spec.ts', 'CoinBuggy.spec.ts', '--timeout', '1', '--workers', '2', '--fuzz-runs', '0', '--out', out], { cwd: verifyFixtures, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      // Only a guard against a hang (the assertion is the exit code): the run itself needs ~20 s.
      const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      clearTimeout(guard);
      expect(code, stderr).toBe(3);
      expect(stdout).toMatch(/invariant supplyCoversBalances: unknown .*\n\s+timeout after 1 s \(worker stopped\)/);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
