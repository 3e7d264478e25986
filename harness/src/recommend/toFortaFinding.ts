import { keccak256, stringToBytes } from 'viem';
import type { FortaFinding } from './FortaFinding.js';
import type { Recommendation } from './types.js';

/** The recommendation as a Forta-style alert, for alerting pipelines (metadata values are strings only). */
export function toFortaFinding(rec: Recommendation, options: { chainId: number; timestamp: string }): FortaFinding {
  const chosen = rec.chosen?.levers ?? [];
  const byId = new Map(rec.levers.map((l) => [l.id, l]));
  const addresses = [...new Set([...rec.levers.map((l) => l.call.address), ...rec.evidence.counterexamples.flatMap((c) => c.calls.map((x) => x.address))])].sort();
  return {
    name: `Vigil: ${rec.finding.kind} ${rec.finding.name} broken in ${rec.spec}`,
    description: `${rec.finding.message}. ${rec.chosen ? `Pull ${chosen.join(' + ')} (replay-validated).` : 'No set of levers stops every known form of the attack.'}`,
    alertId: `VIGIL-${rec.finding.kind.toUpperCase()}-${rec.finding.name.replace(/[^\w]+/g, '-').toUpperCase()}`,
    protocol: rec.spec,
    severity: rec.severity.level,
    type: 'Exploit',
    metadata: {
      findingId: rec.finding.id,
      severityReasons: rec.severity.reasons.join('; '),
      urgency: rec.urgency.level,
      levers: chosen.join(','),
      calls: chosen.map((id) => `${byId.get(id)!.call.address}:${byId.get(id)!.call.calldata}`).join(','),
      signers: chosen.map((id) => byId.get(id)!.authority.signer ?? '').join(','),
      replaysBlocked: `${rec.evidence.chosenReplays.filter((r) => r.outcome === 'prevented').length}/${rec.evidence.chosenReplays.length}`,
    },
    addresses,
    labels: [],
    uniqueKey: keccak256(stringToBytes(`${rec.finding.id}|${chosen.join(',')}`)),
    source: { chains: [{ chainId: options.chainId }] },
    timestamp: options.timestamp,
  };
}
