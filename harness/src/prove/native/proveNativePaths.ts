import type { CampaignSettings } from '../../campaign/CampaignSettings.js';
import type { SpecResult } from '../../report/types.js';
import type { ProveBounds } from '../verify/types.js';
import { findProveSuites } from './findProveSuites.js';
import type { NativeRunner, NativeTask } from './NativeTask.js';
import { NativeWorkerPool } from './NativeWorkerPool.js';
import { proveNativeSuite } from './proveNativeSuite.js';

export interface ProveNativeOptions {
  bounds: ProveBounds;
  settings: CampaignSettings;
  reportPath: string;
  cacheDir?: string;
  contract?: string;
  workers?: number;
  /** Default: a NativeWorkerPool of `workers` threads, closed at the end. */
  run?: NativeRunner;
  onSuite?: (result: SpecResult) => void;
}

/**
 * `vigil prove` on `.sol` files and Foundry projects: every suite's tasks are queued at
 * once (the pool runs `workers` of them), results come back in the suites' order.
 */
export async function proveNativePaths(paths: readonly string[], o: ProveNativeOptions): Promise<SpecResult[]> {
  const suites = [];
  for (const p of paths) suites.push(...(await findProveSuites(p, { ...(o.cacheDir ? { cacheDir: o.cacheDir } : {}), ...(o.contract ? { contract: o.contract } : {}) })));
  const pool = o.run === undefined ? new NativeWorkerPool({ workers: o.workers ?? 1 }) : undefined;
  const run = o.run ?? ((task: NativeTask) => pool!.run(task));
  const base = { bounds: o.bounds, settings: o.settings, reportPath: o.reportPath, ...(o.cacheDir ? { cacheDir: o.cacheDir } : {}) };
  try {
    const pending = suites.map((s) => proveNativeSuite(s, run, base));
    for (const p of pending) p.catch(() => undefined);
    const out: SpecResult[] = [];
    for (const p of pending) {
      const r = await p;
      out.push(r);
      o.onSuite?.(r);
    }
    return out;
  } finally {
    await pool?.close();
  }
}
