import type { Finding } from '../../report/types.js';

export interface DivergingStep {
  /** 1-based step after which the check is first broken. */
  step: number;
  /** How that is known. */
  evidence: string;
}

/**
 * Where the trace goes wrong: for an invariant, the first step after which the replay saw it
 * broken (it held on the set-up state); for a property or an assertion, the last call, the one
 * the check is about. The report's replayed invariant values are the evidence.
 */
export function divergingStep(finding: Finding): DivergingStep {
  const calls = finding.shrunk.calls;
  const last = calls.length;
  if (finding.kind !== 'invariant') {
    return { step: last, evidence: finding.kind === 'property' ? `the property is checked on step ${last}, the last call` : `the assertion fails inside step ${last}, the last call` };
  }
  const before = finding.shrunk.invariantsBefore?.find((v) => v.name === finding.name);
  const index = calls.findIndex((c) => c.invariantsAfter?.some((v) => v.name === finding.name && !v.holds));
  if (index < 0) return { step: last, evidence: `the invariant is reported broken after step ${last}` };
  const held = before?.holds === false ? 'it was already broken on the set-up state' : `it held${index > 0 ? ` up to step ${index}` : ' on the set-up state'}`;
  return { step: index + 1, evidence: `the replay shows \`${finding.name}\` broken right after step ${index + 1}; ${held}` };
}
