import { formatCallSequence } from '../formatCallSequence.js';
import { provedToBound } from '../provedToBound.js';
import type { Finding, ProofRecord, SpecError, SpecResult, Verdict } from '../types.js';

export type JunitOutcome =
  | { kind: 'passed'; note?: string }
  | { kind: 'failure' | 'error'; message: string; type: string; body: string }
  | { kind: 'skipped'; message: string };

export interface JunitCase {
  name: string;
  file: string;
  line?: number;
  /** Seconds. */
  time: number;
  outcome: JunitOutcome;
}

/**
 * A spec's test cases: one per invariant and property (failed when a finding broke it, an error
 * when it threw), one per failing assertion site, one per proof obligation, and one for a spec
 * that could not run at all. A campaign checks everything at once, so a check's time is how long
 * it was under test: the whole campaign, or until its first counterexample was found. A proof
 * bounded short of the `depth` the run asked for is skipped, as the exit code counts it.
 */
export function junitCases(spec: SpecResult, depth: number): JunitCase[] {
  const cases: JunitCase[] = [];
  const shown = new Set<Finding>();
  const campaign = spec.stats.durationMs / 1000;
  for (const check of spec.checks) {
    const findings = spec.findings.filter((f) => f.kind === check.kind && f.name === check.name);
    findings.forEach((f) => shown.add(f));
    const at = findings[0]?.location;
    const base = { name: `${check.kind} ${check.name}`, file: at?.file ?? spec.file, ...(at ? { line: at.line } : {}), time: campaign };
    if (findings.length > 0) cases.push({ ...base, time: firstFound(findings), outcome: failure(findings) });
    else if (check.status === 'error') cases.push({ ...base, outcome: specError(spec.error, `${check.kind} ${check.name} errored`) });
    else cases.push({ ...base, outcome: { kind: 'passed', note: `${check.checks} checks` } });
  }
  // Assertion sites (and findings of a check the report does not list) have no check of their own.
  for (const f of spec.findings) {
    if (shown.has(f)) continue;
    cases.push({ name: `${f.kind} ${f.name}`, file: f.location?.file ?? spec.file, ...(f.location ? { line: f.location.line } : {}), time: firstFound([f]), outcome: failure([f]) });
  }
  if (spec.error && !spec.checks.some((c) => c.status === 'error')) {
    cases.push({ name: `spec ${spec.name}`, file: spec.file, time: campaign, outcome: specError(spec.error, 'the spec could not run') });
  }
  for (const p of spec.proofs ?? []) cases.push(proofCase(p, spec, depth));
  return cases;
}

function firstFound(findings: Finding[]): number {
  return Math.min(...findings.map((f) => f.firstFoundMs)) / 1000;
}

function failure(findings: Finding[]): JunitOutcome {
  const [first] = findings;
  return { kind: 'failure', type: first!.kind, message: first!.message.split('\n')[0]!, body: findings.map(findingText).join('\n\n') };
}

function findingText(f: Finding): string {
  const sol = f.solidityLocation;
  return [
    f.message,
    ...(f.location ? [`at ${f.location.file}:${f.location.line}:${f.location.column}`] : []),
    ...(sol ? [`Solidity: ${sol.file}:${sol.line}:${sol.column} (${sol.function === undefined ? sol.contract : `${sol.contract}.${sol.function}`})`] : []),
    `Counterexample (seed ${f.seed}, run ${f.run}; ${f.original.calls.length} calls shrunk to ${f.shrunk.calls.length}):`,
    ...formatCallSequence(f.shrunk.calls),
    `Replay: ${f.replayCommand}`,
  ].join('\n');
}

function specError(e: SpecError | undefined, fallback: string): JunitOutcome {
  if (!e) return { kind: 'error', type: 'ERROR', message: fallback, body: fallback };
  return { kind: 'error', type: e.code, message: e.message.split('\n')[0]!, body: [e.message, ...e.meta, `Hint: ${e.hint}`].join('\n') };
}

const proofOutcome: Record<Verdict, (p: ProofRecord, detail: string, spec: SpecResult) => JunitOutcome> = {
  'proved-inductive': (_p, d) => ({ kind: 'passed', note: `proved inductive${d}` }),
  'proved-bounded': (_p, d) => ({ kind: 'passed', note: `proved bounded${d}` }),
  counterexample: (p, d, spec) => {
    const f = spec.findings.find((x) => x.id === p.findingId);
    const message = `counterexample${d}`;
    return { kind: 'failure', type: 'counterexample', message, body: f ? findingText(f) : [message, ...(p.reason ? [p.reason] : [])].join('\n') };
  },
  // Assumptions no state meets: the check proves nothing, which is a defect of the spec.
  vacuous: (p, d) => ({ kind: 'failure', type: 'vacuous', message: `vacuous${d}`, body: p.reason ?? 'no state satisfies the assumptions' }),
  error: (p, d) => ({ kind: 'error', type: 'prover-error', message: `prover error${d}`, body: p.reason ?? 'the prover failed' }),
  unknown: (p, d) => ({ kind: 'skipped', message: `unknown${d}${p.reason ? `: ${p.reason}` : ''}` }),
  'fuzz-only': (p, d) => ({ kind: 'skipped', message: `fuzz-only${d}${p.reason ? `: ${p.reason}` : ''}` }),
};

function proofCase(p: ProofRecord, spec: SpecResult, depth: number): JunitCase {
  const bounds = [...(p.depth !== undefined ? [`depth ${p.depth}`] : []), ...(p.loopBound !== undefined ? [`loop bound ${p.loopBound}`] : [])];
  const detail = bounds.length > 0 ? ` (within ${bounds.join(', ')})` : '';
  const short = p.verdict === 'proved-bounded' && !provedToBound(p, depth);
  return {
    name: `prove ${p.kind} ${p.name}`,
    file: p.location?.file ?? spec.file,
    ...(p.location ? { line: p.location.line } : {}),
    time: p.timeMs / 1000,
    outcome: short
      ? { kind: 'skipped', message: `proved bounded only to depth ${p.depth} of ${depth}${detail}${p.reason ? `: ${p.reason}` : ''}` }
      : proofOutcome[p.verdict](p, detail, spec),
  };
}
