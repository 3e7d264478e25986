import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sampleReport.js';
import { summarizeSpec, totalSummary } from './summarizeSpec.js';

describe('summarizeSpec', () => {
  it('counts findings as failures and rounds percentages', () => {
    const vault = sampleReport().specs[1]!;
    expect(summarizeSpec(vault)).toEqual({
      failed: 2,
      passed: 1,
      errored: 1,
      stale: 0,
      calls: 9000,
      reverts: 1400,
      revertPercent: 16,
      callsPerSec: 2903,
      coveragePercent: 75,
    });
  });

  it('does not divide by zero for a spec that made no calls and measured nothing', () => {
    const spec = sampleReport().specs[0]!;
    spec.stats = { runs: 0, calls: 0, reverts: 0, durationMs: 0, callsPerSec: 0 };
    spec.coverage.contracts = [];
    expect(summarizeSpec(spec)).toMatchObject({ revertPercent: 0, callsPerSec: 0, coveragePercent: undefined });
    expect(totalSummary([spec])).toMatchObject({ revertPercent: 0, callsPerSec: 0, coveragePercent: undefined });
  });

  it('weighs specs by their calls and time in the total', () => {
    expect(totalSummary(sampleReport().specs)).toMatchObject({ calls: 34_600, callsPerSec: 3255, coveragePercent: 76 });
  });
});
