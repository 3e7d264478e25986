import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileSources } from '../compile/compileSources.js';
import { VigilError } from '../errors/VigilError.js';
import { findSolidityFiles } from './findSolidityFiles.js';
import { loadFoundryProject } from './loadFoundryProject.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const basic = join(fixtures, 'basic');
const noEnv = { env: {} };

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-foundry-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  vi.unstubAllEnvs();
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function configError(run: Promise<unknown>): Promise<VigilError> {
  const e = await run.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(VigilError);
  return e as VigilError;
}

describe('loadFoundryProject: profiles', () => {
  it('reads the default profile, its invariant section and the standalone sections', async () => {
    const project = await loadFoundryProject(basic, noEnv);
    expect(project).toEqual({
      root: basic,
      configFile: join(basic, 'foundry.toml'),
      profile: 'default',
      src: 'contracts',
      test: 'test',
      script: 'script',
      libs: ['lib'],
      remappings: [
        '@oz/=lib/openzeppelin-contracts/contracts/',
        'solmate=lib/solmate/src/',
        'ds-test/=lib/forge-std/lib/ds-test/src/',
        'lib/dep/:utils/=lib/dep/lib/utils/',
        'forge-std/=lib/forge-std/src/',
      ],
      solcVersion: '0.8.26',
      evmVersion: 'cancun',
      optimizer: { enabled: true, runs: 1000 },
      viaIR: false,
      // depth: [profile.default.invariant] beats the top-level [invariant].
      invariant: { runs: 64, depth: 32, failOnRevert: true, callOverride: false, shrinkRunLimit: 1234 },
      fuzz: { seed: '0x2a', runs: 500 },
    });
  });

  it('merges the selected profile key by key over the default one', async () => {
    const project = await loadFoundryProject(basic, { profile: 'ci', env: {} });
    expect(project.profile).toBe('ci');
    expect(project.optimizer).toEqual({ enabled: true, runs: 10000 });
    expect(project.viaIR).toBe(true);
    expect(project.src).toBe('contracts');
    expect(project.solcVersion).toBe('0.8.26');
    // runs and timeout from [profile.ci.invariant]; depth from the top-level [invariant]; the rest from the default profile.
    expect(project.invariant).toEqual({ runs: 1000, depth: 999, failOnRevert: true, callOverride: false, shrinkRunLimit: 1234, timeoutSeconds: 600 });
  });

  it('selects the profile from FOUNDRY_PROFILE, the option beating it', async () => {
    vi.stubEnv('FOUNDRY_PROFILE', 'ci');
    expect((await loadFoundryProject(basic)).profile).toBe('ci');
    expect((await loadFoundryProject(basic, { profile: 'default' })).profile).toBe('default');
    expect((await loadFoundryProject(basic, { env: { FOUNDRY_PROFILE: 'ci' } })).viaIR).toBe(true);
  });

  it('rejects a profile the file does not define, listing those it does', async () => {
    const e = await configError(loadFoundryProject(basic, { profile: 'prod', env: {} }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('"prod"');
    expect(e.meta).toEqual(['profiles: default, ci']);
  });
});

describe('loadFoundryProject: environment overrides', () => {
  it('applies FOUNDRY_INVARIANT_* and FOUNDRY_FUZZ_SEED over the file', async () => {
    const project = await loadFoundryProject(basic, {
      env: {
        FOUNDRY_INVARIANT_RUNS: '7',
        FOUNDRY_INVARIANT_DEPTH: '3',
        FOUNDRY_INVARIANT_FAIL_ON_REVERT: 'false',
        FOUNDRY_FUZZ_SEED: '0x99',
        FOUNDRY_FUZZ_RUNS: '',
      },
    });
    expect(project.invariant).toMatchObject({ runs: 7, depth: 3, failOnRevert: false, shrinkRunLimit: 1234 });
    expect(project.fuzz).toEqual({ seed: '0x99', runs: 500 });
  });

  it('reads them from process.env by default', async () => {
    vi.stubEnv('FOUNDRY_INVARIANT_RUNS', '11');
    vi.stubEnv('FOUNDRY_FUZZ_SEED', '12345');
    const project = await loadFoundryProject(basic);
    expect(project.invariant.runs).toBe(11);
    expect(project.fuzz.seed).toBe('12345');
  });

  it('names a variable of the wrong type and its value', async () => {
    const e = await configError(loadFoundryProject(basic, { env: { FOUNDRY_INVARIANT_RUNS: 'lots', FOUNDRY_INVARIANT_FAIL_ON_REVERT: 'yes' } }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.meta).toEqual([
      'FOUNDRY_INVARIANT_RUNS must be a non-negative integer, got "lots"',
      'FOUNDRY_INVARIANT_FAIL_ON_REVERT must be true or false, got "yes"',
    ]);
  });
});

describe('loadFoundryProject: wrong types', () => {
  it('lists every wrongly typed key with its dotted path and value, ignoring unknown keys', async () => {
    const e = await configError(loadFoundryProject(join(fixtures, 'bad'), noEnv));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('foundry.toml: profile.default.libs must be an array of strings, got "lib" (and 7 more)');
    expect(e.meta).toEqual([
      'foundry.toml: profile.default.libs must be an array of strings, got "lib"',
      'foundry.toml: profile.default.src must be a string, got 42',
      'foundry.toml: profile.default.remappings must be an array of "prefix=target" strings, got ["forge-std/=lib/forge-std/src/","no-equals-sign"]',
      'foundry.toml: profile.default.optimizer must be true or false, got "yes"',
      'foundry.toml: profile.default.invariant.runs must be a non-negative integer, got "many"',
      'foundry.toml: profile.default.invariant.depth must be a non-negative integer, got -1',
      'foundry.toml: profile.default.invariant.fail_on_revert must be true or false, got 1',
      'foundry.toml: fuzz.seed must be an integer or a decimal or 0x-hex string, got true',
    ]);
  });

  it('names the line of a TOML syntax error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'foundry.toml'), '[profile.default]\nsrc = "src"\noptimizer_runs = \n');
    const e = await configError(loadFoundryProject(dir, noEnv));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(new RegExp(`^${join(dir, 'foundry.toml')}:3:\\d+: `));
  });

  it('names a remappings.txt line without "="', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'foundry.toml'), '[profile.default]\n');
    writeFileSync(join(dir, 'remappings.txt'), 'a/=b/\n\nnot-a-remapping\n');
    const e = await configError(loadFoundryProject(dir, noEnv));
    expect(e.message).toBe('remappings.txt:3: must be prefix=target, got "not-a-remapping"');
  });
});

