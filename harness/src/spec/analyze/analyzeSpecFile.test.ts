import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isVigilError } from '../../errors/VigilError.js';
import { analyzeSpecFile } from './analyzeSpecFile.js';
import { constructs as c } from './constructs.js';
import { createAnalysisProject } from './createAnalysisProject.js';
import type { AnalyzedCheck, SpecAnalysis } from './SpecAnalysis.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => path.join(fixtures, name);

function check(analysis: SpecAnalysis, name: string): AnalyzedCheck {
  const found = analysis.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check ${name} in ${analysis.checks.map((c) => c.name).join(', ')}`);
  return found;
}

/** construct, file base name, line and column of each issue: the parts a user reads. */
function issues(analysis: SpecAnalysis, name: string): string[] {
  return check(analysis, name).outside.map((i) => `${i.construct} @${path.basename(i.file)}:${i.line}:${i.column}`);
}

describe('analyzeSpecFile: Token.spec.ts', () => {
  const analysis = analyzeSpecFile(fixture('Token.spec.ts'));

  it('reads the spec name, contract keys and every check in order', () => {
    expect(analysis.specName).toBe('Token');
    expect(analysis.contractKeys).toEqual(['token']);
    expect(analysis.problems).toEqual([]);
    expect(analysis.checks.map((c) => [c.kind, c.name, c.line, c.provable])).toEqual([
      ['invariant', 'supplyIsSumOfBalances', 12, true],
      ['invariant', 'noBalanceAboveSupply', 14, true],
      ['invariant', 'burnedTracked', 16, false],
      ['invariant', 'supplyCapped', 17, true],
      ['invariant', 'someoneHolds', 22, true],
      ['property', 'transferMovesBalance', 27, true],
      ['property', 'burnShrinksSupply', 33, true],
      ['property', 'mintLogged', 40, false],
    ]);
  });

  it('marks a ghost read as fuzz-only, with its text and position', () => {
    expect(check(analysis, 'burnedTracked').outside).toEqual([
      { construct: c.ghost, file: fixture('Token.spec.ts'), line: 16, column: 49, text: 'ghosts.burned' },
    ]);
  });

  it('reads properties with old() and their `on`', () => {
    const transfer = check(analysis, 'transferMovesBalance');
    expect(transfer.on).toBe('token.transfer');
    expect(transfer.source.startsWith('async ({ token, call, old }) =>')).toBe(true);
    expect(transfer.definedAt).toEqual({ file: fixture('Token.spec.ts'), line: 29, column: 14 });
    expect(check(analysis, 'burnShrinksSupply').on).toBe('token.burn');
    expect(issues(analysis, 'mintLogged')).toEqual([`${c.console} @Token.spec.ts:43:9`]);
  });
});

describe('analyzeSpecFile: constructs outside the subset', () => {
  const analysis = analyzeSpecFile(fixture('Impure.spec.ts'));

  it('finds no provable check and no problem', () => {
    expect(analysis.checks.filter((c) => c.provable)).toEqual([]);
    expect(analysis.problems).toEqual([]);
  });

  it.each([
    ['loopOverActors', [`${c.letDeclaration} @Impure.spec.ts:12:7`, `${c.loop} @Impure.spec.ts:13:7`]],
    ['usesMathMax', [`${c.math} @Impure.spec.ts:18:39`]],
    ['usesTemplate', [`${c.templateLiteral} @Impure.spec.ts:19:40`, `${c.stringLiteral} @Impure.spec.ts:19:68`]],
    [
      'manyProblems',
      [
        `${c.bigIntCall} @Impure.spec.ts:21:7`,
        `${c.moduleIdentifier} @Impure.spec.ts:21:32`,
        `${c.arrayMethod} @Impure.spec.ts:22:7`,
        `${c.chain} @Impure.spec.ts:23:14`,
        `${c.importedIdentifier} @Impure.spec.ts:23:37`,
        `${c.newExpression} @Impure.spec.ts:24:7`,
        `${c.handleProperty} @Impure.spec.ts:25:7`,
        `${c.freeIdentifier} @Impure.spec.ts:25:21`,
      ],
    ],
    ['branches', [`${c.ifStatement} @Impure.spec.ts:27:7`, `${c.tryCatch} @Impure.spec.ts:28:7`]],
    ['spreadsAndStrings', [`${c.notACollection} @Impure.spec.ts:35:11`, `${c.stringOperation} @Impure.spec.ts:35:54`]],
    ['unknownName', [`${c.unknownContext} @Impure.spec.ts:36:54`]],
  ])('%s', (name, expected) => {
    expect(issues(analysis, name)).toEqual(expected);
  });
});

describe('analyzeSpecFile: library checks', () => {
  const analysis = analyzeSpecFile(fixture('Library.spec.ts'));

  it('expands a spread of a library object into named checks, located at the spread', () => {
    expect(analysis.checks.map((c) => [c.name, c.line, c.provable])).toEqual([
      ['supplyIsSumOfBalances', 11, true],
      ['noBalanceAboveSupply', 11, true],
      ['roundedSupply', 11, false],
      ['supply', 12, true],
      ['belowCap', 13, true],
      ['rounded', 14, false],
      ['external', 15, false],
      ['wrongKey', 16, false],
      ['complicated', 17, false],
      ['transfer', 21, true],
    ]);
  });

  it('analyses the inner arrow in its own file, through namespace imports and re-exports', () => {
    expect(check(analysis, 'supply').definedAt).toEqual({ file: fixture('lib/erc20.ts'), line: 5, column: 10 });
    expect(check(analysis, 'belowCap').definedAt).toEqual({ file: fixture('lib/erc20.ts'), line: 11, column: 59 });
    expect(issues(analysis, 'rounded')).toEqual([`${c.math} @erc20.ts:14:25`]);
    expect(issues(analysis, 'roundedSupply')).toEqual([`${c.math} @erc20.ts:14:25`]);
  });

  it('reads a library property with its templated `on`', () => {
    expect(check(analysis, 'transfer').on).toBe('token.transfer');
  });

  it('says which contract key a library check reads when it is not a contract', () => {
    const [first] = check(analysis, 'wrongKey').outside;
    expect(issues(analysis, 'wrongKey')).toEqual([`${c.unknownContext} @erc20.ts:5:32`, `${c.unknownContext} @erc20.ts:5:91`]);
    expect(first.detail).toContain('`tokne`');
  });

  it('keeps unfollowable library calls as fuzz-only with the reason', () => {
    const external = check(analysis, 'external').outside;
    expect(external.map((i) => [i.construct, i.line, i.column, i.text])).toEqual([[c.libraryCall, 15, 15, "fancyInvariant('token')"]]);
    expect(external[0].detail).toContain('vigil-extras');
    expect(issues(analysis, 'complicated')).toEqual([`${c.libraryCall} @Library.spec.ts:17:18`]);
  });

  it('reports a spread it cannot expand as a problem', () => {
    expect(analysis.problems.map((p) => [path.basename(p.file), p.line, p.column])).toEqual([['Library.spec.ts', 18, 5]]);
    expect(analysis.problems[0].message).toContain("...fancyGroup('token')");
  });
});

describe('analyzeSpecFile: finding the spec', () => {
  it('follows `const spec = defineSpec(...)`, an aliased import and a shorthand section', () => {
    const analysis = analyzeSpecFile(fixture('Indirect.spec.ts'));
    expect(analysis.specName).toBe('Indirect');
    expect(analysis.checks.map((c) => [c.kind, c.name, c.line, c.provable, c.on])).toEqual([
      ['invariant', 'ownerHasNoDebt', 5, true, undefined],
      ['property', 'depositGrows', 13, true, 'vault.deposit'],
      ['property', 'needsCheck', 21, false, 'vault.withdraw'],
    ]);
    expect(analysis.problems.map((p) => [p.message, p.line])).toEqual([['property `needsCheck` has no `check` function', 21]]);
  });

  it('follows `export { spec as default }` and `defineSpec(base)`', () => {
    const analysis = analyzeSpecFile(fixture('ExportAlias.spec.ts'));
    expect(analysis.problems).toEqual([]);
    expect(analysis.checks.map((c) => [c.name, c.line, c.provable])).toEqual([['positive', 8, true]]);
  });

  it('still analyses a spec that is not the default export, with a problem', () => {
    const analysis = analyzeSpecFile(fixture('NoDefault.spec.ts'));
    expect(analysis.checks.map((c) => c.name)).toEqual(['positive']);
    expect(analysis.problems.map((p) => [p.line, p.column])).toEqual([[4, 21]]);
    expect(analysis.problems[0].message).toContain('no default export');
  });

  it('throws SPEC_NOT_FOUND for a missing file', () => {
    try {
      analyzeSpecFile(fixture('Missing.spec.ts'));
      expect.unreachable();
    } catch (error) {
      expect(isVigilError(error) && error.code).toBe('SPEC_NOT_FOUND');
    }
  });
});

describe('analyzeSpecFile: syntax errors', () => {
  // The fixture is stored as .txt so tsc does not check it; analyse it under its real name.
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-analyze-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the parse error with its line and column and keeps analysing', () => {
    const file = path.join(dir, 'Broken.spec.ts');
    copyFileSync(fixture('Broken.spec.ts.txt'), file);
    const analysis = analyzeSpecFile(file);
    expect(analysis.problems).toEqual([{ message: 'Expression expected.', file, line: 10, column: 65 }]);
    expect(analysis.checks.map((c) => [c.name, c.provable])).toEqual([['fine', true], ['broken', false]]);
    expect(issues(analysis, 'broken')).toEqual([`${c.syntaxError} @Broken.spec.ts:10:64`]);
  });
});

describe('analyzeSpecFile: speed', () => {
  it('takes well under 300 ms per file once warm, with or without a shared project', () => {
    const project = createAnalysisProject();
    analyzeSpecFile(fixture('Library.spec.ts'), project);
    const files = ['Token.spec.ts', 'Impure.spec.ts', 'Library.spec.ts', 'Indirect.spec.ts'].map(fixture);
    for (const file of files) {
      const shared = performance.now();
      analyzeSpecFile(file, project);
      const fresh = performance.now();
      analyzeSpecFile(file);
      const end = performance.now();
      expect(fresh - shared).toBeLessThan(300);
      expect(end - fresh).toBeLessThan(300);
    }
  });

  it('sees edits when a shared project analyses a file again', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-analyze-'));
    try {
      const file = path.join(dir, 'Edited.spec.ts');
      copyFileSync(fixture('ExportAlias.spec.ts'), file);
      const project = createAnalysisProject();
      expect(analyzeSpecFile(file, project).checks[0].provable).toBe(true);
      copyFileSync(fixture('Token.spec.ts'), file);
      expect(analyzeSpecFile(file, project).specName).toBe('Token');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
