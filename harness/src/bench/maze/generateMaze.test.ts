import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMaze } from './generateMaze.js';
import { contradict, evalGuard, randomGuard, U64_MAX } from './guards.js';
import { ARGS, type Maze } from './Maze.js';
import { MazeRandom } from './MazeRandom.js';
import { neighbours, openComponent } from './mazeGraph.js';
import { toSolidity } from './toSolidity.js';
import { forgeMazeTemplate } from './writeMazeProjects.js';

const cell = (m: Maze, p: { x: number; y: number }) => p.y * m.width + p.x;

describe('generateMaze', () => {
  it('gives the same maze and the same Solidity, byte for byte, for the same seed', () => {
    const a = generateMaze({ seed: 42 });
    const b = generateMaze({ seed: 42 });
    expect(b).toEqual(a);
    expect(toSolidity(b, 'assert').source).toBe(toSolidity(a, 'assert').source);
    expect(toSolidity(b, 'record').source).toBe(toSolidity(a, 'record').source);
    expect(generateMaze({ seed: 43 })).not.toEqual(a);
  });

  it('matches bench/maze/src/Maze.sol (seed 0), so a generator change is never silent', () => {
    const committed = readFileSync(path.join(forgeMazeTemplate, 'src', 'Maze.sol'), 'utf8');
    // If this fails after an intended generator change, regenerate the file with
    // toSolidity(generateMaze({ seed: 0 }), 'record').source.
    expect(toSolidity(generateMaze({ seed: 0 }), 'record').source).toBe(committed);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('has the requested shape (seed %i)', (seed) => {
    const m = generateMaze({ seed, width: 7, height: 6, bugs: 9, minGuards: 1, maxGuards: 3 });
    expect(m.walls).toHaveLength(42);
    expect(m.walls[cell(m, m.start)]).toBe(false);
    expect(m.bugs.map((b) => b.id)).toEqual([...Array(9).keys()]);
    const cells = m.bugs.map((b) => cell(m, b));
    expect(new Set(cells).size).toBe(9);
    expect(cells).not.toContain(cell(m, m.start));
    const reachable = openComponent(m, cell(m, m.start));
    for (const b of m.bugs) {
      expect(m.walls[cell(m, b)]).toBe(false);
      if (b.intent === 'walled') {
        expect(neighbours(m.width, m.height, cell(m, b)).every((n) => m.walls[n])).toBe(true);
        expect(reachable.has(cell(m, b))).toBe(false);
      } else {
        expect(reachable.has(cell(m, b))).toBe(true);
      }
      const extra = b.intent === 'contradictory' ? 1 : 0;
      expect(b.guards.length).toBeGreaterThanOrEqual(1);
      expect(b.guards.length).toBeLessThanOrEqual(3 + extra);
    }
    // Default: bugs / 5 walled and contradictory (at least one each).
    expect(m.bugs.filter((b) => b.intent === 'walled')).toHaveLength(1);
    expect(m.bugs.filter((b) => b.intent === 'contradictory')).toHaveLength(1);
  });

  it('lists every problem with the options at once', () => {
    expect(() => generateMaze({ seed: -1, width: 20, height: 20, wallDensity: 1 })).toThrow(/3 problems/);
    expect(() => generateMaze({ seed: 1, width: 3, height: 3, bugs: 9 })).toThrow(/no room for 9 bugs/);
  });
});

describe('guards', () => {
  it('a guard and its contradiction never hold together', () => {
    const rnd = new MazeRandom(9);
    const edge = [0n, 1n, 2n, 255n, 256n, U64_MAX - 1n, U64_MAX];
    for (let i = 0; i < 2000; i++) {
      const g = randomGuard(rnd);
      const c = contradict(g);
      for (let j = 0; j < 20; j++) {
        const args = Object.fromEntries(ARGS.map((a) => [a, rnd.chance(0.3) ? rnd.pick(edge) : rnd.bigint(0n, U64_MAX)])) as Record<'a' | 'b' | 'c', bigint>;
        expect(evalGuard(g, args) && evalGuard(c, args)).toBe(false);
      }
    }
  });

  it('writes one nested if per guard and one bug line per bug', () => {
    const m = generateMaze({ seed: 5 });
    const { source, bugLines } = toSolidity(m, 'assert');
    const lines = source.split('\n');
    expect([...bugLines.keys()].sort((p, q) => p - q)).toEqual(m.bugs.map((b) => b.id));
    for (const [, line] of bugLines) expect(lines[line - 1]!.trim()).toBe('assert(false);');
    const guards = m.bugs.reduce((n, b) => n + b.guards.length, 0);
    expect(lines.filter((l) => /^\s+if \(/.test(l) && !l.includes('cell ==')).length).toBe(guards);
    const record = toSolidity(m, 'record');
    for (const [id, line] of record.bugLines) expect(record.source.split('\n')[line - 1]!.trim()).toBe(`bugsHit |= 1 << ${id}; newHits |= 1 << ${id};`);
  });
});
