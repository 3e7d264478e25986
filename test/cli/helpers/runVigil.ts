import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../../harness/src/report/types.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const vigilBin = join(repoRoot, 'harness', 'bin', 'vigil.mjs');
export const fixturesDir = join(repoRoot, 'test', 'cli', 'fixtures');
/** What a fixture spec is called on the command line, relative to the repo root. */
export const fixtureSpec = (name: string): string => `test/cli/fixtures/specs/${name}.spec.ts`;

/** A Node stack frame such as `    at run (/x/y.ts:1:2)`: the CLI must never print one. */
export const stackFramePattern = /\n\s+at .*\(.*:\d+:\d+\)/;

export interface VigilResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout then stderr: spec errors go to stdout inside the summary, usage errors to stderr. */
  output: string;
}

/**
 * Runs the real CLI in a child process, as a user would. Async, so tests in a file can
 * run side by side; VIGIL_DEBUG is dropped because it adds stack traces on purpose.
 */
export function runVigil(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<VigilResult> {
  const env = { ...process.env };
  delete env.VIGIL_DEBUG;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vigilBin, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
    });
  });
}

/** A fresh directory under the OS temp folder. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `vigil-cli-${prefix}-`));
}

export async function readJsonReport(outDir: string): Promise<Report> {
  return JSON.parse(await readFile(join(outDir, 'vigil-report.json'), 'utf8')) as Report;
}

/** Small budgets keep every campaign to a few seconds. */
export const smallBudget = ['--runs', '20', '--depth', '20'] as const;
