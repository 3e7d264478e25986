import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { VigilError } from '../errors/VigilError.js';

/**
 * The folder of the nearest foundry.toml at or above `start` (a folder or a file), as forge looks
 * for it; without one, the folder of `start` itself and no config file.
 */
export function findFoundryRoot(start: string): { root: string; configFile?: string } {
  const abs = resolve(start);
  if (!existsSync(abs)) {
    throw new VigilError('IO', `no such file or folder: ${start}`, { hint: 'Pass a Foundry project folder or one of its .sol files.' });
  }
  const from = statSync(abs).isDirectory() ? abs : dirname(abs);
  for (let dir = from; ; dir = dirname(dir)) {
    const configFile = join(dir, 'foundry.toml');
    if (existsSync(configFile) && statSync(configFile).isFile()) return { root: dir, configFile };
    if (dirname(dir) === dir) return { root: from };
  }
}
