import type { RecommendationSummary } from './types.js';

/**
 * A finding's pause recommendation as plain lines (console and Markdown share them): what to
 * pull and from whom, the replay evidence, the cost to honest users, and where the batch is.
 */
export function recommendationLines(r: RecommendationSummary): string[] {
  if (r.status === 'no-cover') {
    return [`Pause: no set of the protocol's levers stops every known form of this attack (${r.severity}, urgency ${r.urgency})`];
  }
  const lines = [`Pause (${r.severity}, urgency ${r.urgency}): ${r.levers.map((l) => l.id).join(' + ')}`];
  for (const l of r.levers) lines.push(`  ${l.call} [${l.kind}]${l.signer ? ` from ${l.signer}` : ''}${l.undo ? `; undo: ${l.undo}` : ''}`);
  const refuzz = r.refuzz.rounds === 0 ? '' : `; re-fuzzed ${r.refuzz.rounds} round${r.refuzz.rounds === 1 ? '' : 's'} with them pulled (${r.refuzz.found} way${r.refuzz.found === 1 ? '' : 's'} around found and covered)`;
  lines.push(`  evidence: stops ${r.prevented}/${r.replayed} replayed counterexamples${refuzz}`);
  if (r.sideEffects) {
    const s = r.sideEffects;
    const open = [s.exitsBlocked ? 'exits BLOCKED' : 'exits stay open', s.liquidationsBlocked ? 'liquidations BLOCKED' : 'liquidations stay open'];
    lines.push(`  cost: ${s.blockedCalls}/${s.calls} honest calls blocked; ${open.join(', ')}`);
  }
  for (const a of r.alternatives) lines.push(`  alternative: ${a.levers.join(' + ')} (weight ${a.weight})`);
  if (r.files?.safeBatch) lines.push(`  Safe batch: ${r.files.safeBatch}${r.files.undoBatch ? ` (undo: ${r.files.undoBatch})` : ''}`);
  return lines;
}
