import { join } from 'node:path';
import { runForgeBench, type ForgeBenchResult } from '../../bench/runForgeBench.js';
import { runVigilBench, type VigilBenchResult } from '../../bench/runVigilBench.js';
import { checkKind } from '../../config/validateConfig.js';
import { VigilError } from '../../errors/VigilError.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';

interface BenchOptions {
  runs?: string;
  depth?: string;
  forge?: boolean;
  token?: boolean;
  maze?: boolean;
  prove?: boolean;
  proveTimeout?: string;
  mazeSeeds?: string | number;
  mazeBudget?: string;
  mazeDepth?: string;
  mazeSize?: string;
  mazeBugs?: string;
}

/**
 * `vigil bench` (`npm run bench`): the handler benchmark (calls/s of Vigil and of forge on
 * BenchToken) and the maze benchmark (distinct bugs found in the same time on generated
 * mazes), in the same run on the same machine, forge limited to one thread as Vigil is.
 * Prints the figures and writes reports/bench.json. A measurement, never a test.
 */
export default async function bench(options: BenchOptions): Promise<number> {
  const runs = positive('runs', options.runs, 128);
  const depth = positive('depth', options.depth, 200);
  const maze = options.maze === false ? undefined : mazeOptions(options);
  if (maze !== undefined) {
    // Every maze is drawn up front (milliseconds), so a bad size or bug count fails before the long runs.
    const { generateMaze } = await import('../../bench/maze/generateMaze.js');
    for (const seed of maze.seeds) generateMaze({ seed, width: maze.width, height: maze.height, bugs: maze.bugs });
  }
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const report: Record<string, unknown> = {};

  if (options.token !== false) {
    out(`Handler benchmark: BenchToken, ${runs} runs × depth ${depth}, seed 1`);
    const vigil: VigilBenchResult = await runVigilBench({ runs, depth });
    out(row('vigil, TS spec (1 thread)', vigil.calls, vigil.seconds, vigil.callsPerSec));
    // The same Solidity handler suite forge runs, run by Vigil as it is (cheatcodes and all).
    const vigilNative: VigilBenchResult = await runVigilBench({ runs, depth, native: true });
    out(row('vigil, forge suite (1 thread)', vigilNative.calls, vigilNative.seconds, vigilNative.callsPerSec));
    let forge: ForgeBenchResult | undefined;
    if (options.forge !== false) {
      forge = await runForgeBench({ runs, depth, threads: 1 });
      out(row(`forge ${forge.forgeVersion} (1 thread)`, forge.calls, forge.seconds, Math.round(forge.callsPerSec)));
      out(`ratio vigil / forge: ${(vigil.callsPerSec / forge.callsPerSec).toFixed(2)}× (TS spec), ${(vigilNative.callsPerSec / forge.callsPerSec).toFixed(2)}× (forge suite)`);
    }
    Object.assign(report, {
      runs, depth, vigil, vigilNative, forge,
      ratio: forge ? vigil.callsPerSec / forge.callsPerSec : null,
      nativeRatio: forge ? vigilNative.callsPerSec / forge.callsPerSec : null,
    });
  }

  if (maze !== undefined) {
    const { runMazeBench } = await import('../../bench/maze/runMazeBench.js');
    const { formatMazeEntry, formatMazeTotals } = await import('../../bench/maze/formatMazeBench.js');
    if (options.token !== false) out('');
    out(
      `Maze benchmark: seeds ${maze.seeds.join(', ')} (${maze.width}x${maze.height}, ${maze.bugs} bugs), ` +
        `${maze.budgetSeconds} s per tool per maze, depth ${maze.depth}, fuzz seed ${maze.fuzzSeed}, one thread each; ` +
        'Vigil as `vigil run` (hybrid fuzzing auto) and with --hybrid off',
    );
    const result = await runMazeBench({ ...maze, forge: options.forge !== false, onMaze: (m) => formatMazeEntry(m).forEach((l) => out(l)) });
    out(formatMazeTotals(result));
    report.maze = result;
  }

  if (options.prove !== false) {
    // Time to verdict per check through vigil prove's worker path (see bench/prove).
    const { runProveBench, formatProveRow } = await import('../../bench/prove/runProveBench.js');
    const timeoutSeconds = positive('prove-timeout', options.proveTimeout, 20);
    out(`\nProve benchmark: time to verdict per check, loop bound 3, ${timeoutSeconds} s per obligation, depth 1 (2 where depth 1 finished)`);
    report.prove = await runProveBench({ root: process.cwd(), timeoutSeconds, depths: [1, 2], onRow: (r) => out(formatProveRow(r)) });
  }

  const file = join(process.cwd(), 'reports', 'bench.json');
  await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  out(`Written: reports/bench.json`);
  return 0;
}

function mazeOptions(options: BenchOptions) {
  const seeds = String(options.mazeSeeds ?? '1,2,3').split(',').map((s) => s.trim());
  for (const s of seeds) {
    if (!/^\d+$/.test(s)) throw new VigilError('USAGE', `--maze-seeds: a comma-separated list of whole numbers, got ${JSON.stringify(String(options.mazeSeeds))}`);
  }
  const size = String(options.mazeSize ?? '8x8');
  const m = /^(\d+)x(\d+)$/.exec(size);
  if (!m) throw new VigilError('USAGE', `--maze-size: WIDTHxHEIGHT such as 8x8, got ${JSON.stringify(size)}`);
  return {
    seeds: seeds.map(Number),
    budgetSeconds: positive('maze-budget', options.mazeBudget, 30),
    depth: positive('maze-depth', options.mazeDepth, 100),
    fuzzSeed: 1,
    width: Number(m[1]),
    height: Number(m[2]),
    bugs: positive('maze-bugs', options.mazeBugs, 10),
  };
}

function row(name: string, calls: number, seconds: number, perSec: number): string {
  return `${name.padEnd(28)} ${String(calls).padStart(9)} calls  ${seconds.toFixed(2).padStart(7)} s  ${String(perSec).padStart(7)} calls/s`;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const problem = checkKind('positive', n);
  if (problem) throw new VigilError('USAGE', `--${name}: ${problem}, got ${JSON.stringify(value)}`);
  return n;
}
