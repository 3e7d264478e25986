import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeReport } from '../report/normalizeReport.js';
import { validateReport } from '../report/validateReport.js';
import { makeTempDir, readJsonReport, runVigil, stackFramePattern } from '../../../test/cli/helpers/runVigil.js';

const spec = 'harness/src/hybrid/fixtures/Hidden.spec.ts';
const flags = ['--depth', '20', '--seed', '3', '--no-corpus', '--reporter', 'json'];
const budget = ['--runs', '60', ...flags];

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('hybrid');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('vigil run --hybrid', () => {
  it('gives byte-identical normalized reports for the same seed, with what hybrid did in them', async () => {
    const out = join(tmp, 'same');
    const once = async () => {
      const r = await runVigil(['run', spec, ...budget, '--hybrid', 'on', '--out', out]);
      expect(r.code, r.output).toBe(1);
      return readJsonReport(out);
    };
    const ra = await once();
    const rb = await once();
    expect(validateReport(ra).ok).toBe(true);
    const hybrid = ra.specs[0]!.stats.hybrid!;
    expect(hybrid.corpusEntries).toBeGreaterThanOrEqual(2);
    expect(ra.specs[0]!.findings.map((f) => f.kind)).toEqual(['assertion']);
    expect(JSON.stringify(normalizeReport(rb))).toBe(JSON.stringify(normalizeReport(ra)));
  });

  it('finds nothing there with --hybrid off, and says nothing about hybrid', async () => {
    const r = await runVigil(['run', spec, ...budget, '--hybrid', 'off', '--out', join(tmp, 'off')]);
    expect(r.code).toBe(0);
    const report = await readJsonReport(join(tmp, 'off'));
    expect(report.specs[0]!.stats.hybrid).toBeUndefined();
  });

  it('works in campaign worker threads (each its own Z3, closed, so the process exits) and sums their stats', async () => {
    const r = await runVigil(['run', spec, '--runs', '120', ...flags, '--hybrid', 'on', '--workers', '2', '--out', join(tmp, 'workers')]);
    expect(r.output).not.toMatch(stackFramePattern);
    expect(r.code, r.output).toBe(1);
    const report = await readJsonReport(join(tmp, 'workers'));
    expect(report.specs[0]!.stats.hybrid!.rounds).toBeGreaterThanOrEqual(2);
  });

  it('rejects an unknown mode as a usage error', async () => {
    const r = await runVigil(['run', spec, '--hybrid', 'always', '--out', join(tmp, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.output).toContain('--hybrid: must be one of auto, on, off, got "always"');
    expect(r.output).not.toMatch(stackFramePattern);
  });
});
