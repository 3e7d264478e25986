import type { Finding, Report, SpecResult } from '../../report/types.js';
import type { VerifiedExport } from '../exportVerifiedTest.js';
import type { BountySeverity } from './bountySeverity.js';
import type { DivergingStep } from './divergingStep.js';
import type { AttackerGain } from './valueFlows.js';

export interface BountyParts {
  report: Report;
  reportPath: string;
  spec: SpecResult;
  finding: Finding;
  severity: BountySeverity;
  gains: readonly AttackerGain[];
  diverging: DivergingStep;
  steps: readonly string[];
  fix: readonly string[];
  pauseLevers: readonly string[];
  poc: VerifiedExport;
  /** Where `vigil export --foundry` writes the test, relative, and the forge command that runs it. */
  pocPath: string;
  forgeCommand: string;
}

const CLASSES = 'Critical: theft of principal, insolvency or permanent freeze of funds; High: theft of yield or temporary freeze; Medium: griefing (no profit to the attacker, damage to users or the protocol)';

/** The write-up in the sections Immunefi, Code4rena and Sherlock submissions share. */
export function formatBounty(p: BountyParts): string {
  const { finding, spec, severity } = p;
  const calls = finding.shrunk.calls;
  const culprit = calls[p.diverging.step - 1]!;
  const senders = [...new Set(calls.map((c) => c.sender))];
  const where = finding.location ? ` (${finding.location.file}:${finding.location.line})` : '';
  const out: string[] = [
    `# ${culprit.contractName}.${culprit.function} breaks ${finding.kind} \`${finding.name}\``,
    '',
    '| | |',
    '|---|---|',
    `| Severity | **${severity.level}** |`,
    `| Target | ${[...new Set(calls.map((c) => c.contractName))].map((n) => `\`${n}\``).join(', ')} |`,
    `| Broken check | ${finding.kind} \`${finding.name}\`${where} |`,
    `| Counterexample | ${calls.length} call${calls.length === 1 ? '' : 's'} from ${senders.map((s) => `\`${s}\``).join(', ')} (shrunk from ${finding.original.calls.length}) |`,
    `| Found by | Vigil ${p.report.tool.version}, seed ${finding.seed}, run ${finding.run} (\`${finding.id}\`) |`,
    '',
    '## Summary',
    '',
    `${sentence(calls.length)} from ${senders.length === 1 ? 'one ordinary account' : `${senders.length} ordinary accounts`} breaks the ${finding.kind} \`${finding.name}\` of \`${spec.name}\`${said(finding)}. ` +
      `It breaks at step ${p.diverging.step}, \`${culprit.contractName}.${culprit.signature}\`.`,
    '',
    '## Severity',
    '',
    `**${severity.level}**, by the platforms' usual classes (${CLASSES}):`,
    '',
    ...severity.reasons.map((r) => `- ${r}.`),
    ...severity.caveats.map((c) => `- Caveat: ${c}.`),
    '',
    'The class is derived from the broken check and the trace; the platform\'s triage decides the final one.',
    '',
    '## Affected contracts and functions',
    '',
    ...affected(finding, p.diverging.step),
    '',
    '## Impact',
    '',
    ...impact(p),
    '',
    '## Steps to reproduce',
    '',
    ...p.steps,
    '',
    '## Proof of concept',
    '',
    ...poc(p),
    '',
    '## Suggested fix',
    '',
    ...p.fix,
    '',
    '## Suggested pause lever',
    '',
    ...p.pauseLevers,
    '',
    '---',
    '',
    `Written by \`vigil export --bounty\` from \`${p.reportPath}\`. Replay the counterexample with a decoded trace: \`${finding.replayCommand}\`.`,
    '',
  ];
  return out.join('\n');
}

/** The check's own message, when it says more than that the check broke. */
function said(finding: Finding): string {
  return finding.message === `${finding.kind} ${finding.name} broken` ? '' : ` (${finding.message})`;
}

function sentence(n: number): string {
  return n === 1 ? 'A single call' : `A sequence of ${n} calls`;
}

function affected(finding: Finding, step: number): string[] {
  const rows = ['| Contract | Address | Function | Source | Role in the trace |', '|---|---|---|---|---|'];
  const seen = new Map<string, { contract: string; address: string; signature: string; function: string; steps: number[] }>();
  finding.shrunk.calls.forEach((c, i) => {
    const key = `${c.address}:${c.signature}`;
    const entry = seen.get(key) ?? { contract: c.contractName, address: c.address, signature: c.signature, function: c.function, steps: [] };
    entry.steps.push(i + 1);
    seen.set(key, entry);
  });
  const loc = finding.solidityLocation;
  for (const e of seen.values()) {
    const source = loc && loc.contract === e.contract && loc.function === e.function ? `${loc.file}:${loc.line}` : '';
    const role = e.steps.includes(step) ? `step${e.steps.length === 1 ? '' : 's'} ${e.steps.join(', ')}; the check breaks here` : `step${e.steps.length === 1 ? '' : 's'} ${e.steps.join(', ')}`;
    rows.push(`| \`${e.contract}\` | \`${e.address}\` | \`${e.signature}\` | ${source} | ${role} |`);
  }
  if (loc && finding.kind === 'assertion') rows.push('', `The failing \`assert\` is at ${loc.file}:${loc.line}${loc.function ? ` in \`${loc.contract}.${loc.function}\`` : ''}.`);
  return rows;
}

function impact(p: BountyParts): string[] {
  const { finding } = p;
  const gained = p.gains.filter((g) => g.net > 0n);
  const lines = [
    `After the sequence, \`${finding.name}\` no longer holds${said(finding)}. Anything that relies on it (accounting, pricing, withdrawals) works from a wrong state from then on.`,
  ];
  if (gained.length > 0) {
    lines.push('', `Value moved to the attacker in the trace: ${gained.map((g) => `net ${g.net} of \`${g.asset}\``).join(', ')} (read from the events; balances written without an event are not counted).`);
  } else {
    lines.push('', 'The trace\'s events show no net value reaching the attacker\'s accounts; the loss is the broken guarantee itself.');
  }
  lines.push('', `The senders are plain accounts of the test (no role was granted to them beyond what the spec's set-up did), and the attack needs ${p.finding.shrunk.calls.length} call${p.finding.shrunk.calls.length === 1 ? '' : 's'}${waits(finding)}.`);
  return lines;
}

function waits(finding: Finding): string {
  const seconds = finding.shrunk.calls.reduce((a, c) => a + BigInt(c.timeDelta), 0n);
  return seconds > 0n ? ` and ${seconds} s to pass` : ', all in one block';
}

function poc(p: BountyParts): string[] {
  const { test, verified, note } = p.poc;
  const status = test.status === 'complete'
    ? `It fails in forge${test.expectedFailure ? ` with \`${test.expectedFailure}\`` : ''}, as the check failed in Vigil.`
    : 'It is **partial**: it replays the sequence but does not end with the check (see the warnings); check the final state by hand.';
  const check = verified ? `Checked in Vigil's EVM before writing${note ? `: ${note.replace(/^checked in Vigil's EVM: /, '')}` : ''}.` : (note ?? 'Not run before writing (`--no-verify`, or a Solidity-native suite, which needs its project).');
  return [
    `The Foundry test \`vigil export --foundry\` writes to \`${p.pocPath}\`. ${status} ${check}`,
    '',
    '```sh',
    p.forgeCommand,
    '```',
    ...test.warnings.map((w) => `\n> Warning: ${w}`),
    '',
    '```solidity',
    test.source.trimEnd(),
    '```',
  ];
}
