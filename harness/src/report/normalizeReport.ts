import type { Finding, Report, SpecResult } from './types.js';

/** A fixed instant, so normalized reports compare equal and still validate. */
const EPOCH = new Date(0).toISOString();

/**
 * Zeroes the timing fields, the only ones that differ between two runs with the same seed,
 * so tests can compare whole reports. Returns a copy.
 */
export function normalizeReport(r: Report): Report {
  return { ...r, createdAt: EPOCH, durationMs: 0, specs: r.specs.map(normalizeSpec) };
}

function normalizeSpec(s: SpecResult): SpecResult {
  return {
    ...s,
    findings: s.findings.map((f): Finding => ({ ...f, firstFoundMs: 0 })),
    stats: { ...s.stats, durationMs: 0, callsPerSec: 0, ...(s.stats.hybrid ? { hybrid: { ...s.stats.hybrid, timeMs: 0 } } : {}) },
    ...(s.timeline ? { timeline: s.timeline.map((t) => ({ ...t, ms: 0 })) } : {}),
    ...(s.proofs ? { proofs: s.proofs.map((p) => ({ ...p, timeMs: 0 })) } : {}),
  };
}
