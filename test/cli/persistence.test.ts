import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, makeTempDir, readJsonReport, repoRoot, runVigil, smallBudget, stackFramePattern } from './helpers/runVigil.js';

/**
 * A project of its own in a temp folder, because the corpus lives in `.vigil/corpus/`
 * under the working directory. The spec is the Piggy fixture with its import made absolute.
 */
async function createProject(dir: string): Promise<void> {
  await mkdir(join(dir, 'specs'));
  await mkdir(join(dir, 'contracts'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  const spec = await readFile(join(fixturesDir, 'specs', 'Piggy.spec.ts'), 'utf8');
  const entry = join(repoRoot, 'harness', 'src', 'index.js');
  expect(spec).toContain("'../../../../harness/src/index.js'");
  await writeFile(join(dir, 'specs', 'Piggy.spec.ts'), spec.replace("'../../../../harness/src/index.js'", JSON.stringify(entry)));
  await copyFile(join(fixturesDir, 'contracts', 'Piggy.sol'), join(dir, 'contracts', 'Piggy.sol'));
}

let project: string;
beforeAll(async () => {
  project = await makeTempDir('corpus');
  await createProject(project);
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('the counterexample corpus', () => {
  it('saves a failure, replays it first next time, and says [STALE] once the bug is fixed', async () => {
    const args = (out: string) => ['run', 'specs/Piggy.spec.ts', ...smallBudget, '--out', out];

    const first = await runVigil(args('out1'), { cwd: project });
    expect(first.code).toBe(1);
    const corpusFile = join(project, '.vigil', 'corpus', 'Piggy.failures.json');
    expect(existsSync(corpusFile)).toBe(true);
    const corpus = JSON.parse(await readFile(corpusFile, 'utf8')) as { failures: { id: string; calls: unknown[] }[] };
    expect(corpus.failures.map((f) => f.id)).toEqual(['Piggy:invariant:totalIsSumOfBalances']);
    const firstReport = await readJsonReport(join(project, 'out1'));
    expect(firstReport.specs[0]!.findings[0]!.replayedFromCorpus).toBeUndefined();

    const second = await runVigil(args('out2'), { cwd: project });
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('replayed from corpus');
    const secondReport = await readJsonReport(join(project, 'out2'));
    const findings = secondReport.specs[0]!.findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'Piggy:invariant:totalIsSumOfBalances', replayedFromCorpus: true });
    expect(findings[0]!.shrunk.calls.length).toBe(corpus.failures[0]!.calls.length);

    await copyFile(join(fixturesDir, 'contracts', 'PiggyFixed.sol'), join(project, 'contracts', 'Piggy.sol'));
    const third = await runVigil(args('out3'), { cwd: project });
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/\[STALE\] Piggy:invariant:totalIsSumOfBalances: persisted counterexample no longer fails/);
    expect(third.stdout).toMatch(/1 stale/);
    expect(third.stdout).toMatch(/\[PASS\] invariant totalIsSumOfBalances/);
    const thirdReport = await readJsonReport(join(project, 'out3'));
    expect(thirdReport.specs[0]!.findings).toEqual([]);
    expect(thirdReport.specs[0]!.staleFindings?.map((s) => s.id)).toEqual(['Piggy:invariant:totalIsSumOfBalances']);
    for (const r of [first, second, third]) expect(r.output).not.toMatch(stackFramePattern);
  });

  it('--no-corpus neither replays nor reports stale counterexamples', async () => {
    const dir = await makeTempDir('no-corpus');
    try {
      await createProject(dir);
      expect((await runVigil(['run', 'specs/Piggy.spec.ts', ...smallBudget, '--out', 'out1'], { cwd: dir })).code).toBe(1);
      const r = await runVigil(['run', 'specs/Piggy.spec.ts', ...smallBudget, '--out', 'out2', '--no-corpus'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).not.toContain('replayed from corpus');
      expect((await readJsonReport(join(dir, 'out2'))).specs[0]!.findings[0]!.replayedFromCorpus).toBeUndefined();
      // Nor does it overwrite the saved counterexample: a tiny budget afterwards still replays it and fails.
      const tiny = await runVigil(['run', 'specs/Piggy.spec.ts', '--runs', '1', '--depth', '1', '--out', 'out3'], { cwd: dir });
      expect(tiny.code).toBe(1);
      expect((await readJsonReport(join(dir, 'out3'))).specs[0]!.findings[0]!.replayedFromCorpus).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the coverage corpus, read back', () => {
  it('a second run mutates saved calls with small-integer arguments (uint8) without crashing', async () => {
    const dir = await makeTempDir('corpus-uint8');
    try {
      // Lock's step4(uint8): its saved calldata decodes to numbers, which the fuzzer must hold as bigints.
      const args = ['run', join(repoRoot, 'specs/Lock.spec.ts'), '--out', join(dir, 'out')];
      const first = await runVigil(args, { cwd: dir });
      expect(first.code).toBe(0);
      expect(existsSync(join(dir, '.vigil', 'corpus', 'Lock.coverage.json'))).toBe(true);
      const second = await runVigil(args, { cwd: dir });
      expect(second.output).not.toContain('error[INTERNAL]');
      expect(second.output).not.toMatch(stackFramePattern);
      expect(second.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
