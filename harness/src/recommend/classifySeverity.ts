import type { Finding } from '../report/types.js';
import type { Severity, Urgency } from './types.js';

/** What a broken check's name and message say about the loss, first match wins (REFERENCE severity classes). */
const CLASSES: { test: RegExp; level: Severity; reason: string }[] = [
  { test: /solven|insolv|bad.?debt|healthy|collateral|backing|reserve|debt/i, level: 'Critical', reason: 'insolvency: positions or reserves no longer back what is owed' },
  { test: /supply|balance|sum|conserv|drain|steal|theft|principal|mint/i, level: 'Critical', reason: 'theft of principal: token accounting lets value appear from nothing' },
  { test: /frozen|stuck|lock|cannot.?withdraw|trapped/i, level: 'Critical', reason: 'permanent freeze of funds' },
  { test: /price|share|yield|interest|reward|fee|round|k\b|kPer/i, level: 'High', reason: 'theft of yield: value leaks through pricing or rounding' },
];

export function classifySeverity(finding: Pick<Finding, 'kind' | 'name' | 'message'>): { level: Severity; reasons: string[] } {
  const text = `${finding.name} ${finding.message}`;
  const hit = CLASSES.find((c) => c.test.test(text));
  if (hit) return { level: hit.level, reasons: [`${hit.reason} (check "${finding.name}")`] };
  if (finding.kind === 'assertion') return { level: 'High', reasons: ['an assert failed: the contract reached a state its authors ruled out'] };
  return { level: 'Medium', reasons: [`the check "${finding.name}" broke without a named loss: treat as griefing until shown otherwise`] };
}

/** How fast to act: how cheap the attack is to repeat, and whether pulling a lever now still helps. */
export function classifyUrgency(severity: Severity, attack: { calls: number; senders: number; waitSeconds: bigint; stoppableMidway: boolean }): { level: Urgency; reasons: string[] } {
  const reasons = [
    `the shortest attack is ${attack.calls} call${attack.calls === 1 ? '' : 's'} from ${attack.senders} ordinary account${attack.senders === 1 ? '' : 's'}`,
    attack.waitSeconds > 0n ? `it needs ${attack.waitSeconds} s to pass between calls` : 'it needs no time to pass: it fits in one block',
  ];
  if (attack.stoppableMidway) reasons.push('a lever pulled after the attack has begun still stops it');
  const cheap = attack.calls <= 3 && attack.waitSeconds === 0n;
  const level: Urgency = severity === 'Critical' && cheap ? 'immediate' : severity === 'Medium' ? 'normal' : 'high';
  return { level, reasons };
}
