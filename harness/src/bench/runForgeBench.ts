import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VigilError } from '../errors/VigilError.js';
import { findForge } from './findForge.js';
import { parseForgeOutput } from './parseForgeOutput.js';
import { writeSolcShim } from './solcShim.js';

export interface ForgeBenchOptions {
  runs: number;
  depth: number;
  /** Fuzz seed passed as `--fuzz-seed` (default 1), so runs are reproducible. */
  seed?: number;
  /** Limit for each forge process (build, test), default 10 minutes. */
  timeoutMs?: number;
  /** forge's `--threads`: 1 for a per-core figure; default 0 = all logical cores. */
  threads?: number;
}

export interface ForgeBenchResult {
  /** Handler calls over all invariant tests (forge runs one campaign per invariant_ function). */
  calls: number;
  reverts: number;
  /** Runs per invariant test. */
  runs: number;
  /** forge's own wall time for the test suite(s), compile excluded. */
  seconds: number;
  callsPerSec: number;
  forgeVersion: string;
}

/** bench/forge, the Foundry project fuzzed by this benchmark. */
export const forgeBenchDir = fileURLToPath(new URL('../../../bench/forge/', import.meta.url));

/**
 * Runs forge's invariant fuzzer on BenchToken (bench/forge) offline, compiling with
 * the project's solc-js through a shim, and reports calls per second as forge timed them.
 */
export async function runForgeBench(opts: ForgeBenchOptions): Promise<ForgeBenchResult> {
  const forge = findForge();
  const timeout = opts.timeoutMs ?? 600_000;
  const tmp = await mkdtemp(path.join(tmpdir(), 'vigil-forge-'));
  try {
    const shim = await writeSolcShim(tmp);
    const version = await run(forge, ['--version'], { timeout });
    const forgeVersion = /Version:\s*(\S+)/.exec(version.stdout)?.[1] ?? version.stdout.trim();
    const common = ['--use', shim, '--offline', '--root', forgeBenchDir];
    await run(forge, ['build', ...common], { timeout });
    const env = {
      ...process.env,
      FOUNDRY_INVARIANT_RUNS: String(opts.runs),
      FOUNDRY_INVARIANT_DEPTH: String(opts.depth),
      NO_COLOR: '1',
    };
    const args = ['test', ...common, '-vv', '--match-test', 'invariant_', '--fuzz-seed', String(opts.seed ?? 1)];
    if (opts.threads !== undefined) args.push('--threads', String(opts.threads));
    const res = await run(forge, args, { timeout, env, allowFailure: true });
    return summarise(res.stdout, res.code, forgeVersion);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function summarise(stdout: string, code: number, forgeVersion: string): ForgeBenchResult {
  const { tests, suites } = parseForgeOutput(stdout);
  const failed = tests.filter((t) => !t.passed);
  if (code !== 0 || tests.length === 0 || suites.length === 0 || failed.length > 0) {
    const what = failed.map((t) => `${t.name}: ${t.reason ?? 'failed'}`);
    throw new VigilError('INTERNAL', `forge bench did not pass (exit ${code}, ${tests.length} invariant tests)`, {
      meta: what.length > 0 ? what : stdout.trim().split('\n').slice(-15),
      hint: 'Run `forge test` in bench/forge by hand to see the full output.',
    });
  }
  const calls = tests.reduce((n, t) => n + t.calls, 0);
  const reverts = tests.reduce((n, t) => n + t.reverts, 0);
  const seconds = suites.reduce((n, s) => n + s.seconds, 0);
  return { calls, reverts, runs: tests[0]!.runs, seconds, callsPerSec: seconds > 0 ? calls / seconds : 0, forgeVersion };
}

interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

function run(
  cmd: string,
  args: string[],
  o: { timeout: number; env?: NodeJS.ProcessEnv; allowFailure?: boolean },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const execOpts = { cwd: forgeBenchDir, timeout: o.timeout, env: o.env, maxBuffer: 64 * 1024 * 1024 };
    execFile(cmd, args, execOpts, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
      if (e && typeof e.code === 'string') {
        reject(new VigilError('FORGE_UNAVAILABLE', `could not start forge (${cmd}): ${e.message}`, { cause: e }));
      } else if (e && (e.killed || !o.allowFailure)) {
        const why = e.killed ? `timed out after ${o.timeout} ms` : `exited with ${e.code}`;
        const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-15);
        reject(new VigilError('INTERNAL', `forge ${args[0]} ${why}`, { meta: tail, cause: e }));
      } else {
        resolve({ stdout, stderr, code: typeof e?.code === 'number' ? e.code : 0 });
      }
    });
  });
}
