import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VigilError } from '../errors/VigilError.js';
import { compileSources } from './compileSources.js';
import { installSolc, solcInstallDir } from './installSolc.js';
import { listInstalledSolc } from './solcReleases.js';

const root = join(import.meta.dirname, 'fixtures', 'versions');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-solc-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function compileError(run: Promise<unknown>): Promise<VigilError> {
  const e = await run.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(VigilError);
  return e as VigilError;
}

/** Runs `body` with no npm on the PATH, so any attempt to install or list releases fails. */
async function withoutNpm<T>(body: () => Promise<T>): Promise<T> {
  const path = process.env.PATH;
  process.env.PATH = '';
  try {
    return await body();
  } finally {
    process.env.PATH = path;
  }
}

describe('compileSources: solc version from the pragmas', () => {
  it('keeps the bundled compiler when its version fits, with or without auto', async () => {
    const auto = await compileSources({ root, files: ['src/Modern.sol'], solcVersion: 'auto', solcCacheDir: tempDir() });
    const plain = await compileSources({ root, files: ['src/Modern.sol'] });
    expect(auto).toEqual(plain);
    expect(auto.compilerVersion).toMatch(/^0\.8\.30\+/);
  });

  it('installs solc 0.8.26 for `pragma solidity 0.8.26;` on demand, then reuses the install without npm', async () => {
    const cacheDir = tempDir();
    const first = await compileSources({ root, files: ['src/Exact0826.sol'], solcVersion: 'auto', cacheDir });
    expect(first.compilerVersion).toMatch(/^0\.8\.26\+/);
    expect(first.artifacts.map((a) => a.name).sort()).toEqual(['Exact0826', 'Shared']);
    expect(first.artifacts.find((a) => a.name === 'Exact0826')!.deployedBytecode.length).toBeGreaterThan(100);

    const installDir = solcInstallDir(cacheDir, '0.8.26');
    expect(listInstalledSolc(cacheDir)).toEqual(['0.8.26']);
    const inode = statSync(installDir).ino;
    // Only the install and the cached release list: no temporary folder left behind.
    expect(readdirSync(join(cacheDir, 'solc')).sort()).toEqual(['0.8.26', 'releases.json']);

    // Without npm and without the release list, the installed version is still found and used
    // (other settings, so solc really runs instead of the artifact cache answering).
    rmSync(join(cacheDir, 'solc', 'releases.json'));
    const second = await withoutNpm(() =>
      compileSources({ root, files: ['src/Exact0826.sol'], solcVersion: 'auto', cacheDir, optimizer: { enabled: false, runs: 200 } }),
    );
    expect(second.compilerVersion).toBe(first.compilerVersion);
    expect(await withoutNpm(() => installSolc('0.8.26', cacheDir))).toBe(join(installDir, 'node_modules', 'solc'));
    expect(statSync(installDir).ino).toBe(inode);
    expect(readdirSync(join(cacheDir, 'solc'))).toEqual(['0.8.26']);

    // A pinned version that is installed needs no npm either.
    const pinned = await withoutNpm(() => compileSources({ root, files: ['src/Modern.sol'], solcVersion: '0.8.26', cacheDir }));
    expect(pinned.compilerVersion).toBe(first.compilerVersion);
  }, 120_000);

  it('names both files when an imported pragma conflicts with the entry one (no npm needed)', async () => {
    const e = await compileError(withoutNpm(() =>
      compileSources({ root, files: ['src/ImportsAncient.sol'], solcVersion: 'auto', solcCacheDir: tempDir() })));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toContain('src/ImportsAncient.sol (pragma solidity ^0.8.0)');
    expect(e.message).toContain('src/Ancient.sol (pragma solidity 0.4.0 <0.4.1)');
  });

  it('names both files when two entry files conflict', async () => {
    const e = await compileError(compileSources({ root, files: ['src/Ancient.sol', 'src/Modern.sol'], solcVersion: 'auto', solcCacheDir: tempDir() }));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toMatch(/src\/Ancient\.sol .*src\/Modern\.sol|src\/Modern\.sol .*src\/Ancient\.sol/);
  });

  it('rejects a pinned version that an imported file excludes, before installing anything', async () => {
    const cacheDir = tempDir();
    const e = await compileError(compileSources({ root, files: ['src/Exact0826.sol'], solcVersion: '0.8.30', cacheDir }));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toContain('src/Exact0826.sol');
    expect(e.meta).toEqual(['src/Exact0826.sol: pragma solidity 0.8.26;']);
  });

  it('turns a failed install into COMPILER_VERSION with npm\'s error and a hint', async () => {
    const cacheDir = tempDir();
    const e = await compileError(compileSources({ root, files: ['src/Modern.sol'], solcVersion: '0.8.99', cacheDir }));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toMatch(/^solc 0\.8\.99 is needed by .* but could not be installed: \S/);
    expect(e.hint).toContain('npm install solc@0.8.99');
    expect(listInstalledSolc(cacheDir)).toEqual([]);
    expect(readdirSync(join(cacheDir, 'solc'))).toEqual([]);
  }, 120_000);
});

describe('compileSources: viaIR', () => {
  it('passes viaIR to solc and keys the cache on it', async () => {
    const cacheDir = tempDir();
    const legacy = await compileSources({ root, files: ['src/Modern.sol'], cacheDir });
    const ir = await compileSources({ root, files: ['src/Modern.sol'], cacheDir, viaIR: true });
    expect(ir.artifacts[0]!.deployedBytecode).not.toBe(legacy.artifacts[0]!.deployedBytecode);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });
});
