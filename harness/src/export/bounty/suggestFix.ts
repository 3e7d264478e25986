import type { CallRecord, Finding } from '../../report/types.js';
import type { DivergingStep } from './divergingStep.js';

/**
 * Where to look and what must hold, read off the trace: the call after which the check first
 * broke, the check as the spec states it, and patterns in that call's inputs that commonly
 * explain such a break. Hints, never a patch: nothing here has been tried on fixed code.
 */
/** A check's source text and where it is written. */
export interface CheckSource {
  text: string;
  where: string;
}

export function suggestFix(finding: Finding, at: DivergingStep, check: CheckSource | undefined, contracts: ReadonlyMap<string, string>): string[] {
  const calls = finding.shrunk.calls;
  const call = calls[at.step - 1]!;
  const loc = finding.solidityLocation;
  const where = loc && (loc.function === call.function || finding.kind === 'assertion') ? ` (${loc.file}:${loc.line})` : '';
  const lines = [`- **Where**: step ${at.step}, \`${call.contractName}.${call.signature}\`${where}: ${at.evidence}.`];
  if (finding.kind === 'assertion' && loc) lines.push(`- **What fails**: the \`assert\` at ${loc.file}:${loc.line}. The state it rules out is reachable: guard the path that reaches it with a \`require\`, or correct the assumption.`);
  else if (check) lines.push(`- **What must hold** after every call (${check.where}); the fix should make it true in general, not special-case this sequence:`, '', '  ```ts', ...check.text.split('\n').map((l) => `  ${l}`), '  ```', '');
  lines.push(...patternHints(call, calls.slice(0, at.step - 1), contracts).map((h) => `- ${h}`));
  lines.push('', 'These are hints from where the trace diverges, not a tested patch. After a fix, `vigil run` replays this counterexample first and says loudly if it still fails.');
  return lines;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** `contracts`: the protocol's contracts by lower-case address (name), as the report's traces show them. */
function patternHints(call: CallRecord, earlier: readonly CallRecord[], contracts: ReadonlyMap<string, string>): string[] {
  const hints: string[] = [];
  const sender = call.sender.toLowerCase();
  const addresses = call.args.filter((a) => ADDRESS.test(a)).map((a) => a.toLowerCase());
  if (/transfer|send|move/i.test(call.function) && addresses.includes(sender)) {
    hints.push('The caller passes its own address as an argument: check the path where source and destination are the same account (read both balances before writing either, or reject `from == to` explicitly).');
  }
  const receiver = (c: CallRecord) => c.args.find((a) => ADDRESS.test(a) && contracts.has(a.toLowerCase()) && a.toLowerCase() !== c.address.toLowerCase());
  // Minting to a contract is a donation too (an open mint, or the attacker's own token).
  const donation = [...earlier, call].find((c) => /transfer|send|mint/i.test(c.function) && receiver(c) !== undefined);
  if (donation) {
    const to = receiver(donation)!;
    hints.push(`${donation === call ? 'The breaking call' : 'An earlier step'} sends tokens straight to \`${contracts.get(to.toLowerCase())}\` (\`${donation.contractName}.${donation.signature}\` to \`${to}\`) without calling it: if \`${contracts.get(to.toLowerCase())}\` prices or accounts from its own token balance, a donation moves it. Track deposits in storage, or round against the caller.`);
  }
  const amounts = (call.result?.events ?? []).flatMap((e) => Object.values(e.args).filter((v) => /^\d+$/.test(v)));
  if (amounts.includes('0') && amounts.some((v) => v !== '0')) {
    hints.push('The call moves a non-zero amount while another quantity of it is 0 (e.g. shares burned for assets paid): a conversion rounds to zero. Round in the protocol\'s favour (up when taking from the caller, down when paying out), and reject zero results.');
  }
  if (BigInt(call.timeDelta) > 0n || earlier.some((c) => BigInt(c.timeDelta) > 0n)) {
    hints.push('Time passes in the sequence: check accrual, expiry and deadline logic at the boundary the jump lands on.');
  }
  if (call.args.some((a) => /^\d{70,}$/.test(a))) hints.push('An argument is near the top of its type: check for unchecked arithmetic or a cast that truncates.');
  return hints;
}
