import type { RecommendationSummary } from '../../report/types.js';

/**
 * The write-up's pause-lever section: the one place the recommender's answer enters it.
 * Given the finding's recommendation (`vigil recommend` writes it into the report, and into its
 * own file), the levers it chose, who signs them, what they cost and how to undo them; without
 * one, how to get it.
 */
export function pauseLeverSection(findingId: string, reportPath: string, rec: RecommendationSummary | undefined): string[] {
  if (rec === undefined) {
    return [
      'Not computed for this finding yet. The pause recommender replays the attack with each pause / freeze / limit',
      'the protocol exposes and picks the cheapest set that stops it:',
      '',
      '```sh',
      `npx vigil recommend ${reportPath} --finding '${findingId}'`,
      '```',
      '',
      'It records its answer in the report; export this write-up again and this section lists the levers, their signers and their undo.',
    ];
  }
  if (rec.status === 'no-cover' || rec.levers.length === 0) {
    return ['`vigil recommend` found no set of levers that stops this attack: the protocol exposes no pause that blocks the calls above.'];
  }
  const lines = [`Pull, in this order (\`vigil recommend\` replayed ${rec.replayed} counterexample${rec.replayed === 1 ? '' : 's'} with this set pulled; it stopped ${rec.prevented}):`, ''];
  rec.levers.forEach((l, i) => {
    lines.push(`${i + 1}. \`${l.call}\` on \`${l.to}\` (${l.kind}, ${l.signer ? `signed by \`${l.signer}\`` : 'no signer found'})`);
  });
  const undo = rec.levers.filter((l) => l.undo !== undefined).map((l) => `\`${l.undo}\``);
  if (undo.length > 0) lines.push('', `Undo once fixed: ${undo.join(', ')}.`);
  const cost = rec.sideEffects;
  if (cost) {
    const blocked = [cost.exitsBlocked ? 'exits' : '', cost.liquidationsBlocked ? 'liquidations' : ''].filter((x) => x !== '');
    lines.push('', `Cost to honest users: ${cost.blockedCalls} of ${cost.calls} replayed honest calls blocked${blocked.length > 0 ? `; ${blocked.join(' and ')} blocked while paused` : ''}.`);
  }
  const files = rec.files;
  lines.push('', `Severity by the recommender: ${rec.severity}, urgency ${rec.urgency}${files ? `; details in \`${files.recommendation}\`${files.safeBatch ? `, Safe Transaction Builder batch \`${files.safeBatch}\`` : ''}` : ''}.`);
  return lines;
}
