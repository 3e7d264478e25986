import { classifySeverity } from '../../recommend/classifySeverity.js';
import type { Severity } from '../../recommend/types.js';
import type { Finding } from '../../report/types.js';
import type { AttackerGain, ValueFlow } from './valueFlows.js';

export interface BountySeverity {
  level: Severity;
  /** Why, each a sentence a triager can check against the trace. */
  reasons: string[];
  /** What the write-up does not show and a triager will ask for. */
  caveats: string[];
}

/**
 * The severity class a bounty platform would start from (Critical: theft of principal,
 * insolvency or permanent freeze; High: theft of yield or temporary freeze; Medium: griefing).
 * The broken check gives the class, by the same rule `vigil recommend` uses; the trace then
 * raises it when the attacker's accounts end with more of an asset than they started with,
 * and the caveats say when the trace does not show the loss the class claims.
 */
export function bountySeverity(finding: Finding, gains: readonly AttackerGain[], paidOut: readonly ValueFlow[] = []): BountySeverity {
  const base = classifySeverity(finding);
  const reasons = [...base.reasons];
  // When the trace raises the class, the check's own reading is kept, marked as superseded.
  const raise = (to: Severity) => {
    reasons[0] = `from the check alone: ${base.level} (${base.reasons[0]})`;
    level = to;
  };
  const caveats: string[] = [];
  const won = gains.filter((g) => g.net > 0n);
  const shown = won.map((g) => `${g.net} of \`${g.asset}\``).join(', ');
  let level = base.level;
  if (won.length > 0) {
    reasons.push(`the trace moves value to the attacker: its accounts end the sequence with ${shown} more than they started with`);
    if (level !== 'Critical') {
      raise('Critical');
      reasons.push('value taken from the protocol or its users is theft of principal, whatever the check was named');
    }
  } else if (paidOut.length > 0 && level === 'Medium') {
    // The breaking call itself pays the attacker out of the protocol; only the attacker's own
    // earlier payments keep the net at zero, so this is at least a loss the protocol bears.
    raise('High');
    const paid = paidOut.map((f) => `${f.amount} of \`${f.asset}\` from \`${f.from}\``).join(', ');
    reasons.push(`the call that breaks the check pays the attacker ${paid}, a contract of the protocol`);
    caveats.push('over the whole sequence the attacker gains nothing net (it paid in as much before): show a repetition that profits to argue Critical');
  } else if (level === 'Critical') {
    const moved = gains.some((g) => g.received > 0n);
    caveats.push(moved
      ? 'the attacker\'s accounts receive value in the trace but end with no net gain: show the loss (e.g. a withdrawal of the extra balance) or expect a downgrade'
      : 'no transfer to the attacker shows in the trace\'s events: the broken check is the evidence; show the loss in the proof of concept or expect a downgrade');
  }
  if (finding.kind === 'assertion' && won.length === 0) caveats.push('an assertion failure alone is often triaged as Medium unless a loss follows from the state it reached');
  return { level, reasons, caveats };
}
