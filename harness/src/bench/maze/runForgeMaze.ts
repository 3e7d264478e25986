import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VigilError } from '../../errors/VigilError.js';
import { findForge } from '../findForge.js';
import { parseForgeOutput } from '../parseForgeOutput.js';
import { writeSolcShim } from '../solcShim.js';
import type { Maze } from './Maze.js';
import type { MazeRunOptions, MazeToolResult } from './runVigilMaze.js';
import { writeForgeMaze } from './writeMazeProjects.js';

export interface ForgeMazeResult extends MazeToolResult {
  forgeVersion: string;
}

/**
 * Fuzzes the maze's record variant with forge's invariant fuzzer (bench/maze copied to a
 * temporary folder), offline through the solc-js shim, on one thread.
 *
 * How the budget is spent, and why (forge 1.7.1, checked with the binary):
 * - forge runs one campaign per `invariant_*` function and ends that campaign at its first
 *   broken invariant; an `assert` that fails inside a target call breaks every invariant,
 *   even with `fail_on_revert = false`. Asserting would count one bug per campaign.
 * - `[invariant] timeout` (FOUNDRY_INVARIANT_TIMEOUT, whole seconds) ends a campaign after
 *   that long and the test passes with its run and call counts.
 * So the maze has one invariant that never fails and logs each bug a call fires with the
 * time since set-up (bench/maze/test/MazeInvariant.t.sol): one campaign for the whole
 * budget, ended by the timeout, and runs set far beyond what the budget allows. Compile
 * time is excluded (`forge build` first), as it is on Vigil's side.
 */
export async function runForgeMaze(maze: Maze, options: MazeRunOptions & { timeoutMs?: number }): Promise<ForgeMazeResult> {
  const forge = findForge();
  const dir = await mkdtemp(path.join(tmpdir(), 'vigil-forge-maze-'));
  const limit = options.timeoutMs ?? options.budgetMs + 300_000;
  try {
    const shim = await writeSolcShim(path.join(dir, 'bin'));
    const project = path.join(dir, 'project');
    await writeForgeMaze(maze, project);
    const run = (args: string[], env?: NodeJS.ProcessEnv, allowFailure = false) => runForge(forge, project, args, { timeout: limit, env, allowFailure });
    const version = await run(['--version']);
    const forgeVersion = /Version:\s*(\S+)/.exec(version.stdout)?.[1] ?? version.stdout.trim();
    const common = ['--use', shim, '--offline', '--root', project];
    await run(['build', ...common]);
    const env = {
      ...process.env,
      // forge's timeout is in whole seconds.
      FOUNDRY_INVARIANT_TIMEOUT: String(Math.max(1, Math.round(options.budgetMs / 1000))),
      FOUNDRY_INVARIANT_DEPTH: String(options.depth),
      NO_COLOR: '1',
    };
    const args = ['test', ...common, '-vv', '--threads', '1', '--fuzz-seed', String(options.seed), '--match-test', 'invariant_recordBugs'];
    const res = await run(args, env, true);
    const { tests, suites } = parseForgeOutput(res.stdout);
    const test = tests.find((t) => t.name === 'invariant_recordBugs');
    if (res.code !== 0 || test === undefined || !test.passed || suites.length === 0) {
      throw new VigilError('INTERNAL', `forge maze run did not pass (exit ${res.code})`, {
        meta: `${res.stdout}\n${res.stderr}`.trim().split('\n').slice(-15),
        hint: 'Run `forge test` in bench/maze by hand to see the full output.',
      });
    }
    const hits = readHits(await readFile(path.join(project, 'logs', 'hits.txt'), 'utf8'), maze.bugs.length);
    const seconds = suites.reduce((n, s) => n + s.seconds, 0);
    const found = Object.keys(hits).map(Number).sort((p, q) => p - q);
    return {
      found,
      firstHitMs: hits,
      ...(found.length > 0 ? { firstBugMs: Math.min(...Object.values(hits)) } : {}),
      calls: test.calls,
      seconds,
      callsPerSec: seconds > 0 ? test.calls / seconds : 0,
      other: [],
      forgeVersion,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Reads logs/hits.txt: a `start <ms>` line, then `<bit mask> <ms since set-up>` for each
 * call that fired bugs. Returns the first time of each bug id.
 */
export function readHits(text: string, bugs: number): Record<number, number> {
  const first: Record<number, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(\d+) (\d+)$/.exec(line.trim());
    if (!m) continue;
    const mask = BigInt(m[1]!);
    const ms = Number(m[2]);
    for (let id = 0; id < bugs; id++) {
      if ((mask >> BigInt(id)) & 1n && !(ms >= (first[id] ?? Infinity))) first[id] = ms;
    }
  }
  return first;
}

function runForge(
  cmd: string,
  cwd: string,
  args: string[],
  o: { timeout: number; env?: NodeJS.ProcessEnv; allowFailure: boolean },
): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, timeout: o.timeout, env: o.env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
      if (e && typeof e.code === 'string') {
        reject(new VigilError('FORGE_UNAVAILABLE', `could not start forge (${cmd}): ${e.message}`, { cause: e }));
      } else if (e && (e.killed || !o.allowFailure)) {
        const why = e.killed ? `timed out after ${o.timeout} ms` : `exited with ${e.code}`;
        reject(new VigilError('INTERNAL', `forge ${args[0]} ${why}`, { meta: `${stdout}\n${stderr}`.trim().split('\n').slice(-15), cause: e }));
      } else {
        resolve({ stdout, stderr, code: typeof e?.code === 'number' ? e.code : 0 });
      }
    });
  });
}
