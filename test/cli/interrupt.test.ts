import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../harness/src/report/types.js';
import { validateReport } from '../../harness/src/report/validateReport.js';
import { makeTempDir, repoRoot, stackFramePattern, vigilBin } from './helpers/runVigil.js';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('interrupt');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A long campaign in its own folder (reports and corpus there), as a user would start it. */
function start(out: string): Running {
  const env = { ...process.env };
  delete env.VIGIL_DEBUG;
  const child = spawn(process.execPath, [vigilBin, 'run', join(repoRoot, 'specs/TokenBuggy.spec.ts'), '--runs', '1000000', '--depth', '100', '--out', out], {
    cwd: tmp, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('interruption by real signals', () => {
  it('SIGINT mid-campaign writes a partial report with every finding so far, marked interrupted, and keeps the corpus', async () => {
    const out = join(tmp, 'sigint');
    const run = start(out);
    // The plain progress line (not a terminal) comes every 5 s and counts findings.
    await waitFor(() => /findings [1-9]/.test(run.stderr()), 60_000);
    run.child.kill('SIGINT');
    const { code } = await run.exited;

    expect(run.stderr()).toMatch(/SIGINT: stopping; writing a partial report/);
    expect(code).toBe(1);
    expect(run.stdout() + run.stderr()).not.toMatch(stackFramePattern);
    const report = JSON.parse(readFileSync(join(out, 'vigil-report.json'), 'utf8')) as Report;
    expect(validateReport(report).problems ?? []).toEqual([]);
    expect(report.interrupted).toBe(true);
    const spec = report.specs[0]!;
    expect(spec.status).toBe('interrupted');
    expect(spec.findings.length).toBeGreaterThan(0);
    for (const f of spec.findings) {
      expect(f.original.calls.length).toBeGreaterThan(0);
      // Shrinking is skipped when interrupted: the counterexample is the one found, and it replays.
      expect(f.shrink.status).toBe('skipped');
      expect(f.original.calls.at(-1)!.result).toBeDefined();
    }
    // The corpus keeps what was found, for the next run to replay first.
    const corpus = join(tmp, '.vigil', 'corpus');
    expect(existsSync(corpus) && readdirSync(corpus).some((f) => f.startsWith('TokenBuggy'))).toBe(true);
    // Written atomically: no temporary files left beside the reports.
    expect(readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 120_000);

  it('a second SIGINT quits at once', async () => {
    const out = join(tmp, 'twice');
    const run = start(out);
    await waitFor(() => /calls\/s/.test(run.stderr()), 60_000);
    run.child.kill('SIGINT');
    // Signals of one kind do not queue: the second must come after the first was seen.
    await waitFor(() => /SIGINT: stopping/.test(run.stderr()), 30_000);
    run.child.kill('SIGINT');
    const started = Date.now();
    const { code, signal } = await run.exited;
    // 130 from the handler, or, when the first stop had already finished the campaigns and
    // only the (atomic) report writing was left, the signal's own default: both quit at once.
    expect(code === 130 || signal === 'SIGINT', `code ${code}, signal ${signal}`).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 120_000);

  it('SIGTERM is handled like SIGINT', async () => {
    const out = join(tmp, 'sigterm');
    const run = start(out);
    await waitFor(() => /calls\/s/.test(run.stderr()), 60_000);
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect([1, 3]).toContain(code);
    expect(run.stderr()).toMatch(/SIGTERM: stopping/);
    const report = JSON.parse(readFileSync(join(out, 'vigil-report.json'), 'utf8')) as Report;
    expect(report.interrupted).toBe(true);
  }, 120_000);
});
