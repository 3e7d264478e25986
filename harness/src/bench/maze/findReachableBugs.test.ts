import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeFunctionData, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestChain } from '../../chain/TestChain.js';
import { hardforkFor } from '../../chain/hardforkFor.js';
import { compileSources } from '../../compile/compileSources.js';
import { SourceMapper } from '../../compile/SourceMapper.js';
import { findReachableBugs, type MazeMove } from './findReachableBugs.js';
import { generateMaze } from './generateMaze.js';
import { evalGuard } from './guards.js';
import type { Maze } from './Maze.js';
import { openGuardSolver, type GuardSolver } from './solveGuards.js';
import { toSolidity, type MazeVariant } from './toSolidity.js';

const SENDER = '0x0000000000000000000000000000000000010000' as Hex;

/**
 * 4 × 3, start top left. Bug 0 (3, 0) is open with satisfiable guards; bug 1 (1, 2) has
 * contradictory guards; bug 2 (3, 2) is sealed off by walls at (2, 2) and (3, 1).
 *   S . . 0
 *   . # . #
 *   . 1 # 2
 */
const handMade: Maze = {
  seed: 0,
  width: 4,
  height: 3,
  walls: [false, false, false, false, false, true, false, true, false, false, true, false],
  start: { x: 0, y: 0 },
  bugs: [
    { id: 0, x: 3, y: 0, intent: 'open', guards: [{ kind: 'eq', v: 'a', k: 0x1234n }, { kind: 'xor', v: 'b', u: 'a', k: 0xffn }, { kind: 'mod', v: 'c', m: 7n, r: 3n }] },
    { id: 1, x: 1, y: 2, intent: 'contradictory', guards: [{ kind: 'gt', v: 'a', k: 10n }, { kind: 'order', u: 'b', v: 'c' }, { kind: 'lt', v: 'a', k: 10n }] },
    { id: 2, x: 3, y: 2, intent: 'walled', guards: [{ kind: 'lt', v: 'c', k: 5n }] },
  ],
};

let solver: GuardSolver;
let dir: string;
beforeAll(async () => {
  solver = await openGuardSolver();
  dir = await mkdtemp(path.join(tmpdir(), 'vigil-maze-'));
});
afterAll(async () => {
  await solver.close();
  await rm(dir, { recursive: true, force: true });
});

/** Compiles a maze variant as Vigil does and deploys it on a fresh TestChain. */
async function deploy(maze: Maze, variant: MazeVariant) {
  const { source, bugLines } = toSolidity(maze, variant);
  const file = `Maze-${maze.seed}-${variant}-${maze.width}.sol`;
  await writeFile(path.join(dir, file), source);
  const compiled = await compileSources({ root: dir, files: [file] });
  const artifact = compiled.artifacts.find((a) => a.name === 'Maze')!;
  const chain = await TestChain.create({ hardfork: hardforkFor(compiled.evmVersion), assertions: true });
  const deployed = await chain.deploy({ from: SENDER, data: artifact.bytecode });
  expect(deployed.status).toBe('success');
  const at = deployed.createdAddress!;
  const code = await chain.getCode(at);
  const mapper = new SourceMapper(compiled);
  const call = (m: MazeMove) =>
    chain.call({ from: SENDER, to: at, data: encodeFunctionData({ abi: artifact.abi, functionName: `move${m.dir}`, args: [m.args.a, m.args.b, m.args.c] } as never) });
  /** The line Vigil's assertion mode would report for a Panic(0x01) of this call. */
  const assertLine = (hit: { code: Uint8Array; pc: number; jumps: number[] }) => {
    expect(hit.code).toEqual(code);
    const located = [...hit.jumps, hit.pc].map((pc) => mapper.locate(artifact, pc));
    return located.find((l) => l?.text.startsWith('assert'))?.line;
  };
  return { chain, at, artifact, call, assertLine, bugLines, base: chain.snapshot() };
}

describe('findReachableBugs', () => {
  it('tells walled and contradictory bugs from a reachable one, with reasons', async () => {
    const r = await findReachableBugs(handMade, solver);
    expect(r.reachable).toEqual([0]);
    expect(r.unknown).toEqual([]);
    expect(r.unreachable).toEqual([
      { id: 1, reason: expect.stringMatching(/^guards: unsatisfiable/) },
      { id: 2, reason: expect.stringMatching(/^walls: no path/) },
    ]);
    const last = r.witnesses.get(0)!.at(-1)!;
    expect(last.args.a).toBe(0x1234n);
    expect(last.args.b).toBe(0x1234n ^ 0xffn);
    expect(last.args.c % 7n).toBe(3n);
  });

  it('every witness fires its bug on a real EVM, at the bug\'s own assert line, and only on its last call', async () => {
    const maze = generateMaze({ seed: 11 });
    const r = await findReachableBugs(maze, solver);
    expect(r.reachable.length).toBeGreaterThan(0);
    expect(r.reachable.length + r.unreachable.length + r.unknown.length).toBe(maze.bugs.length);
    // The generator's deliberate dead ends are among Z3's unreachable ones.
    const unreachable = new Set(r.unreachable.map((u) => u.id));
    for (const b of maze.bugs) if (b.intent !== 'open') expect(unreachable.has(b.id), `bug ${b.id} (${b.intent})`).toBe(true);

    const assertSide = await deploy(maze, 'assert');
    const recordSide = await deploy(maze, 'record');
    for (const id of r.reachable) {
      const moves = r.witnesses.get(id)!;
      expect(maze.bugs[id]!.guards.every((g) => evalGuard(g, moves.at(-1)!.args))).toBe(true);
      assertSide.chain.revertTo(assertSide.base);
      for (const [i, m] of moves.entries()) {
        const res = await assertSide.call(m);
        if (i < moves.length - 1) {
          expect(res.status, `bug ${id}, move ${i}`).toBe('success');
        } else {
          expect(res.status).toBe('revert');
          expect(res.returnData).toBe(`0x4e487b71${'1'.padStart(64, '0')}`);
          expect(res.assertions).toHaveLength(1);
          expect(assertSide.assertLine(res.assertions[0]!)).toBe(assertSide.bugLines.get(id));
        }
      }
      recordSide.chain.revertTo(recordSide.base);
      for (const m of moves) expect((await recordSide.call(m)).status).toBe('success');
      const hit = await recordSide.chain.staticCall({ from: SENDER, to: recordSide.at, data: encodeFunctionData({ abi: recordSide.artifact.abi, functionName: 'bugsHit' } as never) });
      expect(BigInt(hit.returnData)).toBe(1n << BigInt(id));
    }
  });

  it('a witness through the hand-made maze reaches the corner and fires bug 0 only there', async () => {
    const r = await findReachableBugs(handMade, solver);
    const side = await deploy(handMade, 'assert');
    const moves = r.witnesses.get(0)!;
    expect(moves.map((m) => m.dir)).toEqual(['East', 'East', 'East']);
    // The same arguments one cell short fire nothing.
    expect((await side.call({ ...moves[0]!, args: moves[2]!.args })).status).toBe('success');
    expect((await side.call(moves[1]!)).status).toBe('success');
    const fired = await side.call(moves[2]!);
    expect(side.assertLine(fired.assertions[0]!)).toBe(side.bugLines.get(0));
    // A wall reverts without an assertion.
    side.chain.revertTo(side.base);
    const wall = await side.call({ dir: 'North', args: { a: 0n, b: 0n, c: 0n } });
    expect(wall.status).toBe('revert');
    expect(wall.assertions).toEqual([]);
  });
});
