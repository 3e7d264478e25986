import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'fixtures', 'gcDuringCheck.ts');

describe('serializeZ3Calls', () => {
  // Without the guard this script corrupts Z3's heap within a few rounds here (an
  // out-of-memory abort or a check that never returns): `node … gcDuringCheck.ts raw`.
  it('keeps Z3 intact while finalizers release terms during checks, and refuses use during a check', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, 'guarded', '12'], { encoding: 'utf8', timeout: 240_000 });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^13 (sat|unsat|unknown) refused=yes$/);
  }, 300_000);
});
