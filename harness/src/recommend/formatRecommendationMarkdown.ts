import type { Recommendation, SideEffects } from './types.js';

/** The recommendation as Markdown, for the reports (pure: the same recommendation gives the same text). */
export function formatRecommendationMarkdown(rec: Recommendation): string {
  const byId = new Map(rec.levers.map((l) => [l.id, l]));
  const out: string[] = [];
  out.push(`### Pause recommendation: \`${rec.finding.id}\``, '');
  out.push(`**Severity ${rec.severity.level}**: ${rec.severity.reasons.join('; ')}.  `);
  out.push(`**Urgency ${rec.urgency.level}**: ${rec.urgency.reasons.join('; ')}.`, '');
  if (rec.chosen === null) {
    out.push('No set of the levers found stops every known form of the attack: escalate (upgrade, or a lever the spec does not declare).', '');
  } else {
    out.push('Pull, in order:', '', '| lever | kind | call | signer |', '|---|---|---|---|');
    for (const id of rec.chosen.levers) {
      const l = byId.get(id)!;
      out.push(`| \`${id}\` | ${l.kind} | \`${l.call.contract}.${l.call.function}(${l.call.args.join(', ')})\` | \`${l.authority.signer ?? '—'}\` |`);
    }
    const blocked = rec.evidence.chosenReplays.filter((r) => r.outcome === 'prevented').length;
    out.push('', `Evidence: ${blocked} of ${rec.evidence.chosenReplays.length} counterexamples stopped by replay${stopSites(rec)}.`);
    for (const r of rec.evidence.refuzz) {
      out.push(`- re-fuzz round ${r.round} with ${r.levers.map((x) => `\`${x}\``).join(' + ')}: ${r.runs} runs, ${r.calls} calls, ${r.found.length === 0 ? 'no way around found' : `found a way around (${r.found.join(', ')})`}`);
    }
    if (rec.sideEffects.chosen) out.push('', `Cost to honest users: ${formatSideEffects(rec.sideEffects.chosen)}`);
    if (rec.undoPlan.length > 0) {
      out.push('', 'Undo, once fixed:', '');
      for (const u of rec.undoPlan) out.push(`- \`${u.call.contract}.${u.call.function}(${u.call.args.join(', ')})\` from \`${u.signer ?? 'nobody found'}\``);
    }
  }
  if (rec.alternatives.length > 0) {
    out.push('', 'Alternatives (weight: rank and cost to honest users):', '');
    for (const a of rec.alternatives) out.push(`- ${a.levers.map((x) => `\`${x}\``).join(' + ')} (weight ${a.weight})`);
  }
  return `${out.join('\n')}\n`;
}

export function formatSideEffects(s: SideEffects): string {
  const blocked = s.functions.filter((f) => f.blocked > 0).map((f) => `${f.contract}.${f.function} ${f.blocked}/${f.total}`);
  const parts = [
    `${s.blockedCalls} of ${s.calls} honest calls blocked${blocked.length ? ` (${blocked.join(', ')})` : ''}`,
    s.exitsBlocked ? 'exits BLOCKED' : 'exits open',
    s.liquidationsBlocked ? 'liquidations BLOCKED' : 'liquidations open',
  ];
  for (const sc of s.scenarios) parts.push(`scenario ${sc.name}: ${sc.completed ? 'completes' : `blocked at ${sc.blockedAt!.function} (${sc.blockedAt!.reason})`}`);
  return `${parts.join('; ')}.`;
}

function stopSites(rec: Recommendation): string {
  const sites = [...new Set(rec.evidence.chosenReplays.flatMap((r) => (r.revertsAt ? [`${r.revertsAt.function}: ${r.revertsAt.reason}`] : [])))];
  return sites.length ? `; the attack now reverts at ${sites.join(', ')}` : '';
}
