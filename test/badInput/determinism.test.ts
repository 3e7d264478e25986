import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeReport } from '../../harness/src/report/normalizeReport.js';
import type { Report } from '../../harness/src/report/types.js';
import { fixtureSpec, makeTempDir, readJsonReport, runVigil, smallBudget } from '../cli/helpers/runVigil.js';

/**
 * Determinism across worker counts, as far as the design allows: worker i searches with its own
 * seed and share of the runs, so different counts search differently; but worker 0 keeps the
 * run's seed, so one worker is the serial campaign, byte for byte. (Same seed and count across
 * runs: test/cli/run.test.ts, workers.test.ts, ci.test.ts; shards against workers: shards.test.ts.)
 */
let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('determinism');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The report without its timings and its command line (which names the flags). */
const comparable = (r: Report) => JSON.stringify(normalizeReport({ ...r, settings: { ...r.settings, command: '' } }), null, 2);

describe('determinism across --workers counts', () => {
  it('--workers 1 gives the serial run\'s report, byte for byte apart from timings and the command', async () => {
    const out = join(tmp, 'out');
    const args = ['run', fixtureSpec('Piggy'), ...smallBudget, '--seed', '11', '--out', out, '--no-corpus'];
    expect((await runVigil(args)).code).toBe(1);
    const serial = await readJsonReport(out);
    expect((await runVigil([...args, '--workers', '1'])).code).toBe(1);
    const one = await readJsonReport(out);
    expect(one.settings.command).toContain('--workers 1');
    expect(comparable(one)).toBe(comparable(serial));
  }, 150_000);
});
