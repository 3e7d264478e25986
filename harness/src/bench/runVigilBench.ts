import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { openSession } from '../campaign/openSession.js';
import { runCampaign } from '../campaign/runCampaign.js';

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
 * Fuzzes the benchmark spec in-process and times the campaign alone (compile, deploy
 * and set-up excluded, as forge's figure excludes its build).
 */
export async function runVigilBench(opts: { runs: number; depth: number; seed?: number }): Promise<VigilBenchResult> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const session = await openSession(benchSpec, {
    root,
    cacheDir: join(root, '.vigil', 'cache', 'compile'),
    settings: { ...defaultSettings, runs: opts.runs, depth: opts.depth, seed: opts.seed ?? 1 },
  });
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
