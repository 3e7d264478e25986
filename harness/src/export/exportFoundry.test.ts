import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { runSpecs } from '../campaign/runSpecs.js';
import type { Finding, Report, SpecResult } from '../report/types.js';
import type { ExportedTest } from './ExportedTest.js';
import { exportFinding } from './exportFinding.js';
import { foundryToml } from './foundryProject.js';
import { runForgeTests, type ForgeTestResult } from './runForgeTests.js';
import { judgeVerification, runExportInVigil } from './verifyExport.js';

/**
 * The exported tests run by the real forge (offline, solc-js shim), all in one project
 * and one `forge test`: each buggy target's findings must fail in forge for the reason
 * Vigil gave, and the same sequences exported against the correct twins must pass, so a
 * test that always failed (or never did) would be caught.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.cwd();
const buggySpecs = ['specs/TokenBuggy.spec.ts', 'specs/LockBuggy.spec.ts', 'specs/VaultBuggy.spec.ts'];
const twinOf = (file: string) => file.replace('Buggy.spec.ts', '.spec.ts');

interface Exported {
  finding: Finding;
  test: ExportedTest;
  twin: ExportedTest;
}

let project: string;
let report: Report;
let specExports: Exported[] = [];
const suiteExports: { finding: Finding; test: ExportedTest; twin: ExportedTest }[] = [];
let results: ForgeTestResult[];

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'vigil-export-'));
  await mkdir(path.join(project, 'test'));
  await writeFile(path.join(project, 'foundry.toml'), foundryToml(project));
  report = await runSpecs(buggySpecs, {
    root,
    // 20 runs find every finding of these three targets on seed 1 (the default 100 do too, slower).
    settings: { ...defaultSettings, seed: 1, runs: 20 },
    reportPath: 'reports/vigil-report.json',
    cacheDir: path.join(root, '.vigil', 'cache', 'compile'),
    corpusDir: path.join(project, 'corpus'),
    useCorpus: false,
    command: `vigil run ${buggySpecs.join(' ')} --seed 1 --runs 20`,
  });
  const exportTo = async (spec: SpecResult, finding: Finding, name: string, specFile?: string) =>
    exportFinding({ report, reportPath: 'reports/vigil-report.json', spec, finding, root, outFile: path.join(project, 'test', name), ...(specFile ? { specFile } : {}) });
  for (const spec of report.specs) {
    for (const finding of spec.findings) {
      const test = await exportTo(spec, finding, 'x.t.sol');
      const twin = await exportTo(spec, finding, 'x.t.sol', twinOf(spec.file));
      specExports.push({ finding, test, twin });
    }
  }

  const suiteReport = JSON.parse(await readFile(path.join(here, 'fixtures/suite/suite-report.json'), 'utf8')) as Report;
  await copyFile(path.join(here, 'fixtures/suite/CounterSuites.t.sol'), path.join(project, 'test/CounterSuites.t.sol'));
  for (const spec of suiteReport.specs) {
    for (const finding of spec.findings) {
      const suite = (spec as { suite: { contract: string } }).suite;
      const correct = { ...spec, name: spec.name.replace('Buggy', ''), suite: { ...suite, contract: suite.contract.replace('Buggy', '') } } as SpecResult;
      const outFile = path.join(project, 'test', 'x.t.sol');
      const test = await exportFinding({ report: suiteReport, reportPath: 'r.json', spec, finding, root: project, outFile });
      const twin = await exportFinding({ report: suiteReport, reportPath: 'r.json', spec: correct, finding, root: project, outFile });
      suiteExports.push({ finding, test, twin });
    }
  }
  for (const t of [...specExports, ...suiteExports].flatMap((e) => [e.test, e.twin])) {
    await writeFile(path.join(project, 'test', `${t.contractName}.t.sol`), t.source);
  }
  await copyFile(path.join(here, 'fixtures/ForgeStdLite.t.sol'), path.join(project, 'test/ForgeStdLite.t.sol'));
  // `^test_`: the suites' own invariant_ functions (inherited by the repro contracts) are not fuzzed here.
  results = await runForgeTests(project, ['--match-test', '^test_']);
}, 300_000);

afterAll(async () => {
  if (project && !process.env.VIGIL_KEEP_TMP) await rm(project, { recursive: true, force: true });
});

function resultOf(t: ExportedTest): ForgeTestResult {
  const r = results.find((x) => x.contract === t.contractName && x.test === `${t.testName}()`);
  if (!r) throw new Error(`forge did not run ${t.contractName}.${t.testName}`);
  return r;
}

describe('exported Foundry tests of TypeScript specs, run by forge', () => {
  it('covers an invariant, a property and an assertion finding', () => {
    const ids = specExports.map((e) => e.finding.id);
    expect(ids).toEqual(expect.arrayContaining([
      'TokenBuggy:invariant:supplyIsSumOfBalances',
      'TokenBuggy:property:transferConserves',
      'LockBuggy:invariant:notBroken',
      'LockBuggy:assertion:targets/statemachine/LockBuggy.sol:45',
      'VaultBuggy:property:sharePriceNeverDecreases',
    ]));
  });

  it('translates every check of these specs and fails in forge for the reason Vigil gave', () => {
    for (const { finding, test } of specExports) {
      expect({ id: finding.id, status: test.status, warnings: test.warnings }).toEqual({ id: finding.id, status: 'complete', warnings: [] });
      const r = resultOf(test);
      expect({ id: finding.id, passed: r.passed }).toEqual({ id: finding.id, passed: false });
      expect(r.reason?.startsWith(test.expectedFailure!), `${finding.id}: forge said "${r.reason}", expected "${test.expectedFailure}"`).toBe(true);
    }
    const assertion = specExports.find((e) => e.finding.kind === 'assertion')!;
    expect(resultOf(assertion.test).reason).toBe('panic: assertion failed (0x01)');
    // The failing call is a typed call, so forge fails on it directly.
    expect(assertion.test.source).toContain('lock.step4Checked(7);');
  });

  it('fails the same way in Vigil\'s own EVM (what `vigil export` checks before writing) as in forge', async () => {
    for (const { finding, test } of specExports) {
      const v = await runExportInVigil(test, path.join(root, '.vigil', 'cache', 'compile'));
      expect({ id: finding.id, ...v }).toEqual({ id: finding.id, outcome: 'failed', reason: resultOf(test).reason });
      expect(judgeVerification(test, v).status).toBe('complete');
    }
  }, 120_000);

  it('passes in forge when the same sequence runs against the correct twin', () => {
    for (const { finding, twin } of specExports) {
      expect(twin.warnings.join(' ')).toContain('no longer fails');
      const r = resultOf(twin);
      expect({ id: finding.id, passed: r.passed, reason: r.reason }).toEqual({ id: finding.id, passed: true });
    }
  });
});

describe('exported Foundry tests of Solidity-native suites, from the report alone', () => {
  it('fails with the suite\'s own message or panic, and passes against the fixed suite', () => {
    const reasons = suiteExports.map((e) => [e.finding.id, resultOf(e.test).reason]);
    expect(reasons).toEqual([
      ['BuggyCounterInvariants:invariant:invariant_countCapped', 'count above cap: 6 > 3'],
      ['BuggyCounterInvariants:assertion:test/CounterSuites.t.sol:21', 'panic: assertion failed (0x01)'],
      ['BuggyCounterEchidna:invariant:echidna_countCapped', 'invariant echidna_countCapped broken'],
      ['BuggyCounterEchidna:assertion:test/CounterSuites.t.sol:87', 'panic: assertion failed (0x01)'],
    ]);
    for (const e of suiteExports) {
      expect(e.test.status).toBe('complete');
      if (e.test.expectedFailure !== undefined) expect(resultOf(e.test).reason?.startsWith(e.test.expectedFailure)).toBe(true);
    }
    for (const e of suiteExports) expect({ id: e.finding.id, passed: resultOf(e.twin).passed }).toEqual({ id: e.finding.id, passed: true });
  });

  it('imports the suite relative to where the test is written; inherits a forge suite, deploys an Echidna one from 0x30000', () => {
    const [foundry, , echidna] = suiteExports.map((e) => e.test.source);
    expect(foundry).toContain('import {BuggyCounterInvariants} from "./CounterSuites.t.sol";');
    expect(foundry).toContain('contract VigilRepro_BuggyCounterInvariants_invariant_invariant_countCapped is BuggyCounterInvariants {');
    expect(echidna).toContain('contract VigilRepro_BuggyCounterEchidna_invariant_echidna_countCapped {');
    expect(echidna).toContain('suite_ = new BuggyCounterEchidna();');
    expect(echidna).toContain('_vigilCall(address(suite_), 0, hex"1003e2d20000000000000000000000000000000000000000000000000000000000000004");');
  });
});

describe('forge-std-lite', () => {
  it('passes its own tests in forge (bound, makeAddr, assertion messages, cheatcode selectors)', () => {
    const own = results.filter((r) => r.contract === 'ForgeStdLiteTest');
    expect(own.length).toBeGreaterThanOrEqual(6);
    expect(own.filter((r) => !r.passed)).toEqual([]);
  });
});
