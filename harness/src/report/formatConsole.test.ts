import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sampleReport.js';
import { formatConsole } from './formatConsole.js';

// Built from parts so the source file itself holds no control character.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

describe('formatConsole', () => {
  const plain = formatConsole(sampleReport(), { color: false });
  const lines = plain.split('\n');

  it('prints passing checks in forge shape', () => {
    expect(lines).toContain('[PASS] invariant supplyIsSumOfBalances (checks: 12345)');
    expect(lines).toContain('[ERROR] property withdrawReturnsAssets (checks: 12)');
  });

  it('prints a finding as FAIL, sequence counts, one line per shrunk call and the replay command', () => {
    const at = lines.indexOf('[FAIL: accrued 2000 > cap 100 after 86400 s] invariant accruedInterestBounded');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  [Sequence] (original: 5, shrunk: 2)',
      '    sender=0x0000000000000000000000000000000000010000 addr=[BuggyVault]0x9bAfD307270677A3C3654B40F3F43a043B81f284 calldata=deposit(uint256) args=[1000]',
      '    warp +86400s roll +7200 sender=0x0000000000000000000000000000000000020000 addr=[BuggyVault]0x9bAfD307270677A3C3654B40F3F43a043B81f284 calldata=accrue() args=[]',
    ]);
    expect(lines).toContain(' replay: npx vigil replay reports/vigil-report.json --finding Vault:invariant:accruedInterestBounded');
  });

  it('prints assertion findings with the payable value and the revert of the last call', () => {
    const at = lines.findIndex((l) => l.startsWith('[FAIL: assertion failed'));
    expect(lines[at]).toMatch(/\] assertion BuggyVault\.sol:57$/);
    expect(lines[at + 1]).toBe('  [Sequence] (original: 3, shrunk: 2)');
    expect(lines[at + 2]).toContain(' value=1000000000000000000 calldata=depositEth() args=[]');
    expect(lines[at + 4]).toBe('    → revert: Panic(0x01: assertion failed)');
  });

  it('flags stale persisted counterexamples', () => {
    expect(lines).toContain(
      '[STALE] Token:invariant:supplyIsSumOfBalances: persisted counterexample no longer fails: totalSupply 10 != sum of balances 11',
    );
  });

  it('prints the spec error with its hint', () => {
    expect(plain).toContain('error[INVARIANT_THREW]: property withdrawReturnsAssets threw');
    expect(plain).toContain('Hint: An invariant must return a boolean');
  });

  it('ends each spec and the run with a summary line', () => {
    expect(lines).toContain('Spec Token: 0 failed, 3 passed, 1 stale; 25600 calls (12% reverts), 3400 calls/s, coverage 78%');
    expect(lines).toContain('Spec Vault: 2 failed, 1 passed, 1 errored; 9000 calls (16% reverts), 2903 calls/s, coverage 75%');
    expect(lines.at(-2)).toBe(
      'Ran 2 specs in 10.95s: FAILED. 2 failed, 4 passed, 1 errored, 1 stale; 34600 calls (13% reverts), 3255 calls/s, coverage 76%; seed 0x2a',
    );
  });

  it('has no ANSI codes without color, and colors PASS green and FAIL red with it', () => {
    expect(plain).not.toMatch(ANSI);
    const colored = formatConsole(sampleReport(), { color: true });
    expect(colored).toContain('\u001b[32m[PASS]');
    expect(colored).toContain('\u001b[31m[FAIL: ');
    expect(colored).toContain('\u001b[33m');
  });

  it('says n/a for coverage when nothing was measured, and marks an interrupted run', () => {
    const report = sampleReport();
    report.status = 'interrupted';
    report.interrupted = true;
    for (const s of report.specs) s.coverage.contracts = [];
    const out = formatConsole(report, { color: false });
    expect(out.split('\n')[0]).toMatch(/^\[INTERRUPTED\]/);
    expect(out).toContain('coverage n/a');
    expect(out).toContain(': INTERRUPTED.');
  });
});
