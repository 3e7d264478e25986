import { resolve } from 'node:path';
import type { RunTarget } from '../campaign/runSpecs.js';
import { findSpecFiles } from '../fs/findSpecFiles.js';
import { findNativeSuites, isNativePath } from './findNativeSuites.js';

/**
 * What `vigil run <paths>` runs: TypeScript specs (`*.spec.ts` files and folders of them)
 * and Solidity-native suites (`.sol` files, Foundry project folders), in the order given.
 */
export async function findRunTargets(root: string, paths: readonly string[], options: { cacheDir?: string; contract?: string } = {}): Promise<RunTarget[]> {
  const out: RunTarget[] = [];
  for (const p of paths) {
    const abs = resolve(root, p);
    if (isNativePath(abs)) out.push(...(await findNativeSuites(abs, options)));
    else out.push(...findSpecFiles(root, [p]));
  }
  return out;
}
