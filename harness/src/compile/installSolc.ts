import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { VigilError } from '../errors/VigilError.js';

const run = promisify(execFile);

/** `<cacheDir>/solc/<version>`: one npm prefix per solc-js release. */
export function solcInstallDir(cacheDir: string, version: string): string {
  return resolve(cacheDir, 'solc', version);
}

/** Where the solc-js package of an installed version lives. */
export function solcPackageDir(cacheDir: string, version: string): string {
  return join(solcInstallDir(cacheDir, version), 'node_modules', 'solc');
}

const pending = new Map<string, Promise<string>>();

/**
 * Installs solc-js `version` from npm into the cache unless it is there, and returns its package
 * folder. npm writes into a temporary folder that is renamed into place once complete, so a
 * crash or a concurrent Vigil never leaves a half-installed compiler; within one process, one
 * install runs per version and the others wait for it.
 */
export function installSolc(version: string, cacheDir: string, neededBy = 'the sources'): Promise<string> {
  const dir = solcInstallDir(cacheDir, version);
  if (isInstalled(dir)) return Promise.resolve(join(dir, 'node_modules', 'solc'));
  let install = pending.get(dir);
  if (!install) {
    install = installInto(dir, version, neededBy).finally(() => pending.delete(dir));
    pending.set(dir, install);
  }
  return install;
}

export function isInstalled(installDir: string): boolean {
  return existsSync(join(installDir, 'node_modules', 'solc', 'soljson.js'));
}

async function installInto(dir: string, version: string, neededBy: string): Promise<string> {
  const tmp = join(dir, '..', `.tmp-${version}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(tmp, { recursive: true });
    const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', tmp, `solc@${version}`];
    try {
      await run('npm', args, { cwd: tmp, timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32' });
    } catch (cause) {
      throw installError(version, neededBy, cause);
    }
    if (!isInstalled(tmp)) throw installError(version, neededBy, new Error('npm finished but node_modules/solc/soljson.js is missing'));
    // A folder without a compiler is not another process's work (those appear complete): replace it.
    if (existsSync(dir) && !isInstalled(dir)) await rm(dir, { recursive: true, force: true });
    try {
      await rename(tmp, dir);
    } catch (cause) {
      // Another process renamed its own complete install into place first: use that one.
      if (!isInstalled(dir)) throw new VigilError('IO', `could not move solc ${version} into ${dir}: ${(cause as Error).message}`, { cause });
    }
    return join(dir, 'node_modules', 'solc');
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}

function installError(version: string, neededBy: string, cause: unknown): VigilError {
  const stderr = String((cause as { stderr?: unknown }).stderr ?? '');
  return new VigilError('COMPILER_VERSION',
    `solc ${version} is needed by ${neededBy} but could not be installed: ${firstErrorLine(stderr) ?? (cause as Error).message}`, {
      meta: stderr.split('\n').filter((l) => /^npm (ERR!|error)/.test(l) && !/complete log/.test(l)).slice(0, 6),
      hint: `Install it by hand (\`npm install solc@${version}\`), or change the pragma, or set solc_version to an installed version.`,
      cause,
    });
}

/** npm's first `npm error` line that says more than the error code. */
function firstErrorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => /^npm (ERR!|error)/.test(l));
  const telling = lines.find((l) => !/^npm (ERR!|error) code\b/.test(l)) ?? lines[0];
  return telling?.replace(/^npm (ERR!|error)\s*/, '');
}
