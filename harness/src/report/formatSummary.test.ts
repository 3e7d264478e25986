import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sampleReport.js';
import { formatSummary } from './formatSummary.js';

describe('formatSummary', () => {
  it('prints a line per spec, a line per finding with its replay command, and the totals', () => {
    expect(formatSummary(sampleReport(), { color: false }).split('\n')).toEqual([
      'PASS  Token (specs/Token.spec.ts): 0 findings, 3 passed; 25600 calls, coverage 78%',
      'FAIL  Vault (specs/Vault.spec.ts): error[INVARIANT_THREW]: property withdrawReturnsAssets threw: TypeError: Cannot mix BigInt and other types',
      '      Vault:invariant:accruedInterestBounded (2 calls): npx vigil replay reports/vigil-report.json --finding Vault:invariant:accruedInterestBounded',
      '      Vault:assertion:targets/vault/BuggyVault.sol:57 (2 calls): npx vigil replay reports/vigil-report.json --finding Vault:assertion:targets/vault/BuggyVault.sol:57',
      'FAILED: 2 specs (1 not passed), 2 findings, 4 checks passed, 1 errored; 34600 calls in 10.95s; seed 0x2a',
      '',
    ]);
  });
});
