import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('openZ3', () => {
  it('solves in independent sessions and lets the process exit once the last one closes', () => {
    const script = join(import.meta.dirname, 'fixtures', 'solveAndExit.ts');
    // The timeout only guards against a hang (a live Z3 thread keeps Node running forever).
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 90_000 });
    expect(run.error).toBeUndefined();
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('sat sat');
  });
});
