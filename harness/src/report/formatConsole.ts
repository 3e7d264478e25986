import picocolors from 'picocolors';
import { recommendationLines } from './recommendationLines.js';
import { summarizeSpec, totalSummary, type SpecSummary } from './summarizeSpec.js';
import type { CallRecord, CheckStatus, Finding, Report, RunStatus, SpecResult } from './types.js';

type Colors = ReturnType<typeof picocolors.createColors>;

export interface ConsoleOptions {
  color: boolean;
}

/**
 * The run as text in the shape auditors read fluently from forge:
 * `[PASS]` / `[FAIL: reason]` lines, `[Sequence] (original: N, shrunk: M)` and one line per call.
 */
export function formatConsole(report: Report, opts: ConsoleOptions): string {
  return `${formatConsoleBanner(report, opts)}${report.specs.map((s) => formatConsoleSpec(s, opts)).join('')}${formatConsoleFinal(report, opts)}`;
}

/** The warning that opens an interrupted run's text ('' otherwise). */
export function formatConsoleBanner(report: Report, opts: ConsoleOptions): string {
  if (report.interrupted !== true && report.status !== 'interrupted') return '';
  const c = picocolors.createColors(opts.color);
  return `${c.yellow(c.bold('[INTERRUPTED] the run was stopped early; results cover only the work done'))}\n\n`;
}

/** One spec's block with the blank line after it, printable as soon as the spec is done. */
export function formatConsoleSpec(spec: SpecResult, opts: ConsoleOptions): string {
  return `${specLines(spec, picocolors.createColors(opts.color)).join('\n')}\n\n`;
}

/** The last line: overall status, totals and seed. */
export function formatConsoleFinal(report: Report, opts: ConsoleOptions): string {
  return `${finalLine(report, picocolors.createColors(opts.color))}\n`;
}

function specLines(spec: SpecResult, c: Colors): string[] {
  const lines = [c.bold(`Spec ${spec.name} (${spec.file})`)];
  const printed = new Set<Finding>();
  // A `vigil prove` result: its checks were not fuzzed, so their line is the verdict.
  const verdicts = spec.stats.runs === 0 && spec.proofs !== undefined ? new Map(spec.proofs.map((p) => [`${p.kind}:${p.name}`, p])) : undefined;
  for (const check of spec.checks) {
    const findings = spec.findings.filter((f) => f.kind === check.kind && f.name === check.name);
    findings.forEach((f) => printed.add(f));
    const proof = verdicts?.get(`${check.kind}:${check.name}`);
    const line = proof !== undefined ? `${verdictLabel(proof.verdict, c)} ${check.kind} ${check.name}` : checkLine(check, c);
    lines.push(...(findings.length > 0 ? findings.flatMap((f) => findingLines(f, c)) : [line]));
  }
  // Assertion findings have no check of their own; print them after the checks.
  for (const f of spec.findings) if (!printed.has(f)) lines.push(...findingLines(f, c));
  for (const s of spec.staleFindings ?? []) {
    lines.push(c.yellow(c.bold(`[STALE] ${s.id}: persisted counterexample no longer fails: ${s.message}`)));
  }
  if (spec.error) {
    lines.push(c.red(`error[${spec.error.code}]: ${spec.error.message}`));
    lines.push(...spec.error.meta.map((m) => `  ${m}`), `Hint: ${spec.error.hint}`);
  }
  lines.push(`${c.bold(`Spec ${spec.name}:`)} ${verdicts !== undefined ? verdictTally([...verdicts.values()].map((p) => p.verdict)) : formatTally(summarizeSpec(spec), c)}`);
  return lines;
}

const checkLabel: Record<CheckStatus['status'], (c: Colors) => string> = {
  passed: (c) => c.green('[PASS]'),
  failed: (c) => c.red('[FAIL]'),
  error: (c) => c.red('[ERROR]'),
};

