import semver from 'semver';
import { collectSources } from './collectSources.js';
import { bundledSolcVersion } from './loadSolc.js';
import { assertPragmasCompatible, readSourcePragmas, satisfiesPragmas, selectSolcVersion } from './selectSolcVersion.js';
import { listInstalledSolc, loadSolcReleases } from './solcReleases.js';

export interface ResolveSolcRequest {
  /** `auto` (from the pragmas) or a pinned version. */
  solcVersion: string;
  root: string;
  /** Entry source unit name → content. */
  entries: Record<string, string>;
  remappings: readonly string[];
  /** Where releases are installed and listed (`<solcCacheDir>/solc/`). */
  solcCacheDir: string;
}

/**
 * The solc version for a compile, with the reason it is needed (for an install error). The pragmas
 * of imported files count too, so the import graph is read first. The npm list of releases is
 * consulted only when neither the bundled nor an installed version fits.
 */
export async function resolveSolcVersion(request: ResolveSolcRequest): Promise<{ version: string; neededBy: string }> {
  const sources = collectSources(request.root, request.entries, request.remappings);
  const bundled = bundledSolcVersion();
  const installed = listInstalledSolc(request.solcCacheDir);
  if (request.solcVersion !== 'auto') {
    const version = selectSolcVersion(sources, { pinned: request.solcVersion, bundled, installed });
    return { version, neededBy: `the solc version setting (${request.solcVersion})` };
  }
  const pragmas = readSourcePragmas(sources);
  let releases: string[] | undefined;
  if (![bundled, ...installed].some((v) => satisfiesPragmas(v, pragmas))) {
    assertPragmasCompatible(pragmas);
    releases = await loadSolcReleases(request.solcCacheDir);
    if (!releases.some((v) => satisfiesPragmas(v, pragmas))) releases = await loadSolcReleases(request.solcCacheDir, { refresh: true });
  }
  const version = selectSolcVersion(sources, { bundled, installed, releases });
  const reason = pragmas.find((p) => !semver.satisfies(bundled, p.semverRange));
  return { version, neededBy: reason ? `${reason.file} (pragma solidity ${reason.range})` : 'the sources' };
}
