import type { CallRecord, Finding } from '../../report/types.js';

/**
 * The shrunk sequence as numbered steps a triager can follow by hand: time jumps, sender,
 * the decoded call with its arguments and value, what it returned or why it reverted, its
 * events, and where the check first broke. The first line is the starting state.
 */
export function reproSteps(finding: Finding, start: string, brokenAfter: number): string[] {
  const lines = [`Start from ${start}.`, ''];
  finding.shrunk.calls.forEach((c, i) => {
    lines.push(`${i + 1}. ${describeCall(c)}`);
    const outcome = describeOutcome(c);
    if (outcome) lines.push(`   ${outcome}`);
    if (i + 1 === brokenAfter && finding.kind === 'invariant') lines.push(`   After this call \`${finding.name}\` no longer holds.`);
  });
  lines.push('', `Result: ${finding.message}${finding.location ? ` (the ${finding.kind} at ${finding.location.file}:${finding.location.line})` : ''}.`);
  return lines;
}

function describeCall(c: CallRecord): string {
  const wait = waitText(BigInt(c.timeDelta), BigInt(c.blockDelta));
  const value = BigInt(c.value) > 0n ? `, sending ${c.value} wei` : '';
  const args = c.args.length > 0 ? c.args.map((a) => `\`${a}\``).join(', ') : 'no arguments';
  return `${wait}From \`${c.sender}\`, call \`${c.contractName}.${c.signature}\` on \`${c.address}\` with ${args}${value}.`;
}

function waitText(seconds: bigint, blocks: bigint): string {
  if (seconds === 0n && blocks === 0n) return '';
  const parts = [seconds > 0n ? `${seconds} s` : '', blocks > 0n ? `${blocks} block${blocks === 1n ? '' : 's'}` : ''].filter((p) => p !== '');
  return `Let ${parts.join(' and ')} pass (\`vm.warp\` / \`vm.roll\`), then: `;
}

function describeOutcome(c: CallRecord): string {
  const r = c.result;
  if (r === undefined) return '';
  const events = (r.events ?? []).map((e) => `${e.contract}.${e.name}(${Object.entries(e.args).map(([k, v]) => `${k}: ${v}`).join(', ')})`);
  const head = r.status === 'success'
    ? `Succeeds${r.decoded !== undefined && r.decoded !== '' ? `, returning \`${r.decoded}\`` : ''}`
    : `Reverts${r.decoded ? ` with \`${r.decoded}\`` : ''} (the sequence goes on; the proof of concept makes this call low-level)`;
  return events.length > 0 ? `${head}; emits ${events.map((e) => `\`${e}\``).join(', ')}.` : `${head}.`;
}