function verdictTally(verdicts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n} ${v}`).join(', ') || 'no checks';
}

function verdictLabel(verdict: string, c: Colors): string {
  const text = `[${verdict.toUpperCase()}]`;
  return verdict.startsWith('proved') ? c.green(text) : verdict === 'counterexample' || verdict === 'error' ? c.red(text) : c.yellow(text);
}

function checkLine(check: CheckStatus, c: Colors): string {
  return `${checkLabel[check.status](c)} ${check.kind} ${check.name} (checks: ${check.checks})`;
}

function findingLines(f: Finding, c: Colors): string[] {
  const lines = [
    `${c.red(`[FAIL: ${f.message}]`)} ${f.kind} ${f.name}`,
    `  [Sequence] (original: ${f.original.calls.length}, shrunk: ${f.shrunk.calls.length})`,
    ...f.shrunk.calls.map((call) => `    ${callLine(call, c)}`),
  ];
  const last = f.shrunk.calls.at(-1)?.result;
  if (last && last.status !== 'success') {
    lines.push(c.red(`    → ${last.status}: ${last.decoded ?? last.returnData ?? '(no data)'}`));
  }
  if (f.location) lines.push(`  at ${f.location.file}:${f.location.line}:${f.location.column}`);
  const corpus = f.replayedFromCorpus === true ? '; replayed from corpus' : '';
  lines.push(c.dim(`  seed: ${f.seed}, run: ${f.run}; shrink: ${f.shrink.status} after ${f.shrink.attempts} attempts${corpus}`));
  lines.push(` replay: ${c.cyan(f.replayCommand)}`);
  if (f.recommendation) lines.push(...recommendationLines(f.recommendation).map((l, i) => (i === 0 ? c.green(` ${l}`) : ` ${l}`)));
  return lines;
}

/** `warp` / `roll` come first because the chain advanced before the call was made. */
function callLine(call: CallRecord, c: Colors): string {
  const parts: string[] = [];
  if (call.timeDelta !== '0') parts.push(c.yellow(`warp +${call.timeDelta}s`));
  if (call.blockDelta !== '0') parts.push(c.yellow(`roll +${call.blockDelta}`));
  parts.push(`sender=${call.sender}`, `addr=[${call.contractName}]${call.address}`);
  if (call.value !== '0') parts.push(`value=${call.value}`);
  parts.push(`calldata=${call.signature}`, `args=[${call.args.join(', ')}]`);
  return parts.join(' ');
}

function formatTally(s: SpecSummary, c: Colors): string {
  const counts = [
    s.failed > 0 ? c.red(`${s.failed} failed`) : `${s.failed} failed`,
    s.passed > 0 ? c.green(`${s.passed} passed`) : `${s.passed} passed`,
  ];
  if (s.errored > 0) counts.push(c.red(`${s.errored} errored`));
  if (s.stale > 0) counts.push(c.yellow(`${s.stale} stale`));
  const coverage = s.coveragePercent === undefined ? 'n/a' : `${s.coveragePercent}%`;
  return `${counts.join(', ')}; ${s.calls} calls (${s.revertPercent}% reverts), ${s.callsPerSec} calls/s, coverage ${coverage}`;
}

const statusStyle: Record<RunStatus, (c: Colors, text: string) => string> = {
  passed: (c, t) => c.green(t),
  failed: (c, t) => c.red(t),
  error: (c, t) => c.red(t),
  inconclusive: (c, t) => c.yellow(t),
  interrupted: (c, t) => c.yellow(t),
};

function finalLine(report: Report, c: Colors): string {
  const n = report.specs.length;
  const status = statusStyle[report.status](c, c.bold(report.status.toUpperCase()));
  const seconds = (report.durationMs / 1000).toFixed(2);
  const proofRun = n > 0 && report.specs.every((s) => s.stats.runs === 0 && s.proofs !== undefined);
  if (proofRun) {
    return `Ran ${n} spec${n === 1 ? '' : 's'} in ${seconds}s: ${status}. ${verdictTally(report.specs.flatMap((s) => s.proofs!.map((p) => p.verdict)))}`;
  }
  const tally = formatTally(totalSummary(report.specs), c);
  return `Ran ${n} spec${n === 1 ? '' : 's'} in ${seconds}s: ${status}. ${tally}; seed ${report.settings.seed}`;
}
