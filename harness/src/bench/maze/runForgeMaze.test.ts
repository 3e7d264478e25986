import { describe, expect, it } from 'vitest';
import { findReachableBugs } from './findReachableBugs.js';
import { generateMaze } from './generateMaze.js';
import { readHits, runForgeMaze } from './runForgeMaze.js';

describe('readHits', () => {
  it('keeps the first time of each bug bit and skips the start line', () => {
    expect(readHits('start 1795515624473\n5 120\n4 90\n1 300\n16 7\n', 4)).toEqual({ 0: 120, 2: 90 });
    expect(readHits('start 1\n', 3)).toEqual({});
  });
});

// Really runs forge 1.7.1 (offline, solc-js shim) on a small maze for 2 seconds.
describe('runForgeMaze', () => {
  it('runs the record variant for the budget and reads the bugs it fired', async () => {
    const maze = generateMaze({ seed: 1, width: 4, height: 4, bugs: 4, minGuards: 1, maxGuards: 2 });
    const { reachable } = await findReachableBugs(maze);
    const r = await runForgeMaze(maze, { budgetMs: 2000, depth: 50, seed: 1 });
    expect(r.forgeVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.seconds).toBeGreaterThanOrEqual(1.9);
    expect(r.seconds).toBeLessThan(4);
    expect(r.calls).toBeGreaterThan(0);
    // Bug 2 (a in [45, 0x400002c]) falls to forge's dictionary within milliseconds.
    expect(r.found.length).toBeGreaterThanOrEqual(1);
    for (const id of r.found) expect(reachable, `bug ${id}`).toContain(id);
    for (const id of r.found) expect(r.firstHitMs[id]).toBeLessThanOrEqual(2500);
  }, 60_000);
});
