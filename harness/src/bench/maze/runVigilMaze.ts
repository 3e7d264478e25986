import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { openSession } from '../../campaign/openSession.js';
import { runCampaign } from '../../campaign/runCampaign.js';
import type { HybridMode } from '../../hybrid/HybridMode.js';
import type { HybridStats } from '../../hybrid/HybridStats.js';
import type { Maze } from './Maze.js';
import { writeVigilMaze } from './writeMazeProjects.js';

export interface MazeRunOptions {
  /** Wall-clock budget of the search. */
  budgetMs: number;
  /** Calls per sequence. */
  depth: number;
  /** The fuzzer's seed (not the maze's). */
  seed: number;
  /** Hybrid fuzzing (default `auto`, as `vigil run`). */
  hybrid?: HybridMode;
}

/** What one tool did on one maze. */
export interface MazeToolResult {
  /** Distinct bug ids fired, ascending. */
  found: number[];
  /** Milliseconds from the start of the search to each bug's first firing. */
  firstHitMs: Record<number, number>;
  /** Earliest of `firstHitMs`; undefined when nothing was found. */
  firstBugMs?: number;
  calls: number;
  /** Search wall time (compile and deployment excluded). */
  seconds: number;
  callsPerSec: number;
  /** Findings that are not one of the maze's bugs (should stay empty). */
  other: string[];
  /** Jump edges covered (Vigil only). */
  edges?: number;
  /** What hybrid fuzzing did, when it ran (Vigil only). */
  hybrid?: HybridStats;
}

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Fuzzes the maze's assert variant with Vigil's engine (openSession + runCampaign, as
 * `vigil run` does) for `budgetMs` of search: the whole budget goes to the search
 * (no shrinking, no corpus of earlier runs), `runs` is unbounded so time ends the
 * campaign. Each distinct `assert(false)` line is a finding; it maps back to its bug.
 */
export async function runVigilMaze(maze: Maze, options: MazeRunOptions): Promise<MazeToolResult> {
  const parent = path.join(root, '.vigil', 'maze');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, `seed-${maze.seed}-`));
  try {
    const { specFile, source } = await writeVigilMaze(maze, dir);
    const session = await openSession(specFile, {
      root,
      cacheDir: path.join(root, '.vigil', 'cache', 'compile'),
      settings: {
        ...defaultSettings, seed: options.seed, runs: Number.MAX_SAFE_INTEGER, depth: options.depth, timeLimitMs: options.budgetMs, shrinkLimit: 0,
        hybrid: options.hybrid ?? defaultSettings.hybrid,
      },
    });
    const campaign = await runCampaign(session, { shrinkShare: 0 });
    const bugAt = new Map([...source.bugLines].map(([id, line]) => [line, id]));
    const firstHitMs: Record<number, number> = {};
    const other: string[] = [];
    for (const f of campaign.findings) {
      const loc = f.violation.location;
      const id = f.violation.kind === 'assertion' && loc !== undefined && loc.file.endsWith('Maze.sol') ? bugAt.get(loc.line) : undefined;
      if (id === undefined) other.push(f.violation.id);
      else firstHitMs[id] = Math.min(firstHitMs[id] ?? Infinity, f.firstFoundMs);
    }
    const found = Object.keys(firstHitMs).map(Number).sort((p, q) => p - q);
    const seconds = campaign.durationMs / 1000;
    return {
      found,
      firstHitMs,
      ...(found.length > 0 ? { firstBugMs: Math.min(...Object.values(firstHitMs)) } : {}),
      calls: campaign.calls,
      seconds,
      callsPerSec: seconds > 0 ? campaign.calls / seconds : 0,
      other,
      edges: session.chain.coverage?.newHits ?? 0,
      ...(campaign.hybrid !== undefined ? { hybrid: campaign.hybrid } : {}),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
