import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { findFiles } from '../fs/findFiles.js';
import type { FoundryProject } from './FoundryProject.js';

/**
 * Absolute paths of the `.sol` files under the project's src folder, test folder or both, sorted,
 * never those of its libs (even when src is the root), node_modules, out or cache.
 */
export function findSolidityFiles(project: FoundryProject, which: 'src' | 'test' | 'all'): string[] {
  const folders = which === 'all' ? [project.src, project.test] : [project[which]];
  const libs = project.libs.map((l) => resolve(project.root, l) + sep);
  const files = new Set<string>();
  for (const folder of folders) {
    const dir = resolve(project.root, folder);
    if (!existsSync(dir)) continue;
    for (const file of findFiles(dir, '.sol')) {
      if (!libs.some((lib) => file.startsWith(lib) && !(dir + sep).startsWith(lib))) files.add(file);
    }
  }
  return [...files].sort();
}
