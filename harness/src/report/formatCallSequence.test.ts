import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sampleReport.js';
import { formatCallSequence } from './formatCallSequence.js';

describe('formatCallSequence', () => {
  const [invariant, assertion] = sampleReport().specs[1]!.findings;

  it('numbers the calls and shows warps, rolls and decoded arguments', () => {
    expect(formatCallSequence(invariant!.shrunk.calls)).toEqual([
      '1. 0x0000000000000000000000000000000000010000 calls BuggyVault.deposit(1000)',
      '2. [warp +86400s, roll +7200] 0x0000000000000000000000000000000000020000 calls BuggyVault.accrue()',
    ]);
  });

  it('shows the value sent and how a reverting call ended', () => {
    expect(formatCallSequence(assertion!.shrunk.calls)).toEqual([
      '1. 0x0000000000000000000000000000000000010000 calls BuggyVault.depositEth() with 1000000000000000000 wei',
      '2. 0x0000000000000000000000000000000000010000 calls BuggyVault.withdraw(2000000000000000000) -> revert: Panic(0x01: assertion failed)',
    ]);
  });
});
