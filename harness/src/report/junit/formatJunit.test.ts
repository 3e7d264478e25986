import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../fixtures/sampleReport.js';
import type { Report } from '../types.js';
import { formatJunit } from './formatJunit.js';
import { parseStrictXml, type XmlNode } from './testing/parseStrictXml.js';

const child = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
const outcomeOf = (tc: XmlNode) => tc.children.find((c) => ['failure', 'error', 'skipped'].includes(c.name))?.name ?? 'passed';

/** The sample as `vigil prove --depth 2` writes it, with proof verdicts of every kind. */
function withProofs(): Report {
  const report = sampleReport();
  report.settings.depth = 2;
  report.specs[0]!.proofs!.push(
    { kind: 'invariant', name: 'allowanceNeverNegative', verdict: 'proved-bounded', depth: 1, loopBound: 4, reason: 'depth 1, loop bound 4; depth 2 stopped: timeout after 120 s (worker stopped)', timeMs: 120_000 },
    { kind: 'invariant', name: 'noBalanceAboveSupply', verdict: 'unknown', depth: 3, reason: 'solver timeout after 30000 ms', timeMs: 30_000 },
    { kind: 'property', name: 'transferMovesBalance', verdict: 'fuzz-only', reason: 'external call at specs/Token.spec.ts:20', timeMs: 2 },
    { kind: 'invariant', name: 'vacuity', verdict: 'vacuous', timeMs: 3 },
    { kind: 'invariant', name: 'crash', verdict: 'error', reason: 'z3 ran out of memory', timeMs: 4 },
  );
  report.specs[1]!.proofs = [
    { kind: 'invariant', name: 'accruedInterestBounded', verdict: 'counterexample', findingId: 'Vault:invariant:accruedInterestBounded', timeMs: 70 },
  ];
  return report;
}

