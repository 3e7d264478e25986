import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, repoRoot, stackFramePattern } from '../cli/helpers/runVigil.js';
import { runCli } from './helpers/runCli.js';

/**
 * A `reports/` folder the user cannot write. Permissions do not stop root, so when the tests run
 * as root (as in some containers) the CLI runs as `nobody` instead; a CI runner's own user is
 * stopped by them as it is.
 */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('read-only');
});
afterAll(async () => {
  await chmod(join(tmp, 'reports'), 0o755).catch(() => undefined);
  await rm(tmp, { recursive: true, force: true });
});

describe('a read-only reports folder', () => {
  it('is error[IO] naming the file (exit 2), after the findings were printed and saved in the corpus', async () => {
    await chmod(tmp, 0o777);
    const reports = join(tmp, 'reports');
    await mkdir(reports);
    await chmod(reports, 0o555);
    const spec = join(repoRoot, 'test/badInput/fixtures/specs/OddReverts.spec.ts');
    const r = await runCli(['run', spec, '--runs', '20', '--depth', '20', '--out', 'reports'], { cwd: tmp, ...(asRoot ? { uid: NOBODY } : {}) });

    expect(r.output).not.toMatch(stackFramePattern);
    expect(r.output).toMatch(/error\[IO\]: could not write \S*reports\/vigil-report\.json: EACCES: permission denied/);
    expect(r.output).toMatch(/^Hint: Check that the path exists and is writable\./m);
    expect(r.code).toBe(2);
    // Found before the write failed: printed, and kept for the next run.
    expect(r.stdout).toContain('[FAIL: property short broken]');
    expect(r.stdout).toContain('[FAIL: property lying broken]');
    const corpus = await readdir(join(tmp, '.vigil', 'corpus'));
    expect(corpus).toContain('OddReverts.failures.json');
    // Nothing half-written was left where the reports go.
    expect(await readdir(reports)).toEqual([]);
  }, 150_000);
});
