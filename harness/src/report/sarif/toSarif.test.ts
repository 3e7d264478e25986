import { describe, expect, it } from 'vitest';
import { sampleReport } from '../fixtures/sampleReport.js';
import type { Report } from '../types.js';
import { formatSarif } from './formatSarif.js';
import type { SarifLog } from './SarifLog.js';
import { toSarif } from './toSarif.js';
import { sarifSchemaErrors as schemaErrors } from './testing/sarifSchemaErrors.js';

/** The sample with what the other producers fill: Solidity locations and proof verdicts (of `vigil prove --depth 2`). */
function richReport(): Report {
  const report = sampleReport();
  report.settings.depth = 2;
  const [token, vault] = report.specs;
  const [invariant, assertion] = vault!.findings;
  invariant!.solidityLocation = { file: 'targets/vault/BuggyVault.sol', line: 29, column: 5, contract: 'BuggyVault', function: 'accrue' };
  assertion!.solidityLocation = { file: 'targets/vault/BuggyVault.sol', line: 57, column: 9, contract: 'BuggyVault' };
  token!.proofs!.push(
    { kind: 'invariant', name: 'noBalanceAboveSupply', verdict: 'unknown', depth: 3, reason: 'solver timeout after 30000 ms', location: { file: 'specs/Token.spec.ts', line: 12, column: 3 }, timeMs: 30_000 },
    { kind: 'property', name: 'transferMovesBalance', verdict: 'vacuous', reason: 'assumption at specs/Token.spec.ts:20 is unsatisfiable', timeMs: 5 },
    { kind: 'invariant', name: 'proved', verdict: 'proved-inductive', timeMs: 9 },
    { kind: 'invariant', name: 'short', verdict: 'proved-bounded', depth: 1, loopBound: 3, reason: 'depth 1, loop bound 3; depth 2 stopped: timeout after 120 s (worker stopped)', timeMs: 120_000 },
  );
  vault!.proofs = [
    { kind: 'invariant', name: 'accruedInterestBounded', verdict: 'counterexample', depth: 2, findingId: invariant!.id, timeMs: 70 },
    { kind: 'invariant', name: 'solvent', verdict: 'fuzz-only', reason: 'unbounded loop at targets/vault/BuggyVault.sol:40', timeMs: 1 },
  ];
  return report;
}

const ROOT = '/work/project';
const run = (log: SarifLog) => log.runs[0]!;

