import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { proveNativePaths } from '../../prove/native/proveNativePaths.js';
import { proveSpec } from '../../prove/verify/proveSpec.js';
import type { ProveBounds } from '../../prove/verify/types.js';
import { ObligationPool } from '../../prove/worker/ObligationPool.js';
import type { SpecResult } from '../../report/types.js';

export interface ProveBenchRow {
  spec: string;
  check: string;
  depth: number;
  verdict: string;
  seconds: number;
  reason?: string;
}

export interface ProveBenchResult {
  timeoutSeconds: number;
  loopBound: number;
  rows: ProveBenchRow[];
  /** Checks outside the provable subset (fuzz-only), per spec: not timed. */
  fuzzOnly: Record<string, number>;
  /** Properties of TypeScript specs, per spec: `vigil prove` does not attempt them yet. */
  notAttempted: Record<string, number>;
}

export interface ProveBenchOptions {
  root: string;
  timeoutSeconds: number;
  depths: number[];
  onRow?: (row: ProveBenchRow) => void;
}

/**
 * Time to verdict per check, through the worker path `vigil prove` uses (each obligation
 * in a worker with its own Z3, stopped at the timeout): the example specs, the prover's
 * Coin fixtures and the native fixtures (forge invariants, check_* functions). Depth 2 runs
 * only for the specs whose depth-1 obligations all finished within the timeout.
 */
export async function runProveBench(o: ProveBenchOptions): Promise<ProveBenchResult> {
  const loopBound = 3;
  const specDir = join(o.root, 'specs');
  const proverFixtures = join(o.root, 'harness', 'src', 'prove', 'verify', 'fixtures');
  const nativeFixtures = join(o.root, 'harness', 'src', 'prove', 'native', 'fixtures');
  const specs = [
    ...(existsSync(specDir) ? readdirSync(specDir).filter((f) => f.endsWith('.spec.ts')).sort().map((f) => join(specDir, f)) : []),
    join(proverFixtures, 'Coin.spec.ts'),
    join(proverFixtures, 'CoinBuggy.spec.ts'),
  ];
  const native = [join(nativeFixtures, 'Pot.t.sol'), join(nativeFixtures, 'Add.t.sol')];
  const rows: ProveBenchRow[] = [];
  const fuzzOnly: Record<string, number> = {};
  const notAttempted: Record<string, number> = {};
  const cacheDir = join(o.root, '.vigil', 'cache', 'compile');
  const reportPath = relative(o.root, join(o.root, '.vigil', 'bench', 'prove-report.json'));
  let finished = new Set(specs.map((s) => basename(s)));
  for (const depth of o.depths) {
    const bounds: ProveBounds = { depth, loopBound, timeoutMs: o.timeoutSeconds * 1000 };
    const record = (r: SpecResult) => {
      let timedOut = false;
      for (const p of r.proofs ?? []) {
        const first = depth === o.depths[0];
        if (p.verdict === 'fuzz-only' || /properties are not proved yet/.test(p.reason ?? '')) {
          const counts = p.verdict === 'fuzz-only' ? fuzzOnly : notAttempted;
          if (first) counts[r.name] = (counts[r.name] ?? 0) + 1;
          continue;
        }
        // A check_* function is one call whatever the depth: timed once.
        if (p.depth === 1 && !first) continue;
        if (/timeout after/.test(p.reason ?? '')) timedOut = true;
        const row: ProveBenchRow = { spec: r.name, check: `${p.kind} ${p.name}`, depth, verdict: p.verdict, seconds: Math.round(p.timeMs / 100) / 10, ...(p.reason && !p.verdict.startsWith('proved') ? { reason: p.reason } : {}) };
        rows.push(row);
        o.onRow?.(row);
      }
      return timedOut;
    };
    const pool = new ObligationPool({ workers: 1 });
    const next = new Set<string>();
    try {
      for (const file of specs.filter((s) => finished.has(basename(s)))) {
        const r = await proveSpec(file, { root: o.root, cacheDir, settings: defaultSettings, bounds, reportPath, pool });
        if (!record(r)) next.add(basename(file));
      }
    } finally {
      await pool.close();
    }
    await proveNativePaths(native, { bounds, settings: defaultSettings, reportPath, cacheDir, workers: 1, onSuite: (r) => void record(r) });
    finished = next;
  }
  return { timeoutSeconds: o.timeoutSeconds, loopBound, rows, fuzzOnly, notAttempted };
}

export function formatProveRow(r: ProveBenchRow): string {
  return `${r.spec.padEnd(24)} ${r.check.padEnd(52)} k=${r.depth}  ${r.verdict.padEnd(16)} ${r.seconds.toFixed(1).padStart(6)} s`;
}
