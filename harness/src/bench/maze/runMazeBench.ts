import { findReachableBugs } from './findReachableBugs.js';
import { generateMaze, mazeDefaults } from './generateMaze.js';
import { runForgeMaze, type ForgeMazeResult } from './runForgeMaze.js';
import { runVigilMaze, type MazeToolResult } from './runVigilMaze.js';
import { openGuardSolver } from './solveGuards.js';

export interface MazeBenchOptions {
  /** Maze seeds; each maze is generated from its seed alone. */
  seeds: number[];
  /** Wall-clock budget of each tool on each maze, whole seconds (forge's timeout unit). */
  budgetSeconds: number;
  /** Calls per sequence, the same for both tools. */
  depth: number;
  /** The fuzzers' seed (Vigil's --seed, forge's --fuzz-seed). */
  fuzzSeed: number;
  width?: number;
  height?: number;
  bugs?: number;
  /** Run forge too (default true). */
  forge?: boolean;
  /** Also run Vigil with hybrid fuzzing off, to measure what `auto` (the default) adds (default true). */
  hybridOff?: boolean;
  /** Called after each maze, for progress output. */
  onMaze?: (m: MazeBenchEntry) => void;
}

export interface MazeBenchEntry {
  seed: number;
  bugs: number;
  reachable: number[];
  unreachable: { id: number; reason: string }[];
  unknown: { id: number; reason: string }[];
  /** Vigil as `vigil run` runs it (hybrid fuzzing `auto`). */
  vigil: MazeToolResult;
  /** Vigil with hybrid fuzzing off, same seed and budget. */
  vigilNoHybrid?: MazeToolResult;
  forge?: ForgeMazeResult;
}

export interface MazeBenchResult {
  settings: { seeds: number[]; budgetSeconds: number; depth: number; fuzzSeed: number; width: number; height: number; bugs: number; threads: 1 };
  mazes: MazeBenchEntry[];
  totals: { reachable: number; vigil: number; vigilNoHybrid?: number; forge?: number };
}

/**
 * The maze benchmark: for each seed, a maze the tools have never seen, Z3's verdict on
 * which bugs can fire, then Vigil and forge one after the other, each alone on one thread
 * for the same wall-clock budget. Distinct bugs, time to first bug and calls/s per tool.
 */
export async function runMazeBench(options: MazeBenchOptions): Promise<MazeBenchResult> {
  const shape = { width: options.width ?? mazeDefaults.width, height: options.height ?? mazeDefaults.height, bugs: options.bugs ?? mazeDefaults.bugs };
  const run = { budgetMs: options.budgetSeconds * 1000, depth: options.depth, seed: options.fuzzSeed };
  const solver = await openGuardSolver();
  const mazes: MazeBenchEntry[] = [];
  try {
    for (const seed of options.seeds) {
      const maze = generateMaze({ seed, ...shape });
      const { reachable, unreachable, unknown } = await findReachableBugs(maze, solver);
      const vigil = await runVigilMaze(maze, { ...run, hybrid: 'auto' });
      const vigilNoHybrid = options.hybridOff === false ? undefined : await runVigilMaze(maze, { ...run, hybrid: 'off' });
      const forge = options.forge === false ? undefined : await runForgeMaze(maze, run);
      const entry: MazeBenchEntry = { seed, bugs: maze.bugs.length, reachable, unreachable, unknown, vigil, ...(vigilNoHybrid ? { vigilNoHybrid } : {}), ...(forge ? { forge } : {}) };
      mazes.push(entry);
      options.onMaze?.(entry);
    }
  } finally {
    await solver.close();
  }
  const total = (pick: (m: MazeBenchEntry) => number) => mazes.reduce((n, m) => n + pick(m), 0);
  return {
    settings: { seeds: options.seeds, budgetSeconds: options.budgetSeconds, depth: options.depth, fuzzSeed: options.fuzzSeed, ...shape, threads: 1 },
    mazes,
    totals: {
      reachable: total((m) => m.reachable.length),
      vigil: total((m) => m.vigil.found.length),
      ...(options.hybridOff === false ? {} : { vigilNoHybrid: total((m) => m.vigilNoHybrid?.found.length ?? 0) }),
      ...(options.forge === false ? {} : { forge: total((m) => m.forge?.found.length ?? 0) }),
    },
  };
}