describe('loadFoundryProject: finding the project', () => {
  it('walks up from a nested .sol file to the nearest foundry.toml', async () => {
    const project = await loadFoundryProject(join(basic, 'test/invariant/handlers/Handler.sol'), noEnv);
    expect(project.root).toBe(basic);
    expect(project.configFile).toBe(join(basic, 'foundry.toml'));
  });

  it('walks up from a nested folder too', async () => {
    expect((await loadFoundryProject(join(basic, 'lib/forge-std/src'), noEnv)).root).toBe(basic);
  });

  it('without a foundry.toml, roots a project with forge defaults at the folder of the file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'lib/dep/src'), { recursive: true });
    mkdirSync(join(dir, 'lib/flat'), { recursive: true });
    mkdirSync(join(dir, 'lib/.hidden'), { recursive: true });
    writeFileSync(join(dir, 'A.sol'), 'pragma solidity ^0.8.0; contract A {}');
    writeFileSync(join(dir, 'remappings.txt'), 'x/=y/\n');
    const project = await loadFoundryProject(join(dir, 'A.sol'), { env: { FOUNDRY_PROFILE: 'ci' } });
    expect(project).toEqual({
      root: dir,
      profile: 'ci',
      src: 'src',
      test: 'test',
      script: 'script',
      libs: ['lib'],
      remappings: ['x/=y/', 'dep/=lib/dep/src/', 'flat/=lib/flat/'],
      optimizer: { enabled: false, runs: 200 },
      viaIR: false,
      invariant: {},
      fuzz: {},
    });
  });
});

