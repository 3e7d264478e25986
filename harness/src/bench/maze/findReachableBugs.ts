import type { MoveArgs } from './guards.js';
import type { Direction, Maze } from './Maze.js';
import { openComponent, shortestPath } from './mazeGraph.js';
import { openGuardSolver, type GuardSolver } from './solveGuards.js';

export interface MazeMove {
  dir: Direction;
  args: MoveArgs;
}

export interface MazeReachability {
  /** Bug ids some call sequence fires, ascending. */
  reachable: number[];
  unreachable: { id: number; reason: string }[];
  /** Bugs Z3 could not decide (in time); counted neither way. */
  unknown: { id: number; reason: string }[];
  /** For each reachable bug, moves from the start whose last one fires it. */
  witnesses: Map<number, MazeMove[]>;
}

const ZERO: MoveArgs = { a: 0n, b: 0n, c: 0n };

/**
 * Which bugs can fire: a bug is reachable iff its cell is reachable from the start
 * through open cells (breadth first) and its guards are satisfiable over uint64
 * arguments (Z3). Each reachable bug comes with a witness sequence built from Z3's
 * models, so the claim can be checked on a real EVM. Pass `solver` to reuse one Z3
 * instance; otherwise one is opened and closed here.
 */
export async function findReachableBugs(maze: Maze, solver?: GuardSolver): Promise<MazeReachability> {
  const z3 = solver ?? (await openGuardSolver());
  try {
    const { width } = maze;
    const start = maze.start.y * width + maze.start.x;
    const component = openComponent(maze, start);
    const bugCells = new Map(maze.bugs.map((b) => [b.y * width + b.x, b]));
    const out: MazeReachability = { reachable: [], unreachable: [], unknown: [], witnesses: new Map() };
    for (const bug of [...maze.bugs].sort((p, q) => p.id - q.id)) {
      const cell = bug.y * width + bug.x;
      if (!component.has(cell)) {
        out.unreachable.push({ id: bug.id, reason: `walls: no path from the start (${maze.start.x}, ${maze.start.y}) to (${bug.x}, ${bug.y})` });
        continue;
      }
      const verdict = await z3.solve(bug.guards);
      if (verdict.status === 'unsat') {
        out.unreachable.push({ id: bug.id, reason: `guards: unsatisfiable over uint64 (Z3), ${bug.guards.length} nested conditions` });
        continue;
      }
      if (verdict.status === 'unknown') {
        out.unknown.push({ id: bug.id, reason: `guards: Z3 answered unknown (${verdict.reason})` });
        continue;
      }
      out.reachable.push(bug.id);
      out.witnesses.set(bug.id, await witness(maze, start, cell, bugCells, verdict.args, z3));
    }
    return out;
  } finally {
    if (solver === undefined) await z3.close();
  }
}

/** Moves to the bug cell, around other bug cells when possible, through them with arguments that fail their guards otherwise. */
async function witness(maze: Maze, start: number, cell: number, bugCells: Map<number, Maze['bugs'][number]>, fire: MoveArgs, z3: GuardSolver): Promise<MazeMove[]> {
  const others = new Set([...bugCells.keys()].filter((c) => c !== cell));
  const path = shortestPath(maze, start, cell, others) ?? shortestPath(maze, start, cell)!;
  const moves: MazeMove[] = [];
  let at = start;
  for (const dir of path) {
    at += dir === 'North' ? -maze.width : dir === 'South' ? maze.width : dir === 'West' ? -1 : 1;
    const passing = at !== cell ? bugCells.get(at) : undefined;
    let args = at === cell ? fire : ZERO;
    if (passing !== undefined) {
      const escape = await z3.solve(passing.guards, { negate: true });
      if (escape.status !== 'sat') throw new Error(`internal: no arguments avoid bug ${passing.id} on the way to a witness`);
      args = escape.args;
    }
    moves.push({ dir, args });
  }
  return moves;
}
