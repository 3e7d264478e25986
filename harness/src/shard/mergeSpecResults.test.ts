import { describe, expect, it } from 'vitest';
import type { SpecResult } from '../report/types.js';
import { mergeSpecResults } from './mergeSpecResults.js';

function spec(over: Partial<SpecResult>): SpecResult {
  return {
    name: 'S',
    file: 'specs/S.spec.ts',
    status: 'passed',
    findings: [],
    checks: [{ kind: 'invariant', name: 'x', status: 'passed', checks: 4 }],
    functions: [],
    coverage: { contracts: [{ name: 'C', instructionsCovered: 10, instructionsTotal: 50 }] },
    stats: { runs: 2, calls: 20, reverts: 1, durationMs: 5, callsPerSec: 4000 },
    ...over,
  };
}

describe('mergeSpecResults', () => {
  it('joins line coverage as a union and proof verdicts by (kind, name), first shard first', () => {
    const a = spec({
      coverage: { contracts: [{ name: 'C', instructionsCovered: 10, instructionsTotal: 50 }], lines: [{ file: 'C.sol', coverable: [1, 2, 3], covered: [1] }] },
      proofs: [{ kind: 'invariant', name: 'x', verdict: 'proved-bounded', depth: 2, timeMs: 1 }],
    });
    const b = spec({
      coverage: { contracts: [{ name: 'C', instructionsCovered: 12, instructionsTotal: 50 }], lines: [{ file: 'C.sol', coverable: [1, 2, 3], covered: [3, 2] }, { file: 'D.sol', coverable: [7], covered: [] }] },
      proofs: [{ kind: 'invariant', name: 'x', verdict: 'unknown', timeMs: 1 }, { kind: 'property', name: 'p', verdict: 'proved-inductive', timeMs: 1 }],
    });
    const { result, warnings } = mergeSpecResults([a, b], 'reports/vigil-report.json', ['a.json', 'b.json'], 2);
    expect(warnings).toEqual([]);
    expect(result.coverage).toEqual({
      contracts: [{ name: 'C', instructionsCovered: 12, instructionsTotal: 50 }],
      lines: [{ file: 'C.sol', coverable: [1, 2, 3], covered: [1, 2, 3] }, { file: 'D.sol', coverable: [7], covered: [] }],
    });
    expect(result.proofs!.map((p) => `${p.kind}:${p.name}:${p.verdict}`)).toEqual(['invariant:x:proved-bounded', 'property:p:proved-inductive']);
    expect(result.checks[0]!.checks).toBe(8);
    expect(result.stats).toMatchObject({ runs: 4, calls: 40, reverts: 2 });
  });

  it('merges the shards that ran when one reported an error, and says so', () => {
    const error = spec({ status: 'error', error: { code: 'SPEC_LOAD', message: 'boom', hint: 'h', meta: [] } });
    const { result, warnings } = mergeSpecResults([spec({}), error], 'r.json', ['a.json', 'b.json'], 2);
    expect(result.status).toBe('passed');
    expect(result.stats.runs).toBe(2);
    expect(warnings).toEqual(['S: b.json reported an error (SPEC_LOAD: boom); merged the other shards']);
    expect(mergeSpecResults([error, error], 'r.json', ['a.json', 'b.json'], 2).result).toBe(error);
  });
});
