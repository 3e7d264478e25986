import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, makeTempDir, repoRoot, runVigil, smallBudget, stackFramePattern } from '../cli/helpers/runVigil.js';

/**
 * A report whose counterexample was found on code that has changed since: `vigil replay` says so
 * loudly instead of passing over it. (The saved corpus says `[STALE]` in the same situation:
 * test/cli/persistence.test.ts.) The project is the Piggy fixture in a folder of its own.
 */
let project: string;
const piggy = () => join(project, 'contracts', 'Piggy.sol');

beforeAll(async () => {
  project = await makeTempDir('replay-changed');
  await mkdir(join(project, 'specs'));
  await mkdir(join(project, 'contracts'));
  await writeFile(join(project, 'package.json'), '{ "type": "module" }\n');
  const spec = await readFile(join(fixturesDir, 'specs', 'Piggy.spec.ts'), 'utf8');
  await writeFile(join(project, 'specs', 'Piggy.spec.ts'), spec.replace("'../../../../harness/src/index.js'", JSON.stringify(join(repoRoot, 'harness', 'src', 'index.js'))));
  await copyFile(join(fixturesDir, 'contracts', 'Piggy.sol'), piggy());
  const found = await runVigil(['run', 'specs/Piggy.spec.ts', ...smallBudget, '--out', 'out', '--no-corpus'], { cwd: project });
  expect(found.code).toBe(1);
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('vigil replay after the code changed', () => {
  it('a counterexample that no longer fails is [NO LONGER FAILS] (exit 0: nothing reproduced)', async () => {
    await copyFile(join(fixturesDir, 'contracts', 'PiggyFixed.sol'), piggy());
    const r = await runVigil(['replay', 'out/vigil-report.json'], { cwd: project });
    expect(r.output).not.toMatch(stackFramePattern);
    expect(r.stdout).toContain('[NO LONGER FAILS] Piggy:invariant:totalIsSumOfBalances: the counterexample ran to the end without breaking it (fixed, or the code changed)');
    expect(r.stdout).toMatch(/^Hint: if the code was fixed, keep the counterexample as a regression test/m);
    expect(r.code).toBe(0);
  });

  it('a counterexample calling a function that is gone is [CANNOT REPLAY], naming it', async () => {
    const fixed = await readFile(join(fixturesDir, 'contracts', 'Piggy.sol'), 'utf8');
    await writeFile(piggy(), fixed.replace('function withdrawAll()', 'function withdrawEverything()'));
    const r = await runVigil(['replay', 'out/vigil-report.json'], { cwd: project });
    expect(r.output).not.toMatch(stackFramePattern);
    expect(r.stdout).toContain('[CANNOT REPLAY] piggy.withdrawAll() is no longer a target function');
    expect(r.stdout).toMatch(/^Hint: the contracts changed since out\/vigil-report\.json was written; run `vigil run` again/m);
    expect(r.code).toBe(0);
  });
});
