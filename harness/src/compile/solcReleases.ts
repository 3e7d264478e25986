import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import { VigilError } from '../errors/VigilError.js';
import { writeFileAtomic } from '../report/writeFileAtomic.js';
import { isInstalled } from './installSolc.js';

const run = promisify(execFile);

/** The solc-js versions installed in `<cacheDir>/solc/`, in no particular order. */
export function listInstalledSolc(cacheDir: string): string[] {
  const dir = join(cacheDir, 'solc');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => semver.valid(name) === name && isInstalled(join(dir, name)));
}

/**
 * The solc-js versions published on npm, read with `npm view solc versions --json` and kept in
 * `<cacheDir>/solc/releases.json`. The cached list is used as is unless `refresh` is set (the
 * caller found no fitting version in it); if npm cannot be reached, a cached list still serves.
 */
export async function loadSolcReleases(cacheDir: string, options: { refresh?: boolean } = {}): Promise<string[]> {
  const file = join(cacheDir, 'solc', 'releases.json');
  const cached = existsSync(file) ? await readCached(file) : undefined;
  if (cached && !options.refresh) return cached;
  try {
    const { stdout } = await run('npm', ['view', 'solc', 'versions', '--json'], {
      timeout: 60_000, maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32',
    });
    const versions = (JSON.parse(stdout) as unknown[]).filter((v): v is string => typeof v === 'string' && semver.valid(v) !== null);
    await writeFileAtomic(file, JSON.stringify({ fetchedAt: new Date().toISOString(), versions }));
    return versions;
  } catch (cause) {
    if (cached) return cached;
    const stderr = String((cause as { stderr?: unknown }).stderr ?? '');
    const line = stderr.split('\n').find((l) => /^npm (ERR!|error)/.test(l) && !/ code /.test(l)) ?? (cause as Error).message.split('\n')[0];
    throw new VigilError('COMPILER_VERSION', `could not list the solc-js releases on npm (\`npm view solc versions\`): ${line}`, {
      hint: 'Reach the npm registry once (the list is then kept in the cache), or set solc_version to the bundled or an already installed version.',
      cause,
    });
  }
}

async function readCached(file: string): Promise<string[] | undefined> {
  try {
    const { versions } = JSON.parse(await readFile(file, 'utf8')) as { versions?: unknown };
    return Array.isArray(versions) ? versions.filter((v): v is string => typeof v === 'string') : undefined;
  } catch {
    return undefined;
  }
}