describe('toSarif', () => {
  const log = toSarif(richReport(), { root: ROOT });

  it('validates against the SARIF 2.1.0 schema, also for the plain sample and an empty run', () => {
    expect(schemaErrors(log)).toEqual([]);
    expect(schemaErrors(toSarif(sampleReport(), { root: ROOT }))).toEqual([]);
    const empty = sampleReport();
    empty.specs = [];
    expect(schemaErrors(toSarif(empty, { root: ROOT }))).toEqual([]);
  });

  it('has a validator that rejects what the schema forbids', () => {
    const broken = JSON.parse(JSON.stringify(log)) as Record<string, any>;
    broken.version = '2.0.0';
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    expect(schemaErrors(broken).length).toBeGreaterThanOrEqual(3);
  });

  it('gives one result per finding and per verdict other than proved, the counterexample verdict merged into its finding', () => {
    const results = run(log).results;
    // Spec by spec, each spec's findings before its verdicts.
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['vigil/Token/invariant/noBalanceAboveSupply', 'note'],
      ['vigil/Token/property/transferMovesBalance', 'warning'],
      ['vigil/Token/invariant/short', 'note'],
      ['vigil/Vault/invariant/accruedInterestBounded', 'error'],
      ['vigil/Vault/assertion/BuggyVault.sol:57', 'error'],
      ['vigil/Vault/invariant/solvent', 'note'],
    ]);
    expect(results.find((r) => r.ruleId.endsWith('accruedInterestBounded'))!.properties.verdict).toBe('counterexample');
    const rules = run(log).tool.driver.rules;
    for (const r of results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('has one rule per check, assertion site and proof obligation, with descriptions and the replay command as help', () => {
    const rules = run(log).tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([
      'vigil/Token/invariant/supplyIsSumOfBalances',
      'vigil/Token/invariant/noBalanceAboveSupply',
      'vigil/Token/property/transferMovesBalance',
      'vigil/Token/invariant/proved',
      'vigil/Token/invariant/short',
      'vigil/Vault/invariant/accruedInterestBounded',
      'vigil/Vault/invariant/solvent',
      'vigil/Vault/property/withdrawReturnsAssets',
      'vigil/Vault/assertion/BuggyVault.sol:57',
    ]);
    const broken = rules.find((r) => r.id === 'vigil/Vault/invariant/accruedInterestBounded')!;
    expect(broken.shortDescription.text).toBe('Vault: invariant accruedInterestBounded');
    expect(broken.fullDescription.text).toContain('must hold on every state');
    expect(broken.help.text).toContain('npx vigil replay reports/vigil-report.json --finding Vault:invariant:accruedInterestBounded');
    expect(rules[0]!.help.text).toContain('npx vigil run specs/Token.spec.ts');
  });

  it('points at the Solidity location, then the spec check, then the spec file', () => {
    const [invariant, assertion] = [result(log, 'accruedInterestBounded'), result(log, 'assertion/BuggyVault.sol:57')];
    expect(invariant!.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'targets/vault/BuggyVault.sol', uriBaseId: 'SRCROOT' }, region: { startLine: 29, startColumn: 5 } },
      logicalLocations: [{ name: 'accrue', fullyQualifiedName: 'BuggyVault.accrue', kind: 'function' }],
    });
    expect(invariant!.relatedLocations![0]!.physicalLocation.artifactLocation.uri).toBe('specs/Vault.spec.ts');
    expect(assertion!.locations[0]!.logicalLocations).toEqual([{ fullyQualifiedName: 'BuggyVault', kind: 'type' }]);
    const plain = toSarif(sampleReport(), { root: ROOT });
    expect(result(plain, 'accruedInterestBounded').locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'specs/Vault.spec.ts', uriBaseId: 'SRCROOT' }, region: { startLine: 24, startColumn: 5 } });
    const bare = sampleReport();
    delete bare.specs[1]!.findings[0]!.location;
    expect(result(toSarif(bare, { root: ROOT }), 'accruedInterestBounded').locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'specs/Vault.spec.ts', uriBaseId: 'SRCROOT' } });
    const vacuous = result(log, 'transferMovesBalance');
    expect(vacuous.locations[0]!.physicalLocation.artifactLocation.uri).toBe('specs/Token.spec.ts');
  });

  it('puts the shrunk counterexample in the message, one line per call, and the replay command', () => {
    expect(result(log, 'accruedInterestBounded').message.text.split('\n')).toEqual([
      'invariant accruedInterestBounded failed: accrued 2000 > cap 100 after 86400 s',
      'Counterexample (seed 0x2a, run 17; 5 calls shrunk to 2):',
      '1. 0x0000000000000000000000000000000000010000 calls BuggyVault.deposit(1000)',
      '2. [warp +86400s, roll +7200] 0x0000000000000000000000000000000000020000 calls BuggyVault.accrue()',
      'Replay: npx vigil replay reports/vigil-report.json --finding Vault:invariant:accruedInterestBounded',
    ]);
    expect(result(log, 'noBalanceAboveSupply').message.text).toBe('invariant noBalanceAboveSupply: unknown: neither proved nor refuted (within depth 3)\nReason: solver timeout after 30000 ms');
    // A bounded proof short of the depth asked is a note; one that reached it is no result.
    expect(result(log, 'short').message.text).toBe('invariant short: proved bounded, short of the depth asked (within depth 1, loop bound 3)\nReason: depth 1, loop bound 3; depth 2 stopped: timeout after 120 s (worker stopped)');
    expect(run(log).results.some((r) => r.ruleId.endsWith('supplyIsSumOfBalances'))).toBe(false);
  });

  it('keeps fingerprints and everything but the invocation times equal across runs with other timings', () => {
    const later = richReport();
    later.createdAt = '2026-02-01T00:00:00.000Z';
    later.durationMs = 99;
    later.specs[1]!.findings[0]!.firstFoundMs = 5;
    later.specs[0]!.proofs![1]!.timeMs = 1;
    const again = toSarif(later, { root: ROOT });
    expect(run(again).results.map((r) => r.partialFingerprints)).toEqual(run(log).results.map((r) => r.partialFingerprints));
    const withoutTimes = (l: SarifLog) => ({ ...l, runs: l.runs.map((r) => ({ ...r, invocations: r.invocations.map(({ startTimeUtc: _s, endTimeUtc: _e, ...i }) => i) })) });
    expect(withoutTimes(again)).toEqual(withoutTimes(log));
    expect(new Set(run(log).results.map((r) => Object.values(r.partialFingerprints)[0])).size).toBe(run(log).results.length);
  });

  it('records the invocation: command, exit code, times and spec errors / stale counterexamples as notifications', () => {
    const [inv] = run(log).invocations;
    // The Vault spec failed with a property that threw; its status is failed, not error.
    expect(inv).toMatchObject({ exitCode: 1, executionSuccessful: true, commandLine: 'npx vigil run specs --seed 0x2a' });
    expect(inv!.endTimeUtc).toBe('2025-01-15T10:20:30.123Z');
    expect(inv!.startTimeUtc).toBe('2025-01-15T10:20:19.173Z');
    expect(inv!.toolExecutionNotifications.map((n) => [n.level, n.descriptor?.id])).toEqual([
      ['note', 'STALE_COUNTEREXAMPLE'],
      ['error', 'INVARIANT_THREW'],
    ]);
    const broken = sampleReport();
    broken.specs[1]!.status = 'error';
    expect(run(toSarif(broken, { root: ROOT })).invocations[0]).toMatchObject({ exitCode: 2, executionSuccessful: false });
    const clean = sampleReport();
    clean.specs = clean.specs.slice(0, 1);
    expect(run(toSarif(clean, { root: ROOT })).invocations[0]).toMatchObject({ exitCode: 0, executionSuccessful: true });
  });

  it('resolves relative paths against SRCROOT, a folder URI, and writes absolute paths as file URIs', () => {
    expect(run(log).originalUriBaseIds.SRCROOT!.uri).toBe('file:///work/project/');
    const odd = sampleReport();
    odd.specs[1]!.findings[0]!.location = { file: 'specs/a b#1?.spec.ts', line: 1, column: 1 };
    odd.specs[1]!.findings[1]!.location = { file: '/abs/Vault.sol', line: 2, column: 0 };
    const oddLog = toSarif(odd, { root: ROOT });
    const [a, b] = [result(oddLog, 'accruedInterestBounded'), result(oddLog, 'assertion/BuggyVault.sol:57')];
    expect(a!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('specs/a%20b%231%3F.spec.ts');
    expect(b!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'file:///abs/Vault.sol' }, region: { startLine: 2 } });
    // The formats the schema names, checked without ajv-formats.
    const base = run(log).originalUriBaseIds.SRCROOT!.uri;
    for (const r of run(log).results) expect(new URL(r.locations[0]!.physicalLocation.artifactLocation.uri, base).protocol).toBe('file:');
    expect(Number.isNaN(Date.parse(run(log).invocations[0]!.startTimeUtc))).toBe(false);
  });

  it('formats as pretty JSON with a trailing newline', () => {
    const text = formatSarif(richReport(), { root: ROOT });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(log);
  });
});

function result(l: SarifLog, ruleIdEnd: string) {
  const found = run(l).results.find((r) => r.ruleId.endsWith(ruleIdEnd));
  if (!found) throw new Error(`no result for ${ruleIdEnd}`);
  return found;
}
