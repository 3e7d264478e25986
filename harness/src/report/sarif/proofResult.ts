import { provedToBound } from '../provedToBound.js';
import type { ProofRecord, SpecResult, Verdict } from '../types.js';
import { fingerprint } from './fingerprint.js';
import type { SarifLevel, SarifResult } from './SarifLog.js';
import { sarifLocation } from './sarifLocation.js';

/** A verdict that does not settle its check: anything but proved, or proved bounded short of the depth asked. */
type Unproved = Exclude<Verdict, 'proved-inductive'>;

/** How much a verdict other than "proved" should worry a reviewer. */
const verdictLevel: Record<Unproved, SarifLevel> = {
  counterexample: 'error',
  // Assumptions that no state satisfies: the check proves nothing and the spec needs fixing.
  vacuous: 'warning',
  error: 'warning',
  unknown: 'note',
  'fuzz-only': 'note',
  'proved-bounded': 'note',
};

const verdictText: Record<Unproved, string> = {
  counterexample: 'the prover found a counterexample',
  vacuous: 'vacuous: its assumptions exclude every state, so it proves nothing',
  error: 'the prover failed',
  unknown: 'unknown: neither proved nor refuted',
  'fuzz-only': 'outside the provable subset; only fuzzed',
  'proved-bounded': 'proved bounded, short of the depth asked',
};

/** Whether a proof leaves its check unsettled at the `depth` the run asked for (the exit code's reading). */
export function isUnproved(p: ProofRecord, depth: number): p is ProofRecord & { verdict: Unproved } {
  return !provedToBound(p, depth);
}

/** A proof obligation that was not proved (to the depth asked), at the check in the spec (the spec file when unknown). */
export function proofResult(p: ProofRecord & { verdict: Unproved }, spec: SpecResult, ruleId: string, ruleIndex: number): SarifResult {
  const bounds = [
    ...(p.depth !== undefined ? [`depth ${p.depth}`] : []),
    ...(p.loopBound !== undefined ? [`loop bound ${p.loopBound}`] : []),
  ];
  const lines = [
    `${p.kind} ${p.name}: ${verdictText[p.verdict]}${bounds.length > 0 ? ` (within ${bounds.join(', ')})` : ''}`,
    ...(p.reason !== undefined ? [`Reason: ${p.reason}`] : []),
    ...(p.findingId !== undefined ? [`Finding: ${p.findingId}`] : []),
  ];
  return {
    ruleId,
    ruleIndex,
    level: verdictLevel[p.verdict],
    message: { text: lines.join('\n') },
    locations: [p.location ? sarifLocation(p.location.file, p.location) : sarifLocation(spec.file)],
    partialFingerprints: { 'vigilProofId/v1': fingerprint(`${spec.name}:proof:${p.kind}:${p.name}:${p.verdict}`) },
    properties: {
      verdict: p.verdict,
      ...(p.depth !== undefined ? { depth: p.depth } : {}),
      ...(p.loopBound !== undefined ? { loopBound: p.loopBound } : {}),
      ...(p.reason !== undefined ? { reason: p.reason } : {}),
      ...(p.findingId !== undefined ? { findingId: p.findingId } : {}),
    },
  };
}
