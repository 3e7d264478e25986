import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findForge } from '../bench/findForge.js';
import { writeSolcShim } from '../bench/solcShim.js';
import { VigilError } from '../errors/VigilError.js';

export interface ForgeTestResult {
  /** `test/File.t.sol:Contract` as forge names the suite. */
  suite: string;
  contract: string;
  /** `test_x()` */
  test: string;
  passed: boolean;
  reason?: string;
}

/**
 * Runs `forge test --json` on a Foundry project, offline, compiling with the project's
 * solc-js through the shim, and returns one result per test. A compile error throws,
 * with forge's output as meta lines.
 */
export async function runForgeTests(root: string, args: readonly string[] = [], timeoutMs = 300_000): Promise<ForgeTestResult[]> {
  const forge = findForge();
  const shimDir = await mkdtemp(path.join(tmpdir(), 'vigil-forge-shim-'));
  try {
    const shim = await writeSolcShim(shimDir);
    // From the project itself: forge keeps some state (cache/invariant) relative to the working directory.
    const out = await run(forge, ['test', '--use', shim, '--offline', '--root', root, '--json', ...args], timeoutMs, root);
    const json = out.slice(out.indexOf('{'));
    let parsed: Record<string, { test_results: Record<string, { status: string; reason?: string | null }> }>;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new VigilError('INTERNAL', 'forge test printed no JSON', { meta: out.trim().split('\n').slice(-20) });
    }
    return Object.entries(parsed).flatMap(([suite, s]) =>
      Object.entries(s.test_results).map(([test, r]) => ({
        suite,
        contract: suite.slice(suite.lastIndexOf(':') + 1),
        test,
        passed: r.status === 'Success',
        ...(r.reason ? { reason: r.reason } : {}),
      })),
    );
  } finally {
    await rm(shimDir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], timeout: number, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1' };
    execFile(cmd, args, { cwd, timeout, env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
      // forge exits 1 when a test fails: that is a result. No JSON means it did not get that far.
      if (e && (typeof e.code === 'string' || e.killed || !stdout.includes('{'))) {
        const output = `${stdout}\n${stderr}`.trim().split('\n');
        // The first compiler error is what explains a failed build; say it in the message itself.
        const firstError = output.find((l) => /^Error/.test(l.trim()) && !/Compiler run failed/.test(l));
        const why = e.killed ? `timed out after ${timeout} ms` : `failed (${e.code})${firstError ? `: ${firstError.trim()}` : ''}`;
        reject(new VigilError('INTERNAL', `forge test ${why}`, { meta: output.slice(-20), cause: e }));
      } else resolve(stdout);
    });
  });
}