describe('formatJunit', () => {
  const root = parseStrictXml(formatJunit(withProofs()));
  const suites = child(root, 'testsuite');
  const cases = (suite: number) => child(suites[suite]!, 'testcase');
  const byName = (suite: number, name: string) => cases(suite).find((c) => c.attributes.name === name)!;

  it('writes testsuites > testsuite per spec > testcase with the attributes CI systems read', () => {
    expect(root.name).toBe('testsuites');
    expect(suites.map((s) => s.attributes.name)).toEqual(['Token', 'Vault']);
    for (const node of [root, ...suites]) {
      for (const attr of ['tests', 'failures', 'errors', 'skipped', 'time']) expect(node.attributes[attr], `${node.name} ${attr}`).toMatch(/^\d+(\.\d+)?$/);
    }
    for (const s of suites) {
      expect(s.attributes.timestamp).toBe('2025-01-15T10:20:19');
      const tcs = child(s, 'testcase');
      expect(Number(s.attributes.tests)).toBe(tcs.length);
      for (const [attr, kind] of [['failures', 'failure'], ['errors', 'error'], ['skipped', 'skipped']] as const) {
        expect(Number(s.attributes[attr]), `${s.attributes.name} ${attr}`).toBe(tcs.filter((t) => outcomeOf(t) === kind).length);
      }
      for (const t of tcs) {
        expect(t.attributes.classname).toBe(s.attributes.name);
        expect(t.attributes.time).toMatch(/^\d+\.\d{3}$/);
      }
    }
    for (const attr of ['tests', 'failures', 'errors', 'skipped']) {
      expect(Number(root.attributes[attr])).toBe(suites.reduce((a, s) => a + Number(s.attributes[attr]), 0));
    }
    expect(root.attributes.time).toBe('10.950');
    expect(suites[0]!.attributes.time).toBe('7.530');
  });

  it('has a case per invariant and property, per failing assertion site and per proof obligation', () => {
    expect(cases(0).map((c) => [c.attributes.name, outcomeOf(c)])).toEqual([
      ['invariant supplyIsSumOfBalances', 'passed'],
      ['invariant noBalanceAboveSupply', 'passed'],
      ['property transferMovesBalance', 'passed'],
      ['prove invariant supplyIsSumOfBalances', 'passed'],
      ['prove invariant allowanceNeverNegative', 'skipped'],
      ['prove invariant noBalanceAboveSupply', 'skipped'],
      ['prove property transferMovesBalance', 'skipped'],
      ['prove invariant vacuity', 'failure'],
      ['prove invariant crash', 'error'],
    ]);
    expect(cases(1).map((c) => [c.attributes.name, outcomeOf(c)])).toEqual([
      ['invariant accruedInterestBounded', 'failure'],
      ['invariant solvent', 'passed'],
      ['property withdrawReturnsAssets', 'error'],
      ['assertion BuggyVault.sol:57', 'failure'],
      ['prove invariant accruedInterestBounded', 'failure'],
    ]);
  });

  it('puts the decoded shrunk sequence and the replay command in a failure', () => {
    const tc = byName(1, 'invariant accruedInterestBounded');
    expect(tc.attributes).toMatchObject({ file: 'specs/Vault.spec.ts', line: '24', time: '1.204' });
    const [failure] = child(tc, 'failure');
    expect(failure!.attributes).toEqual({ message: 'accrued 2000 > cap 100 after 86400 s', type: 'invariant' });
    expect(failure!.text.split('\n')).toEqual([
      'accrued 2000 > cap 100 after 86400 s',
      'at specs/Vault.spec.ts:24:5',
      'Counterexample (seed 0x2a, run 17; 5 calls shrunk to 2):',
      '1. 0x0000000000000000000000000000000000010000 calls BuggyVault.deposit(1000)',
      '2. [warp +86400s, roll +7200] 0x0000000000000000000000000000000000020000 calls BuggyVault.accrue()',
      'Replay: npx vigil replay reports/vigil-report.json --finding Vault:invariant:accruedInterestBounded',
    ]);
    const assertion = child(byName(1, 'assertion BuggyVault.sol:57'), 'failure')[0]!;
    expect(assertion.attributes.message).toBe('assertion failed: assert(shares <= balanceOf[msg.sender])');
    expect(assertion.text).toContain('-> revert: Panic(0x01: assertion failed)');
    expect(child(byName(1, 'prove invariant accruedInterestBounded'), 'failure')[0]!.text).toContain('Replay: npx vigil replay');
  });

  it('reports spec errors as errors, with the hint, and a spec that never ran as one error case', () => {
    const error = child(byName(1, 'property withdrawReturnsAssets'), 'error')[0]!;
    expect(error.attributes.type).toBe('INVARIANT_THREW');
    expect(error.text).toContain('Hint: An invariant must return a boolean');
    const report = sampleReport();
    report.specs[1] = { ...report.specs[1]!, status: 'error', checks: [], findings: [], proofs: undefined };
    delete report.specs[1]!.proofs;
    const broken = child(parseStrictXml(formatJunit(report)), 'testsuite')[1]!;
    expect(child(broken, 'testcase').map((c) => [c.attributes.name, outcomeOf(c)])).toEqual([['spec Vault', 'error']]);
    expect(broken.attributes).toMatchObject({ tests: '1', errors: '1', failures: '0' });
  });

  it('skips unknown and fuzz-only proofs with the reason and bounds, and times proofs by their own time', () => {
    const unknown = byName(0, 'prove invariant noBalanceAboveSupply');
    expect(child(unknown, 'skipped')[0]!.attributes.message).toBe('unknown (within depth 3): solver timeout after 30000 ms');
    expect(unknown.attributes.time).toBe('30.000');
    expect(child(byName(0, 'prove invariant supplyIsSumOfBalances'), 'system-out')[0]!.text).toBe('proved bounded (within depth 2, loop bound 4)');
  });

  it('skips a bounded proof short of the depth the run asked for, as the exit code does', () => {
    const short = byName(0, 'prove invariant allowanceNeverNegative');
    expect(child(short, 'skipped')[0]!.attributes.message).toBe('proved bounded only to depth 1 of 2 (within depth 1, loop bound 4): depth 1, loop bound 4; depth 2 stopped: timeout after 120 s (worker stopped)');
    const deeper = withProofs();
    deeper.settings.depth = 3;
    const again = child(child(parseStrictXml(formatJunit(deeper)), 'testsuite')[0]!, 'testcase').find((c) => c.attributes.name === 'prove invariant supplyIsSumOfBalances')!;
    expect(outcomeOf(again)).toBe('skipped');
  });

  it('lists stale counterexamples and the spec settings', () => {
    expect(child(suites[0]!, 'system-out')[0]!.text).toContain('stale counterexample Token:invariant:supplyIsSumOfBalances');
    const report = sampleReport();
    report.specs[0]!.settings = { seed: '7', runs: 10, depth: 5, shrinkLimit: 100 };
    const props = child(child(child(parseStrictXml(formatJunit(report)), 'testsuite')[0]!, 'properties')[0]!, 'property');
    expect(props.map((p) => [p.attributes.name, p.attributes.value])).toEqual([['seed', '7'], ['runs', '10'], ['depth', '5'], ['calls', '25600'], ['reverts', '3072']]);
  });

  // Revert reasons and spec messages come from code under test: any character can turn up.
  const nasty = `a<b>&"c'\n\tline2\r${String.fromCharCode(0)}${String.fromCharCode(0x1b)}[31m\uFFFF${String.fromCharCode(0xd800)} ]]> \u{1F600}`;
  const shown = `a<b>&"c'\n\tline2\r\\u0000\\u001B[31m\\uFFFF\\uD800 ]]> \u{1F600}`;
  const nastyXml = (): string => {
    const report = sampleReport();
    const f = report.specs[1]!.findings[0]!;
    f.message = nasty;
    f.name = `x"<&>`;
    report.specs[1]!.checks[0]!.name = f.name;
    return formatJunit(report);
  };

  it('escapes markup, keeps newlines, tabs and carriage returns, and makes characters XML forbids visible', () => {
    const xml = nastyXml();
    const tc = child(parseStrictXml(xml), 'testsuite')[1]!.children.find((c) => c.name === 'testcase')!;
    expect(tc.attributes.name).toBe('invariant x"<&>');
    const failure = child(tc, 'failure')[0]!;
    expect(failure.attributes.message).toBe('a<b>&"c\'');
    expect(failure.text.startsWith(`${shown}\nat specs/Vault.spec.ts:24:5`)).toBe(true);
  });

  const python = spawnSync('python3', ['-c', 'import xml.dom.minidom'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!python)('is accepted by a real XML parser (Python expat)', () => {
    for (const xml of [formatJunit(withProofs()), nastyXml()]) {
      const check = spawnSync('python3', ['-c', 'import sys, xml.dom.minidom; d = xml.dom.minidom.parseString(sys.stdin.buffer.read()); print(d.documentElement.tagName, len(d.getElementsByTagName("testcase")))'], { input: xml, encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.stdout).toMatch(/^testsuites \d+\n$/);
    }
  });
});
