import { existsSync } from 'node:fs';
import type { Recommendation } from '../../recommend/types.js';

/**
 * The write-up's pause-lever section: the one place the recommender's answer enters it.
 * Given the finding's recommendation (`vigil recommend`), the levers it chose, who signs them
 * and how to undo them; without one, how to get it.
 */
export function pauseLeverSection(findingId: string, reportPath: string, rec: Recommendation | undefined, recFile: string): string[] {
  if (rec === undefined) {
    return [
      'Not computed for this finding yet. The pause recommender replays the attack with each pause / freeze / limit',
      'the protocol exposes and picks the cheapest set that stops it:',
      '',
      '```sh',
      `npx vigil recommend ${reportPath} --finding '${findingId}'`,
      '```',
      '',
      `It writes \`${recFile}\`; export this write-up again and this section lists the levers, their signers and their undo.`,
    ];
  }
  if (rec.chosen === null) {
    return [`\`vigil recommend\` found no set of levers that stops this attack (${rec.status}): the protocol exposes no pause that blocks the calls above.`];
  }
  const byId = new Map(rec.levers.map((l) => [l.id, l]));
  const lines = ['Pull, in this order (`vigil recommend` replayed the counterexamples with this set pulled: it stops them):', ''];
  rec.chosen.levers.forEach((id, i) => {
    const l = byId.get(id);
    if (l === undefined) return;
    const signer = l.authority.signer ? `signed by \`${l.authority.signer}\`` : 'no signer found';
    lines.push(`${i + 1}. \`${l.call.contract}.${l.call.function}(${l.call.args.join(', ')})\` on \`${l.call.address}\` (${l.kind}, ${signer})`);
  });
  if (rec.undoPlan.length > 0) {
    lines.push('', 'Undo once fixed: ' + rec.undoPlan.map((u) => `\`${u.call.contract}.${u.call.function}(${u.call.args.join(', ')})\``).join(', ') + '.');
  }
  const batch = recFile.replace(/\.recommendation\.json$/, '.safe-batch.json');
  lines.push('', `From \`${recFile}\` (severity there: ${rec.severity.level}, urgency: ${rec.urgency.level})${existsSync(batch) ? `; the Safe Transaction Builder batch is \`${batch}\`` : ''}.`);
  return lines;
}
