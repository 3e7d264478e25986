import { describe, expect, it } from 'vitest';
import { readImports } from './readImports.js';
import { parseRemapping, toImportUnitName } from './toImportUnitName.js';

describe('readImports', () => {
  it('reads every import form and skips commented ones', () => {
    const source = [
      'import "./A.sol";',
      "import './B.sol' as B;",
      'import * as C from "lib/C.sol";',
      'import {D, E as F} from "@oz/contracts/D.sol";',
      'import {',
      '  G',
      '} from "../G.sol";',
      '// import "./Commented.sol";',
      '/* import "./Block.sol"; */',
      'contract X { uint important; }',
    ].join('\n');
    expect(readImports(source)).toEqual(['./A.sol', './B.sol', 'lib/C.sol', '@oz/contracts/D.sol', '../G.sol']);
  });
});

describe('toImportUnitName', () => {
  it('joins relative imports to the importing unit folder', () => {
    expect(toImportUnitName('src/sub/A.sol', './B.sol', [])).toBe('src/sub/B.sol');
    expect(toImportUnitName('src/sub/A.sol', '../lib/C.sol', [])).toBe('src/lib/C.sol');
    expect(toImportUnitName('A.sol', './B.sol', [])).toBe('B.sol');
    expect(toImportUnitName('src/A.sol', 'src/B.sol', [])).toBe('src/B.sol');
  });

  it('applies the remapping with the longest prefix', () => {
    const remappings = ['lib/=vendor/', 'lib/special/=special/'];
    expect(toImportUnitName('src/A.sol', 'lib/x/X.sol', remappings)).toBe('vendor/x/X.sol');
    expect(toImportUnitName('src/A.sol', 'lib/special/S.sol', remappings)).toBe('special/S.sol');
  });

  it('prefers a matching context, and ignores one that does not match', () => {
    const remappings = ['oz/=lib/oz-new/', 'lib/old/:oz/=lib/oz-old/'];
    expect(toImportUnitName('src/A.sol', 'oz/T.sol', remappings)).toBe('lib/oz-new/T.sol');
    expect(toImportUnitName('lib/old/Uses.sol', 'oz/T.sol', remappings)).toBe('lib/oz-old/T.sol');
  });

  it('parses remappings with and without context', () => {
    expect(parseRemapping('a/=b/')).toEqual({ context: '', prefix: 'a/', target: 'b/' });
    expect(parseRemapping('ctx:a/=b/')).toEqual({ context: 'ctx', prefix: 'a/', target: 'b/' });
    expect(parseRemapping('nonsense')).toBeUndefined();
  });
});
