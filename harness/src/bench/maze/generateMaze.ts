import { VigilError } from '../../errors/VigilError.js';
import { contradict, randomGuard } from './guards.js';
import { MAX_CELLS, type BugIntent, type Guard, type Maze, type MazeBug } from './Maze.js';
import { MazeRandom } from './MazeRandom.js';
import { neighbours, openComponent } from './mazeGraph.js';

export interface MazeOptions {
  seed: number;
  /** Default 8 × 8; width × height at most 256. */
  width?: number;
  height?: number;
  /** Bug cells, default 10. */
  bugs?: number;
  /** Chance that a cell is a wall, default 0.25. */
  wallDensity?: number;
  /** Nested conditions per bug, uniform in [minGuards, maxGuards], default 2–4. */
  minGuards?: number;
  maxGuards?: number;
  /** Bugs sealed off by walls on purpose, default bugs / 5 (at least 1). */
  walled?: number;
  /** Bugs whose guards contradict each other on purpose, default bugs / 5 (at least 1). */
  contradictory?: number;
}

export const mazeDefaults: Required<Omit<MazeOptions, 'seed' | 'walled' | 'contradictory'>> = {
  width: 8, height: 8, bugs: 10, wallDensity: 0.25, minGuards: 2, maxGuards: 4,
};

/**
 * A random maze from a seed: walls, a start, and bug cells guarded by nested conditions
 * over the move's arguments. Some bugs are unreachable on purpose (sealed off by walls, or
 * with a guard that contradicts an outer one); others may be unreachable by chance.
 * Which are reachable is for findReachableBugs to say, not for the generator.
 */
export function generateMaze(options: MazeOptions): Maze {
  const o = { ...mazeDefaults, ...options };
  const walledCount = o.walled ?? Math.max(1, Math.floor(o.bugs / 5));
  const contradictoryCount = o.contradictory ?? Math.max(1, Math.floor(o.bugs / 5));
  checkOptions(o, walledCount, contradictoryCount);
  const { width, height } = o;
  const rnd = new MazeRandom(o.seed);

  const wanted = o.bugs - walledCount;
  let layout: Layout | undefined;
  // A layout whose start region is too small for the bugs is drawn again (same stream).
  for (let attempt = 0; attempt < 100 && layout === undefined; attempt++) layout = drawLayout(rnd, o, walledCount, wanted);
  if (layout === undefined) {
    throw new VigilError('USAGE', `maze seed ${o.seed}: ${width}×${height} has no room for ${o.bugs} bugs (${walledCount} walled)`, {
      hint: 'Use a larger maze, fewer bugs or a lower wall density.',
    });
  }
  const { walls, start, cells, open } = layout;
  open.slice(0, wanted).forEach((cell, i) => cells.push({ cell, intent: i < contradictoryCount ? 'contradictory' : 'open' }));

  // Ids in random order, so an id says nothing about the intent.
  const bugs: MazeBug[] = rnd.shuffled(cells).map(({ cell, intent }, id) => ({
    id,
    x: cell % width,
    y: Math.floor(cell / width),
    guards: guardsFor(rnd, o.minGuards, o.maxGuards, intent === 'contradictory'),
    intent,
  }));
  return { seed: o.seed, width, height, walls, start: { x: start % width, y: Math.floor(start / width) }, bugs };
}

interface Layout {
  walls: boolean[];
  start: number;
  cells: { cell: number; intent: BugIntent }[];
  /** Cells reachable from the start, free for bugs, in random order. */
  open: number[];
}

function drawLayout(rnd: MazeRandom, o: { width: number; height: number; wallDensity: number }, walledCount: number, wanted: number): Layout | undefined {
  const { width, height } = o;
  const size = width * height;
  const walls = Array.from({ length: size }, () => rnd.chance(o.wallDensity));
  const start = rnd.int(0, size - 1);
  walls[start] = false;
  // A start boxed in by walls would make every bug unreachable: open one way out.
  const exits = neighbours(width, height, start);
  if (exits.every((n) => walls[n])) walls[rnd.pick(exits)] = false;

  const used = new Set<number>([start]);
  const cells: Layout['cells'] = [];
  // Walled pockets: an open cell whose every neighbour is a wall, away from the start.
  const far = (c: number) => Math.abs((c % width) - (start % width)) + Math.abs(Math.floor(c / width) - Math.floor(start / width)) >= 3;
  for (const c of rnd.shuffled([...Array(size).keys()])) {
    if (cells.length === walledCount) break;
    if (used.has(c) || !far(c) || neighbours(width, height, c).some((n) => used.has(n))) continue;
    walls[c] = false;
    for (const n of neighbours(width, height, c)) walls[n] = true;
    used.add(c);
    cells.push({ cell: c, intent: 'walled' });
  }
  const reachable = openComponent({ width, height, walls }, start);
  const open = rnd.shuffled([...reachable].filter((c) => !used.has(c)).sort((a, b) => a - b));
  if (cells.length < walledCount || open.length < wanted) return undefined;
  return { walls, start, cells, open };
}

function guardsFor(rnd: MazeRandom, min: number, max: number, contradictory: boolean): Guard[] {
  const guards = Array.from({ length: rnd.int(min, max) }, () => randomGuard(rnd));
  if (!contradictory) return guards;
  // An inner guard contradicts an outer one: the outer branches are still reachable.
  if (guards.length === 1) return [...guards, contradict(guards[0]!)];
  const inner = rnd.int(1, guards.length - 1);
  guards[inner] = contradict(guards[rnd.int(0, inner - 1)]!);
  return guards;
}

function checkOptions(o: typeof mazeDefaults & MazeOptions, walled: number, contradictory: number): void {
  const problems: string[] = [];
  const int = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min) problems.push(`${name} must be an integer >= ${min}, got ${v}`);
  };
  int('seed', o.seed, 0);
  int('width', o.width, 2);
  int('height', o.height, 2);
  int('bugs', o.bugs, 1);
  int('minGuards', o.minGuards, 1);
  int('maxGuards', o.maxGuards, o.minGuards);
  int('walled', walled, 0);
  int('contradictory', contradictory, 0);
  if (o.width * o.height > MAX_CELLS) problems.push(`width × height must be at most ${MAX_CELLS}, got ${o.width * o.height}`);
  if (o.bugs > MAX_CELLS) problems.push(`bugs must be at most ${MAX_CELLS}`);
  if (walled + contradictory > o.bugs) problems.push(`walled + contradictory (${walled + contradictory}) must be at most bugs (${o.bugs})`);
  if (!(o.wallDensity >= 0 && o.wallDensity < 1)) problems.push(`wallDensity must be in [0, 1), got ${o.wallDensity}`);
  if (problems.length > 0) throw new VigilError('USAGE', `invalid maze options: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, { meta: problems });
}
