import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { openSession } from '../campaign/openSession.js';
import { runCampaign } from '../campaign/runCampaign.js';
import { openNativeSession } from '../native/openNativeSession.js';
import { forgeBenchDir } from './runForgeBench.js';

export interface VigilBenchResult {
  calls: number;
  reverts: number;
  runs: number;
  seconds: number;
  callsPerSec: number;
  findings: number;
}

/** The spec that mirrors bench/forge's handler suite. */
export const benchSpec = fileURLToPath(new URL('../../../specs/BenchToken.spec.ts', import.meta.url));

/**
 * Fuzzes the benchmark in-process and times the campaign alone (compile, deploy and set-up
 * excluded, as forge's figure excludes its build): the TypeScript spec, or with `native`
 * forge's own Solidity suite (bench/forge's handler and invariants, run as they are).
 */
export async function runVigilBench(opts: { runs: number; depth: number; seed?: number; native?: boolean }): Promise<VigilBenchResult> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const cacheDir = join(root, '.vigil', 'cache', 'compile');
  const settings = { ...defaultSettings, runs: opts.runs, depth: opts.depth, seed: opts.seed ?? 1 };
  const session = opts.native
    ? await openNativeSession(
      { kind: 'foundry', root: forgeBenchDir, file: join(forgeBenchDir, 'test', 'BenchTokenInvariant.t.sol'), contract: 'BenchTokenInvariantTest' },
      { cacheDir, settings, overrides: { runs: opts.runs, depth: opts.depth } },
    )
    : await openSession(benchSpec, { root, cacheDir, settings });
  const result = await runCampaign(session);
  const seconds = result.durationMs / 1000;
  return {
    calls: result.calls,
    reverts: result.reverts,
    runs: result.runs,
    seconds,
    callsPerSec: Math.round(result.calls / seconds),
    findings: result.findings.length,
  };
}
