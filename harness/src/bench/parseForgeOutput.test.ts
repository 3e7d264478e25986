import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseForgeDuration, parseForgeOutput } from './parseForgeOutput.js';

// Real `forge test -vv --match-test invariant_` output captured from forge 1.7.1.
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseForgeOutput', () => {
  it('reads counts and timings of a passing invariant suite', () => {
    const out = parseForgeOutput(fixture('forge-invariant-pass.txt'));
    expect(out.tests).toEqual([
      { name: 'invariant_totalSupplyEqualsGhostSum', passed: true, runs: 256, calls: 128000, reverts: 0 },
      { name: 'invariant_totalSupplyEqualsSumOfBalances', passed: true, runs: 256, calls: 128000, reverts: 0 },
    ]);
    expect(out.suites).toEqual([
      { ok: true, passed: 2, failed: 0, skipped: 0, seconds: 11.17, cpuSeconds: 18.97 },
    ]);
  });

  it('reads failures with their reason and ignores the "Failing tests" recap', () => {
    const out = parseForgeOutput(fixture('forge-invariant-fail.txt'));
    expect(out.tests.map((t) => [t.name, t.passed, t.reason])).toEqual([
      ['invariant_totalSupplyEqualsGhostSum', false, 'totalSupply != ghost sum of balances'],
      ['invariant_totalSupplyEqualsSumOfBalances', false, 'totalSupply != sum of actor balances'],
    ]);
    expect(out.suites).toHaveLength(1);
    expect(out.suites[0]).toMatchObject({ ok: false, passed: 0, failed: 2 });
    expect(out.suites[0]!.seconds).toBeCloseTo(0.728, 6);
  });

  it('accepts colour codes and the older one-line FAIL format', () => {
    const text = '\u001b[31m[FAIL. Reason: boom]\u001b[0m invariant_a() (runs: 3, calls: 30, reverts: 2)';
    expect(parseForgeOutput(text).tests).toEqual([
      { name: 'invariant_a', passed: false, reason: 'boom', runs: 3, calls: 30, reverts: 2 },
    ]);
  });
});

describe('parseForgeDuration', () => {
  it('converts Rust Duration debug strings to seconds', () => {
    expect(parseForgeDuration('11.55s')).toBe(11.55);
    expect(parseForgeDuration('496.21ms')).toBeCloseTo(0.49621, 9);
    expect(parseForgeDuration('19.28µs')).toBeCloseTo(19.28e-6, 12);
    expect(parseForgeDuration('12.00ns')).toBeCloseTo(12e-9, 15);
    expect(() => parseForgeDuration('soon')).toThrow(/unrecognised/);
  });
});
