import { describe, expect, it } from 'vitest';
import { provedToBound } from './provedToBound.js';
import type { ProofRecord } from './types.js';

const proof = (verdict: ProofRecord['verdict'], depth?: number): ProofRecord => ({ kind: 'invariant', name: 'x', verdict, ...(depth !== undefined ? { depth } : {}), timeMs: 0 });

describe('provedToBound', () => {
  it('settles a check proved inductive, or bounded through the depth asked for', () => {
    expect(provedToBound(proof('proved-inductive', 1), 2)).toBe(true);
    expect(provedToBound(proof('proved-bounded', 2), 2)).toBe(true);
    expect(provedToBound(proof('proved-bounded'), 2)).toBe(true);
  });

  it('does not settle a bounded proof short of the depth asked for, nor any other verdict', () => {
    expect(provedToBound(proof('proved-bounded', 1), 2)).toBe(false);
    for (const v of ['unknown', 'counterexample', 'vacuous', 'error', 'fuzz-only'] as const) expect(provedToBound(proof(v, 2), 2)).toBe(false);
  });
});
