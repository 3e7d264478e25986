import { join, relative, resolve } from 'node:path';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { VigilError } from '../../errors/VigilError.js';
import { findSpecFiles } from '../../fs/findSpecFiles.js';
import { isNativePath } from '../../native/findNativeSuites.js';
import { defaultProveBounds, type ProveBounds } from '../../prove/verify/types.js';
import { proveSpec } from '../../prove/verify/proveSpec.js';
import { defaultConcreteSearch } from '../../prove/verify/searchConcrete.js';
import { ObligationPool } from '../../prove/worker/ObligationPool.js';
import { loadReporters } from '../../report/reporters/loadReporters.js';
import { parseReporterNames } from '../../report/reporters/parseReporterNames.js';
import { ReporterGroup } from '../../report/reporters/ReporterGroup.js';
import { overallStatus } from '../../report/overallStatus.js';
import { provedToBound } from '../../report/provedToBound.js';
import { REPORT_SCHEMA_VERSION, type Report, type SpecResult } from '../../report/types.js';
import { vigilVersion } from '../../version.js';
import { EXIT } from '../exitCodes.js';

export interface ProveOptions {
  depth?: string;
  loopBound?: string;
  timeout?: string;
  out?: string;
  reporter?: string | string[];
  workers?: string;
  fuzzRuns?: string;
  /** Solidity suites: only this contract. */
  contract?: string;
}

/**
 * `vigil prove`: each check's verdict (bounded from the set-up state, inductive where it
 * is), counterexamples replayed into the report like fuzzing findings. Every obligation runs
 * in a worker thread with its own Z3 under a wall-clock limit; the workers are ended on
 * every way out, so the process exits by itself.
 */
export default async function prove(paths: string[], options: ProveOptions): Promise<number> {
  const root = process.cwd();
  const bounds = parseBounds(options);
  const workers = parseWorkers(options.workers);
  const concrete = { ...defaultConcreteSearch, runs: parseFuzzRuns(options.fuzzRuns) };
  // One concrete search at a time (they share this thread), in the files' order.
  let searching: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = searching.then(fn);
    searching = next.catch(() => undefined);
    return next;
  };
  const names = parseReporterNames(options.reporter, ['console', 'json']);
  const outDir = resolve(root, options.out ?? 'reports');
  const reportPath = relative(root, join(outDir, 'vigil-report.json'));
  // `.sol` files and Foundry projects are Solidity-native suites (prove/native); the rest are specs.
  const nativePaths = paths.filter((p) => isNativePath(resolve(root, p)));
  const specPaths = paths.filter((p) => !nativePaths.includes(p));
  const files = specPaths.length > 0 || nativePaths.length === 0 ? findSpecFiles(root, specPaths.length > 0 ? specPaths : ['specs']) : [];
  const reporters = new ReporterGroup(await loadReporters(names.includes('json') ? names : ['json', ...names], {
    outDir, root, write: (s) => process.stdout.write(s), color: process.stdout.isTTY === true,
  }));
  const start = Date.now();
  const command = ['vigil', 'prove', ...process.argv.slice(3)].join(' ');
  reporters.onRunStart({ targets: files.length, command });
  const pool = new ObligationPool({ workers });
  const specs: SpecResult[] = [];
  // Not read back from the sessions yet: proveSpec returns the spec's result only.
  const compiler: Report['compiler'] = { version: 'unknown', evmVersion: 'unknown', hardfork: 'unknown' };
  try {
    // Every spec's obligations are queued at once (the pool runs `workers` of them); results
    // are reported in the files' order.
    const pending = files.map((file) => proveSpec(file, { root, cacheDir: join(root, '.vigil', 'cache', 'compile'), settings: defaultSettings, bounds, reportPath, pool, concrete, exclusive }));
    for (const p of pending) p.catch(() => undefined);
    for (const p of pending) {
      const result = await p;
      specs.push(result);
      reporters.onSpecDone(result);
      process.stdout.write(verdictTable(result, bounds));
    }
    if (nativePaths.length > 0) {
      const { proveNativePaths } = await import('../../prove/native/proveNativePaths.js');
      await proveNativePaths(nativePaths, {
        bounds, settings: defaultSettings, reportPath, cacheDir: join(root, '.vigil', 'cache', 'compile'), workers, ...(options.contract ? { contract: options.contract } : {}),
        onSuite: (result) => {
          specs.push(result);
          reporters.onSpecDone(result);
          process.stdout.write(verdictTable(result, bounds));
        },
      });
    }
  } finally {
    await pool.close();
  }
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'vigil', version: vigilVersion },
    status: overallStatus(specs, false),
    createdAt: new Date().toISOString(),
    durationMs: Date.now() - start,
    settings: { seed: String(defaultSettings.seed), runs: 0, depth: bounds.depth, shrinkLimit: 0, workers, command },
    compiler,
    specs,
  };
  const written = (await reporters.onRunEnd(report)).map((p) => relative(root, p));
  if (written.length > 0) process.stdout.write(`Reports: ${written.join(', ')}\n`);
  const proofs = specs.flatMap((s) => s.proofs ?? []);
  if (proofs.some((p) => p.verdict === 'counterexample')) return EXIT.violation;
  if (proofs.some((p) => !provedToBound(p, bounds.depth) && p.verdict !== 'fuzz-only')) return EXIT.inconclusive;
  return EXIT.ok;
}

