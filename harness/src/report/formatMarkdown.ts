import { summarizeSpec } from './summarizeSpec.js';
import { recommendationLines } from './recommendationLines.js';
import type { CallRecord, Finding, Report, SpecResult } from './types.js';

/** The run as Markdown for pull requests and audit notes: a summary table, then every finding with its replay command. */
export function formatMarkdown(report: Report): string {
  const findings = report.specs.flatMap((s) => s.findings);
  const sections = [
    headerLines(report),
    summaryTable(report.specs),
    ...report.specs.filter((s) => s.error).map(errorLines),
    staleLines(report.specs),
    findings.length > 0 ? ['## Findings', ''] : [],
    ...findings.map((f, i) => findingLines(f, i + 1)),
  ];
  return `${sections.flat().join('\n').trimEnd()}\n`;
}

function headerLines(r: Report): string[] {
  const s = r.settings;
  const limits = [`runs ${s.runs}`, `depth ${s.depth}`, `shrink limit ${s.shrinkLimit}`, `workers ${s.workers}`];
  if (s.timeLimitMs !== undefined) limits.push(`time limit ${s.timeLimitMs} ms`);
  return [
    `# Vigil report: ${r.status}${r.interrupted === true ? ' (interrupted)' : ''}`,
    '',
    `- Tool: ${r.tool.name} ${r.tool.version}; created ${r.createdAt}; took ${(r.durationMs / 1000).toFixed(2)} s`,
    `- Seed: ${code(s.seed)}; ${limits.join(', ')}`,
    `- Command: ${code(s.command)}`,
    `- Compiler: solc ${r.compiler.version}, EVM ${r.compiler.evmVersion}, hardfork ${r.compiler.hardfork}`,
    '',
  ];
}

function summaryTable(specs: SpecResult[]): string[] {
  const rows = specs.map((spec) => {
    const s = summarizeSpec(spec);
    const coverage = s.coveragePercent === undefined ? 'n/a' : `${s.coveragePercent}%`;
    return `| ${cell(spec.name)} | ${spec.status} | ${s.failed} | ${s.calls} | ${s.callsPerSec} | ${coverage} |`;
  });
  return [
    '| Spec | Status | Findings | Calls | Calls/s | Coverage |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

function errorLines(spec: SpecResult): string[] {
  const e = spec.error;
  if (!e) return [];
  return [
    `## Error in ${cell(spec.name)}: ${code(e.code)}`,
    '',
    text(e.message),
    '',
    ...e.meta.map((m) => `- ${text(m)}`),
    ...(e.meta.length > 0 ? [''] : []),
    `Hint: ${e.hint}`,
    '',
  ];
}

function staleLines(specs: SpecResult[]): string[] {
  const stale = specs.flatMap((s) => s.staleFindings ?? []);
  if (stale.length === 0) return [];
  return [
    '## Stale counterexamples',
    '',
    'These persisted counterexamples no longer fail: the bug may be fixed, or the corpus is out of date.',
    '',
    ...stale.map((s) => `- ${code(s.id)}: ${text(s.message)}`),
    '',
  ];
}

function findingLines(f: Finding, n: number): string[] {
  const where = f.location ? [`- Location: ${code(`${f.location.file}:${f.location.line}:${f.location.column}`)}`] : [];
  const corpus = f.replayedFromCorpus === true ? '; replayed from the corpus' : '';
  return [
    `### ${n}. ${cell(f.spec)}: ${f.kind} ${code(f.name)}`,
    '',
    ...f.message.split('\n').map((l) => `> ${text(l)}`),
    '',
    ...where,
    `- Seed ${code(f.seed)}, run ${f.run}${corpus}`,
    `- Shrink: ${f.shrink.status} after ${f.shrink.attempts} attempts; ${f.original.calls.length} calls shrunk to ${f.shrunk.calls.length}`,
    '',
    ...f.shrunk.calls.flatMap((call, i) => callLines(call, i + 1)),
    ...(f.shrunk.calls.length > 0 ? [''] : []),
    '```sh',
    f.replayCommand,
    '```',
    '',
    ...(f.recommendation ? ['```text', ...recommendationLines(f.recommendation), '```', ''] : []),
  ];
}

function callLines(call: CallRecord, n: number): string[] {
  const lines = [
    `${n}. ${code(call.signature)} on ${call.contractName} ${code(call.address)} from ${code(call.sender)}, args ${code(`[${call.args.join(', ')}]`)}`,
  ];
  const advanced: string[] = [];
  if (call.timeDelta !== '0') advanced.push(`warp +${call.timeDelta} s`);
  if (call.blockDelta !== '0') advanced.push(`roll +${call.blockDelta} blocks`);
  if (advanced.length > 0) lines.push(`   - before the call: ${advanced.join(', ')}`);
  if (call.value !== '0') lines.push(`   - value: ${call.value} wei`);
  if (call.result && call.result.status !== 'success') {
    lines.push(`   - ${call.result.status}: ${code(call.result.decoded ?? call.result.returnData ?? '(no data)')}`);
  }
  return lines;
}

/** Inline code that survives backticks in the text, by fencing with a longer run of them. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Prose from contracts and specs (revert reasons, messages): escaped so that it shows as written
 * and cannot inject links or HTML into a rendered pull request.
 */
function text(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_[\]]/g, (ch) => `\\${ch}`);
}

/** Text for a table cell or heading: a pipe or newline would break the table row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