describe('loadFoundryProject: remappings', () => {
  it('detects lib folders with and without src, foundry.toml beating remappings.txt beating detection', async () => {
    const project = await loadFoundryProject(basic, { profile: 'ci', env: {} });
    // ci replaces the remappings array: @oz from ci, solmate now detected (no src folder).
    expect(project.remappings).toEqual([
      '@oz/=lib/oz-ci/',
      'ds-test/=lib/forge-std/lib/ds-test/src/',
      'lib/dep/:utils/=lib/dep/lib/utils/',
      'forge-std/=lib/forge-std/src/',
      'solmate/=lib/solmate/',
    ]);
  });

  it('detects in every folder of libs', async () => {
    const dir = tempDir();
    cpSync(basic, dir, { recursive: true });
    mkdirSync(join(dir, 'node_modules/@acme/pkg'), { recursive: true });
    writeFileSync(join(dir, 'foundry.toml'), '[profile.default]\nlibs = ["lib", "node_modules/"]\n');
    const project = await loadFoundryProject(dir, noEnv);
    expect(project.remappings.slice(-3)).toEqual(['forge-std/=lib/forge-std/src/', 'solmate/=lib/solmate/', '@acme/=node_modules/@acme/']);
  });
});

describe('findSolidityFiles', () => {
  it('lists src, test or both, nested folders included, never lib or script', async () => {
    const project = await loadFoundryProject(basic, noEnv);
    expect(findSolidityFiles(project, 'src')).toEqual([join(basic, 'contracts/Counter.sol')]);
    expect(findSolidityFiles(project, 'test')).toEqual([join(basic, 'test/Counter.t.sol'), join(basic, 'test/invariant/handlers/Handler.sol')]);
    expect(findSolidityFiles(project, 'all')).toEqual([
      join(basic, 'contracts/Counter.sol'),
      join(basic, 'test/Counter.t.sol'),
      join(basic, 'test/invariant/handlers/Handler.sol'),
    ]);
  });

  it('skips libs, node_modules, out and cache when src is the root, and a missing folder', async () => {
    const dir = tempDir();
    for (const sub of ['lib/dep', 'node_modules/pkg', 'out/A.sol', 'cache', 'contracts']) mkdirSync(join(dir, sub), { recursive: true });
    for (const file of ['lib/dep/D.sol', 'node_modules/pkg/P.sol', 'out/A.sol/A.sol', 'cache/C.sol', 'contracts/K.sol', 'Root.sol']) {
      writeFileSync(join(dir, file), 'contract X {}');
    }
    writeFileSync(join(dir, 'foundry.toml'), '[profile.default]\nsrc = "."\ntest = "tests-that-do-not-exist"\n');
    const project = await loadFoundryProject(dir, noEnv);
    expect(findSolidityFiles(project, 'all')).toEqual([join(dir, 'Root.sol'), join(dir, 'contracts/K.sol')]);
    expect(findSolidityFiles(project, 'test')).toEqual([]);
  });
});

describe('a loaded project compiles', () => {
  it('with its remappings, optimizer and EVM version (forge-std reached through a detected remapping)', async () => {
    const project = await loadFoundryProject(basic, noEnv);
    const out = await compileSources({
      root: project.root,
      files: findSolidityFiles(project, 'all'),
      remappings: project.remappings,
      optimizer: project.optimizer,
      evmVersion: project.evmVersion,
      viaIR: project.viaIR,
    });
    expect(out.evmVersion).toBe('cancun');
    expect(out.artifacts.map((a) => `${a.source}:${a.name}`).sort()).toEqual([
      'contracts/Counter.sol:Counter',
      'lib/forge-std/src/Test.sol:Test',
      'test/Counter.t.sol:CounterTest',
      'test/invariant/handlers/Handler.sol:Handler',
    ]);
  });
});
