import { describe, expect, it } from 'vitest';
import { VigilError } from '../errors/VigilError.js';
import { readSourcePragmas, selectSolcVersion } from './selectSolcVersion.js';

const releases = ['0.4.0', '0.4.26', '0.5.17', '0.6.12', '0.7.1', '0.7.6', '0.8.0', '0.8.20', '0.8.24', '0.8.26', '0.8.30', '0.8.31', '0.9.0-nightly.2025.1.1'];
const base = { bundled: '0.8.30', installed: [] as string[], releases };

const src = (name: string, ...pragmas: string[]) => ({
  name,
  content: `// SPDX-License-Identifier: MIT\n${pragmas.map((p) => `pragma solidity ${p};`).join('\n')}\ncontract C {}\n`,
});

function thrown(run: () => unknown): VigilError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(VigilError);
    return e as VigilError;
  }
  throw new Error('expected a VigilError');
}

describe('selectSolcVersion: choosing', () => {
  it('takes the bundled version when there is no pragma', () => {
    expect(selectSolcVersion([{ name: 'A.sol', content: 'contract A {}' }], base)).toBe('0.8.30');
    expect(selectSolcVersion([], base)).toBe('0.8.30');
  });

  it('prefers the bundled version over newer installed and released ones when it fits', () => {
    expect(selectSolcVersion([src('A.sol', '^0.8.0')], { ...base, installed: ['0.8.31'] })).toBe('0.8.30');
  });

  it('takes the newest installed version that fits before any release', () => {
    const options = { ...base, installed: ['0.8.20', '0.8.24', '0.7.6'] };
    expect(selectSolcVersion([src('A.sol', '>=0.8.0 <0.8.25')], options)).toBe('0.8.24');
    expect(selectSolcVersion([src('A.sol', '^0.7.0')], options)).toBe('0.7.6');
  });

  it('takes the newest release that fits when nothing local does, skipping prereleases', () => {
    expect(selectSolcVersion([src('A.sol', '0.8.26')], base)).toBe('0.8.26');
    expect(selectSolcVersion([src('A.sol', '>0.8.30')], base)).toBe('0.8.31');
    expect(selectSolcVersion([src('A.sol', '^0.6.0')], base)).toBe('0.6.12');
  });

  it('needs every file and every pragma of a file to agree', () => {
    const sources = [src('A.sol', '^0.8.0'), src('B.sol', '>=0.8.20', '<0.8.25'), src('C.sol')];
    expect(selectSolcVersion(sources, base)).toBe('0.8.24');
  });

  it.each([
    ['^0.8.0', '0.8.30'],
    ['~0.7.1', '0.7.6'],
    ['=0.5.17', '0.5.17'],
    ['0.6.12', '0.6.12'],
    ['>=0.4.0<0.6.0', '0.5.17'], // no space between comparators, as solc allows
    ['>= 0.6.2 < 0.7.0', '0.6.12'],
    ['>=0.4.22 <0.9.0', '0.8.30'],
    ['0.8.x', '0.8.30'],
    ['^0.8', '0.8.30'],
    ['^0.4.0 || ^0.5.0', '0.5.17'],
    ['0.8.20 - 0.8.24', '0.8.24'],
    ['*', '0.8.30'],
    ['0.4.0 <0.4.1', '0.4.0'],
  ])('reads `pragma solidity %s;` (→ %s)', (range, expected) => {
    expect(selectSolcVersion([src('A.sol', range)], base)).toBe(expected);
  });

  it('ignores pragmas in comments and reads one spread over lines', () => {
    const content = [
      '// pragma solidity 0.4.0;',
      '/* pragma solidity ^0.5.0;',
      '   still a comment */',
      'pragma solidity',
      '  >=0.6.0',
      '  <0.7.0;',
      'contract A { string s = "http://x"; }',
    ].join('\n');
    expect(readSourcePragmas([{ name: 'A.sol', content }]).map((p) => p.range)).toEqual(['>=0.6.0 <0.7.0']);
    expect(selectSolcVersion([{ name: 'A.sol', content }], base)).toBe('0.6.12');
  });

  it('does not read other pragmas (abicoder, experimental) as versions', () => {
    const content = 'pragma abicoder v2;\npragma experimental ABIEncoderV2;\npragma solidity ^0.7.0;\n';
    expect(selectSolcVersion([{ name: 'A.sol', content }], base)).toBe('0.7.6');
  });
});

describe('selectSolcVersion: pinned', () => {
  it('returns a pinned version that every pragma allows, without the release list', () => {
    expect(selectSolcVersion([src('A.sol', '^0.8.0')], { bundled: '0.8.30', installed: [], pinned: '0.8.26' })).toBe('0.8.26');
    expect(selectSolcVersion([src('A.sol', '^0.8.0')], { ...base, pinned: '0.8.26+commit.8a97fa7a' })).toBe('0.8.26');
  });

  it('names the files whose pragma excludes the pinned version', () => {
    const e = thrown(() => selectSolcVersion([src('src/A.sol', '^0.8.0'), src('src/B.sol', '^0.8.28'), src('src/C.sol', '>=0.8.27')], { ...base, pinned: '0.8.26' }));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toContain('0.8.26');
    expect(e.message).toContain('src/B.sol');
    expect(e.message).toContain('src/C.sol');
    expect(e.message).not.toContain('src/A.sol');
    expect(e.meta).toEqual(['src/B.sol: pragma solidity ^0.8.28;', 'src/C.sol: pragma solidity >=0.8.27;']);
    expect(e.hint).toMatch(/solc_version/);
  });

  it('rejects a pinned value that is not a version', () => {
    const e = thrown(() => selectSolcVersion([src('A.sol', '^0.8.0')], { ...base, pinned: '/usr/bin/solc' }));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toContain('/usr/bin/solc');
  });
});

describe('selectSolcVersion: errors', () => {
  it('names both files when two pragmas share no version', () => {
    const e = thrown(() => selectSolcVersion([src('src/Old.sol', '0.4.0 <0.4.1'), src('src/New.sol', '^0.8.0'), src('src/Any.sol', '*')], base));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toBe('no solc version satisfies both src/Old.sol (pragma solidity 0.4.0 <0.4.1) and src/New.sol (pragma solidity ^0.8.0)');
    expect(e.meta).toEqual(['src/Old.sol: pragma solidity 0.4.0 <0.4.1;', 'src/New.sol: pragma solidity ^0.8.0;']);
  });

  it('finds the conflict inside one file too', () => {
    const e = thrown(() => selectSolcVersion([src('A.sol', '^0.7.0', '^0.8.0')], base));
    expect(e.message).toMatch(/both A\.sol .* and A\.sol /);
  });

  it('says when no release fits a satisfiable pragma', () => {
    const e = thrown(() => selectSolcVersion([src('A.sol', '^0.9.0')], base));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toMatch(/no solc-js release satisfies every pragma/);
    expect(e.meta).toEqual(['A.sol: pragma solidity ^0.9.0;']);
  });

  it('says when nothing local fits and no release list was given', () => {
    const e = thrown(() => selectSolcVersion([src('A.sol', '0.8.26')], { bundled: '0.8.30', installed: ['0.8.24'] }));
    expect(e.message).toMatch(/neither the bundled nor an installed solc/);
  });

  it('names the file of a pragma it cannot read', () => {
    const e = thrown(() => selectSolcVersion([src('src/Odd.sol', 'latest')], base));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toContain('src/Odd.sol');
    expect(e.message).toContain('pragma solidity latest;');
  });
});
