import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { VigilError } from '../errors/VigilError.js';

/**
 * Writes through a temporary file and a rename, so a reader (CI, `vigil replay`, a second worker)
 * sees the old file or the new one, never half of one. The pid and random suffix keep
 * concurrent writers of the same path from sharing a temporary file.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, path);
  } catch (cause) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new VigilError('IO', `could not write ${path}: ${(cause as Error).message}`, { cause });
  }
}
