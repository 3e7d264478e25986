import { DIRECTIONS, type Direction } from './Maze.js';

export interface Grid {
  width: number;
  height: number;
  walls: readonly boolean[];
}

/** In-bounds neighbour cells (row-major indices), walls included. */
export function neighbours(width: number, height: number, cell: number): number[] {
  return steps(width, height, cell).map((s) => s.to);
}

/** Every open cell reachable from `from` by moves that do not revert (breadth first). */
export function openComponent(grid: Grid, from: number): Set<number> {
  return new Set(breadthFirst(grid, from).keys());
}

/**
 * The shortest list of moves from `from` to `to` through open cells, or undefined when
 * walls separate them. Cells in `avoid` are not passed through (they may be the end).
 */
export function shortestPath(grid: Grid, from: number, to: number, avoid: ReadonlySet<number> = new Set()): Direction[] | undefined {
  const parents = breadthFirst(grid, from, (c) => c === to || !avoid.has(c));
  if (!parents.has(to)) return undefined;
  const path: Direction[] = [];
  for (let c = to; c !== from; ) {
    const p = parents.get(c)!;
    path.push(p.dir!);
    c = p.from!;
  }
  return path.reverse();
}

function breadthFirst(grid: Grid, from: number, enter: (cell: number) => boolean = () => true) {
  const parents = new Map<number, { from?: number; dir?: Direction }>([[from, {}]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const cell = queue[i]!;
    // Only the end of a path may be a cell to avoid: do not expand through it.
    if (cell !== from && !enter(cell)) continue;
    for (const s of steps(grid.width, grid.height, cell)) {
      if (grid.walls[s.to] || parents.has(s.to)) continue;
      parents.set(s.to, { from: cell, dir: s.dir });
      queue.push(s.to);
    }
  }
  return parents;
}

function steps(width: number, height: number, cell: number): { to: number; dir: Direction }[] {
  const x = cell % width;
  const y = Math.floor(cell / width);
  const out: { to: number; dir: Direction }[] = [];
  for (const d of DIRECTIONS) {
    const nx = x + d.dx;
    const ny = y + d.dy;
    if (nx >= 0 && ny >= 0 && nx < width && ny < height) out.push({ to: ny * width + nx, dir: d.dir });
  }
  return out;
}
