import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { VigilError } from '../errors/VigilError.js';
import { installSolc } from './installSolc.js';

export interface SolcModule {
  version(): string;
  compile(input: string, callbacks?: { import?: (path: string) => { contents: string } | { error: string } }): string;
}

export interface LoadSolcOptions {
  /**
   * Where other solc-js releases are installed, as `<cacheDir>/solc/<version>/node_modules/solc`.
   * Default: `.vigil/cache` under the current directory (compileSources passes its own).
   */
  cacheDir?: string;
  /** Who needs this version, for the error if it cannot be installed, e.g. `src/A.sol (pragma solidity 0.8.26)`. */
  neededBy?: string;
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, Promise<SolcModule>>();

/** The version of the `solc` package Vigil depends on, read without loading the compiler. */
export function bundledSolcVersion(): string {
  return (require('solc/package.json') as { version: string }).version;
}

/**
 * solc-js is heavy (~0.5 s to load): only the commands that compile import it. Without a version,
 * or with the bundled one, this is the `solc` package Vigil depends on; another release is
 * installed from npm into the cache on first use (see installSolc) and loaded from there.
 */
export async function loadSolc(version?: string, options: LoadSolcOptions = {}): Promise<SolcModule> {
  if (version === undefined || version === bundledSolcVersion()) {
    const mod = (await import('solc')) as unknown as { default: SolcModule };
    return mod.default;
  }
  if (semver.valid(version) !== version) {
    throw new VigilError('COMPILER_VERSION', `solc version "${version}" is not an exact version number`, {
      hint: 'Use a solc-js release such as 0.8.26.',
    });
  }
  const cacheDir = resolve(options.cacheDir ?? join(process.cwd(), '.vigil', 'cache'));
  const key = join(cacheDir, version);
  let solc = loaded.get(key);
  if (!solc) {
    solc = installSolc(version, cacheDir, options.neededBy).then(wrapSoljson);
    solc.catch(() => loaded.delete(key));
    loaded.set(key, solc);
  }
  return solc;
}

/**
 * An installed release's compiler behind the bundled solc-js wrapper, so every version answers
 * standard JSON with the same `compile(input, { import })` call, whatever its own wrapper was.
 */
function wrapSoljson(packageDir: string): SolcModule {
  const soljson = require(join(packageDir, 'soljson.js')) as unknown;
  const wrapper = require('solc/wrapper.js') as { default?: (s: unknown) => SolcModule } & ((s: unknown) => SolcModule);
  return (wrapper.default ?? wrapper)(soljson);
}
