import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { VigilError } from '../errors/VigilError.js';
import { findFiles } from './findFiles.js';

/** The `*.spec.ts` files named by paths (files or folders), in a stable order. */
export function findSpecFiles(root: string, paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(root, p);
    if (!existsSync(abs)) {
      throw new VigilError('SPEC_NOT_FOUND', `no such spec file or folder: ${p}`, {
        hint: 'Pass `*.spec.ts` files or folders that hold them; the default is specs/.',
      });
    }
    files.push(...findFiles(abs, '.spec.ts'));
  }
  if (files.length === 0) {
    throw new VigilError('SPEC_NOT_FOUND', `no *.spec.ts files in ${paths.map((p) => relative(root, resolve(root, p)) || '.').join(', ')}`);
  }
  return [...new Set(files)];
}
