import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, fixtureSpec, makeTempDir, runVigil, stackFramePattern } from './helpers/runVigil.js';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('config');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.concurrent('config file and flags', () => {
  it('lists every problem of vigil.config.json with its dotted path (exit 2)', async () => {
    const dir = join(tmp, 'project');
    await mkdir(dir);
    await writeFile(
      join(dir, 'vigil.config.json'),
      JSON.stringify({ colour: true, out: 5, fuzz: { runs: -3, depth: 'deep', seeed: 4 } }),
    );
    const r = await runVigil(['run', join(fixturesDir, 'specs', 'Piggy.spec.ts')], { cwd: dir });

    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[CONFIG_INVALID]: 5 problems in vigil.config.json');
    expect(r.stderr).toMatch(/^ {2}vigil\.config\.json: colour: unknown key \(known: specs, out, fuzz\)$/m);
    expect(r.stderr).toMatch(/^ {2}vigil\.config\.json: out: must be a non-empty string, got 5$/m);
    expect(r.stderr).toMatch(/^ {2}vigil\.config\.json: fuzz\.runs: must be a whole number from 1 to \d+, got -3$/m);
    expect(r.stderr).toMatch(/^ {2}vigil\.config\.json: fuzz\.depth: must be a whole number from 1 to \d+, got "deep"$/m);
    expect(r.stderr).toMatch(/^ {2}vigil\.config\.json: fuzz\.seeed: unknown key \(known: fuzz\.seed, /m);
    expect(r.stderr).toMatch(/^Hint: /m);
    expect(r.output).not.toMatch(stackFramePattern);
    // Nothing ran, so nothing was written.
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });

  it('reads the file named by --config', async () => {
    const file = join(tmp, 'strict.vigil.json');
    await writeFile(file, JSON.stringify({ fuzz: { shrinkLimit: 1.5, assertions: 'no' } }));
    const r = await runVigil(['run', fixtureSpec('Piggy'), '--config', file]);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[CONFIG_INVALID]: 2 problems in');
    expect(r.stderr).toMatch(/fuzz\.shrinkLimit: must be a whole number from 0 to \d+, got 1\.5/);
    expect(r.stderr).toMatch(/fuzz\.assertions: must be true or false, got "no"/);
    expect(r.output).not.toMatch(stackFramePattern);
  });

  it('says when the config is not JSON, or --config names no file (exit 2)', async () => {
    const file = join(tmp, 'broken.vigil.json');
    await writeFile(file, '{ "fuzz": { "runs": 5, } ');
    const broken = await runVigil(['run', fixtureSpec('Piggy'), '--config', file]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/error\[CONFIG_INVALID\]: .*broken\.vigil\.json is not valid JSON/);
    expect(broken.output).not.toMatch(stackFramePattern);

    const missing = await runVigil(['run', fixtureSpec('Piggy'), '--config', 'no-such.vigil.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error[CONFIG_INVALID]: config file not found: no-such.vigil.json');
    expect(missing.output).not.toMatch(stackFramePattern);
  });

  it('lists every bad flag at once (exit 2), negative values written after a space too', async () => {
    const r = await runVigil(['run', fixtureSpec('Piggy'), '--runs', '-5', '--depth', 'abc']);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[USAGE]: 2 bad flags');
    expect(r.stderr).toMatch(/^ {2}--runs: must be a whole number from 1 to \d+, got -5$/m);
    expect(r.stderr).toMatch(/^ {2}--depth: must be a whole number from 1 to \d+, got "abc"$/m);
    expect(r.stderr).toMatch(/^Hint: /m);
    expect(r.output).not.toMatch(stackFramePattern);
  });

  it('rejects zero and fractional counts as flags', async () => {
    const r = await runVigil(['run', fixtureSpec('Piggy'), '--runs', '0', '--depth', '1.5', '--seed', 'x']);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[USAGE]: 3 bad flags');
    expect(r.stderr).toMatch(/--runs: .*got 0$/m);
    expect(r.stderr).toMatch(/--depth: .*got 1\.5$/m);
    expect(r.stderr).toMatch(/--seed: .*got "x"$/m);
  });

  it('names a spec path that does not exist (exit 2)', async () => {
    const r = await runVigil(['run', 'test/cli/fixtures/specs/Nope.spec.ts']);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[SPEC_NOT_FOUND]: no such spec file or folder: test/cli/fixtures/specs/Nope.spec.ts');
    expect(r.output).not.toMatch(stackFramePattern);
  });
});
