import type { SpecResult } from './types.js';

/** The counts both renderers print for a spec, computed in one place so they never disagree. */
export interface SpecSummary {
  failed: number;
  passed: number;
  errored: number;
  stale: number;
  calls: number;
  reverts: number;
  /** Whole percent of calls that reverted. */
  revertPercent: number;
  callsPerSec: number;
  /** Whole percent of instructions covered; undefined when no bytecode was measured. */
  coveragePercent: number | undefined;
}

export function summarizeSpec(spec: SpecResult): SpecSummary {
  const covered = sum(spec.coverage.contracts.map((c) => c.instructionsCovered));
  const total = sum(spec.coverage.contracts.map((c) => c.instructionsTotal));
  return {
    // Each finding is a failed test in forge's sense; an assertion has no check of its own.
    failed: spec.findings.length,
    passed: spec.checks.filter((c) => c.status === 'passed').length,
    errored: spec.checks.filter((c) => c.status === 'error').length,
    stale: spec.staleFindings?.length ?? 0,
    calls: spec.stats.calls,
    reverts: spec.stats.reverts,
    revertPercent: percent(spec.stats.reverts, spec.stats.calls) ?? 0,
    callsPerSec: Math.round(spec.stats.callsPerSec),
    coveragePercent: percent(covered, total),
  };
}

/** Adds summaries of several specs, for the final line of a run. */
export function totalSummary(specs: SpecResult[]): SpecSummary {
  const parts = specs.map(summarizeSpec);
  const add = (key: 'failed' | 'passed' | 'errored' | 'stale' | 'calls' | 'reverts'): number =>
    sum(parts.map((p) => p[key]));
  const covered = sum(specs.flatMap((s) => s.coverage.contracts.map((c) => c.instructionsCovered)));
  const total = sum(specs.flatMap((s) => s.coverage.contracts.map((c) => c.instructionsTotal)));
  return {
    failed: add('failed'),
    passed: add('passed'),
    errored: add('errored'),
    stale: add('stale'),
    calls: add('calls'),
    reverts: add('reverts'),
    revertPercent: percent(add('reverts'), add('calls')) ?? 0,
    // Averaging the specs' rates would weigh a short spec like a long one.
    callsPerSec: rate(add('calls'), sum(specs.map((s) => s.stats.durationMs))),
    coveragePercent: percent(covered, total),
  };
}

function percent(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.round((part / whole) * 100);
}

function rate(calls: number, durationMs: number): number {
  return durationMs === 0 ? 0 : Math.round(calls / (durationMs / 1000));
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
