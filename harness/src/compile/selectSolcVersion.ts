import semver from 'semver';
import { VigilError } from '../errors/VigilError.js';
import { readPragmas } from './readPragmas.js';

export interface SelectSolcOptions {
  /** A version the user set (foundry.toml `solc_version`): checked against the pragmas, never replaced. */
  pinned?: string;
  /** The version of the `solc` package Vigil depends on (no install needed). */
  bundled: string;
  /** Versions already installed in the solc cache. */
  installed: string[];
  /** Known solc-js releases; only needed when neither the bundled nor an installed version fits. */
  releases?: string[];
}

/** One `pragma solidity` of one source unit. */
export interface Pragma {
  file: string;
  /** As written, e.g. `^0.8.0`. */
  range: string;
  /** As semver reads it. */
  semverRange: string;
}

/**
 * Chooses the solc version for a set of sources from their `pragma solidity` ranges: a pinned
 * version if every pragma allows it (else an error naming the files that exclude it); otherwise
 * the bundled version, else the newest installed one, else the newest release that every pragma
 * allows. Sources without a pragma accept any version.
 */
export function selectSolcVersion(sources: readonly { name: string; content: string }[], options: SelectSolcOptions): string {
  const pragmas = readSourcePragmas(sources);
  if (options.pinned !== undefined) return checkPinned(options.pinned, pragmas);
  assertPragmasCompatible(pragmas);
  const candidates = [options.bundled, ...newestFirst(options.installed), ...newestFirst(options.releases ?? [])];
  const chosen = candidates.find((v) => satisfiesPragmas(v, pragmas));
  if (chosen !== undefined) return chosen;
  const where = options.releases === undefined ? 'neither the bundled nor an installed solc' : 'no solc-js release';
  throw new VigilError('COMPILER_VERSION', `${where} satisfies every pragma (bundled: ${options.bundled})`, {
    meta: pragmas.map(describe),
    hint: 'Change the pragmas to allow a released solc version (e.g. ^0.8.0), or set solc_version.',
  });
}

/** Every pragma of every source, with ranges solc accepts but semver spells differently made readable. */
export function readSourcePragmas(sources: readonly { name: string; content: string }[]): Pragma[] {
  const pragmas: Pragma[] = [];
  for (const source of sources) {
    for (const range of readPragmas(source.content)) {
      // solc reads `>=0.4.0<0.6.0` as two comparators; semver needs the space.
      const semverRange = semver.validRange(range.replace(/([\dxX*])(?=[<>=^~])/g, '$1 '));
      if (semverRange === null) {
        throw new VigilError('COMPILER_VERSION', `${source.name}: cannot read the version range of \`pragma solidity ${range};\``, {
          hint: 'Write the pragma as solc documents it, e.g. `pragma solidity ^0.8.20;` or `pragma solidity >=0.8.0 <0.9.0;`.',
        });
      }
      pragmas.push({ file: source.name, range, semverRange });
    }
  }
  return pragmas;
}

export function satisfiesPragmas(version: string, pragmas: readonly Pragma[]): boolean {
  return pragmas.every((p) => semver.satisfies(version, p.semverRange));
}

/** Throws when two pragmas share no version, naming a file of each. */
export function assertPragmasCompatible(pragmas: readonly Pragma[]): void {
  // Compare distinct ranges only: a project has hundreds of files but a handful of pragmas.
  const byRange = new Map<string, Pragma[]>();
  for (const p of pragmas) byRange.set(p.semverRange, [...(byRange.get(p.semverRange) ?? []), p]);
  const ranges = [...byRange.keys()];
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      if (semver.intersects(ranges[i]!, ranges[j]!)) continue;
      const a = byRange.get(ranges[i]!)!;
      const b = byRange.get(ranges[j]!)!;
      throw new VigilError('COMPILER_VERSION',
        `no solc version satisfies both ${a[0]!.file} (pragma solidity ${a[0]!.range}) and ${b[0]!.file} (pragma solidity ${b[0]!.range})`, {
          meta: capped([...a, ...b].map(describe)),
          hint: 'Change one of the pragmas so that their ranges overlap, or compile these files separately.',
        });
    }
  }
}

function checkPinned(pinned: string, pragmas: readonly Pragma[]): string {
  const version = semver.clean(pinned);
  if (version === null) {
    throw new VigilError('COMPILER_VERSION', `solc version "${pinned}" is not a version number`, {
      hint: 'Set solc_version to a solc-js release such as 0.8.26 (a path to a native solc binary is not supported).',
    });
  }
  const excluding = pragmas.filter((p) => !semver.satisfies(version, p.semverRange));
  if (excluding.length > 0) {
    const files = [...new Set(excluding.map((p) => p.file))];
    throw new VigilError('COMPILER_VERSION',
      `solc ${version} (pinned) is excluded by the pragma of ${files.length === 1 ? files[0] : `${files.length} files: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}`}`, {
        meta: capped(excluding.map(describe)),
        hint: 'Set solc_version to a version every listed pragma allows, or remove it to choose one from the pragmas.',
      });
  }
  return version;
}

function newestFirst(versions: readonly string[]): string[] {
  return versions.filter((v) => semver.valid(v) !== null && semver.prerelease(v) === null).sort(semver.rcompare);
}

function describe(p: Pragma): string {
  return `${p.file}: pragma solidity ${p.range};`;
}

function capped(lines: string[], max = 10): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), `… and ${lines.length - max} more`];
}
