import type picocolors from 'picocolors';
import { formatSideEffects } from './formatRecommendationMarkdown.js';
import type { Recommendation } from './types.js';

type Colors = ReturnType<typeof picocolors.createColors>;

/** A few lines for the terminal: what to pull, from whom, the proof, the cost, the undo. */
export function formatRecommendationConsole(rec: Recommendation, c: Colors): string {
  const byId = new Map(rec.levers.map((l) => [l.id, l]));
  const sev = rec.severity.level === 'Critical' ? c.red : rec.severity.level === 'High' ? c.yellow : c.cyan;
  const lines = [
    c.bold(`Recommendation for ${rec.finding.id}`),
    `  ${sev(c.bold(rec.severity.level))}: ${rec.severity.reasons.join('; ')}`,
    `  urgency ${c.bold(rec.urgency.level)}: ${rec.urgency.reasons.join('; ')}`,
  ];
  if (rec.chosen === null) {
    lines.push(c.yellow(c.bold('  [NO COVER] no set of the levers found stops every known form of the attack')));
  } else {
    lines.push(`  ${c.bold('Pull')} (weight ${rec.chosen.weight}):`);
    for (const id of rec.chosen.levers) {
      const l = byId.get(id)!;
      lines.push(`    ${c.green(id)} [${l.kind}] ${l.call.contract}.${l.call.function}(${l.call.args.join(', ')}) from ${l.authority.signer}`);
    }
    const stopped = rec.evidence.chosenReplays.filter((r) => r.outcome === 'prevented').length;
    lines.push(`  replays: ${stopped}/${rec.evidence.chosenReplays.length} counterexamples stopped`);
    for (const r of rec.evidence.refuzz) lines.push(`  re-fuzz ${r.round}: ${r.levers.join(' + ')}: ${r.runs} runs, ${r.found.length === 0 ? 'no way around' : c.yellow(`way around found (${r.found.join(', ')})`)}`);
    if (rec.sideEffects.chosen) lines.push(`  cost: ${formatSideEffects(rec.sideEffects.chosen)}`);
    for (const u of rec.undoPlan) lines.push(`  undo: ${u.call.contract}.${u.call.function}(${u.call.args.join(', ')}) from ${u.signer ?? 'nobody found'}`);
  }
  for (const a of rec.alternatives) lines.push(c.dim(`  alternative: ${a.levers.join(' + ')} (weight ${a.weight})`));
  return `${lines.join('\n')}\n`;
}