function verdictTable(spec: SpecResult, bounds: ProveBounds): string {
  const rows = (spec.proofs ?? []).map((p) => {
    const verdict = p.verdict === 'proved-bounded' ? `proved-bounded (k=${p.depth ?? bounds.depth}, loop ${p.loopBound ?? bounds.loopBound})` : p.verdict;
    return `  ${p.kind} ${p.name}: ${verdict}  ${(p.timeMs / 1000).toFixed(1)} s${p.reason ? `\n      ${p.reason}` : ''}${p.findingId ? `\n      finding ${p.findingId}` : ''}`;
  });
  return `${spec.name} (depth ${bounds.depth}, loop bound ${bounds.loopBound})\n${rows.join('\n')}\n${verdictHints(spec, bounds)}`;
}

/** What to do about a verdict the solver or its worker did not reach, once per spec. */
function verdictHints(spec: SpecResult, bounds: ProveBounds): string {
  const proofs = spec.proofs ?? [];
  const hints: string[] = [];
  const short = proofs.filter((p) => p.verdict === 'proved-bounded' && !provedToBound(p, bounds.depth));
  if (short.length > 0) {
    hints.push(`Hint: ${short.map((p) => `${p.name} (k=${p.depth})`).join(', ')} proved short of --depth ${bounds.depth}: the deeper level was not finished; give it more time with --timeout <seconds> (now ${bounds.timeoutMs / 1000}).`);
  }
  if (proofs.some((p) => p.verdict === 'unknown' && /timeout/.test(p.reason ?? ''))) {
    hints.push(`Hint: give each proof obligation more time with --timeout <seconds> (now ${bounds.timeoutMs / 1000}), or search fewer calls deep with --depth (now ${bounds.depth}).`);
  }
  if (proofs.some((p) => p.verdict === 'error')) {
    hints.push(`Hint: the prover failed on the checks marked error (the others have their verdicts); try a smaller --depth or --loop-bound, and fuzz those checks with vigil run.`);
  }
  return hints.map((h) => `${h}\n`).join('');
}

function parseBounds(o: ProveOptions): ProveBounds {
  const problems: string[] = [];
  const int = (flag: string, raw: string | undefined, fallback: number, min: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      problems.push(`--${flag} ${raw}: expected a whole number ≥ ${min}`);
      return fallback;
    }
    return n;
  };
  const depth = int('depth', o.depth, defaultProveBounds.depth, 0);
  const loopBound = int('loop-bound', o.loopBound, defaultProveBounds.loopBound, 1);
  const timeout = int('timeout', o.timeout, defaultProveBounds.timeoutMs / 1000, 1);
  if (problems.length > 0) throw new VigilError('USAGE', `invalid flags of vigil prove: ${problems.join('; ')}`, { meta: problems });
  return { depth, loopBound, timeoutMs: timeout * 1000 };
}

function parseFuzzRuns(raw: string | undefined): number {
  if (raw === undefined) return defaultConcreteSearch.runs;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw new VigilError('USAGE', `invalid flags of vigil prove: --fuzz-runs ${raw}: expected a whole number ≥ 0`, { meta: [`--fuzz-runs ${raw}`] });
  }
  return n;
}

function parseWorkers(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new VigilError('USAGE', `invalid flags of vigil prove: --workers ${raw}: expected a whole number from 1 to 64`, { meta: [`--workers ${raw}`] });
  }
  return n;
}
