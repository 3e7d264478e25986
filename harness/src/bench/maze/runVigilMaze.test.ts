import { describe, expect, it } from 'vitest';
import { findReachableBugs } from './findReachableBugs.js';
import { generateMaze } from './generateMaze.js';
import { runVigilMaze } from './runVigilMaze.js';

// End to end through Vigil's engine: a small maze, a few seconds of search. Every bug Vigil
// reports must be one Z3 calls reachable: a soundness cross-check of the fuzzer, the
// assertion locator and the reachability analysis against each other.
describe('runVigilMaze', () => {
  it('finds a reachable bug in a small maze and never one Z3 calls unreachable', async () => {
    const maze = generateMaze({ seed: 1, width: 4, height: 4, bugs: 4, minGuards: 1, maxGuards: 2 });
    const { reachable, unreachable } = await findReachableBugs(maze);
    expect(unreachable.length).toBeGreaterThan(0);
    const result = await runVigilMaze(maze, { budgetMs: 3000, depth: 50, seed: 1 });
    expect(result.other).toEqual([]);
    expect(result.found.length).toBeGreaterThanOrEqual(1);
    for (const id of result.found) expect(reachable, `bug ${id}`).toContain(id);
    expect(result.firstBugMs).toBeLessThanOrEqual(3000);
    expect(result.calls).toBeGreaterThan(0);
    expect(result.seconds).toBeGreaterThan(2);
    expect(result.seconds).toBeLessThan(5);
  }, 60_000);
});
