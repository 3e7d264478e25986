import { html } from './html.js';
import type { SafeHtml } from './SafeHtml.js';
import type { RecommendationSummary } from '../types.js';

/** A finding's pause recommendation: the levers to pull (calldata for signers), the evidence, the cost, the files. */
export function renderRecommendation(r: RecommendationSummary): SafeHtml {
  if (r.status === 'no-cover') {
    return html`<h4>Pause recommendation</h4>
<p class="warn">No set of the protocol's levers stops every known form of this attack (${r.severity}, urgency ${r.urgency}).</p>`;
  }
  const s = r.sideEffects;
  return html`<h4>Pause recommendation</h4>
<p><b>${r.severity}</b>, urgency <b>${r.urgency}</b>: pull ${r.levers.map((l) => l.id).join(' + ')}.
Stops ${r.prevented}/${r.replayed} replayed counterexamples${r.refuzz.rounds > 0 ? `; re-fuzzed ${r.refuzz.rounds} round(s) with the levers pulled` : ''}.</p>
<table class="levers">
<thead><tr><th>Lever</th><th>Kind</th><th>Call</th><th>To</th><th>Signer</th><th>Undo</th></tr></thead>
<tbody>
${r.levers.map((l) => html`<tr><td><code>${l.id}</code></td><td>${l.kind}</td><td><code>${l.call}</code><br><code class="calldata">${l.calldata}</code></td><td><code>${l.to}</code></td><td><code>${l.signer ?? 'nobody found'}</code></td><td>${l.undo ? html`<code>${l.undo}</code>` : ''}</td></tr>`)}
</tbody>
</table>
${s ? html`<p>Cost: ${s.blockedCalls}/${s.calls} honest calls blocked; exits ${s.exitsBlocked ? html`<b class="warn">blocked</b>` : 'stay open'}, liquidations ${s.liquidationsBlocked ? html`<b class="warn">blocked</b>` : 'stay open'}.</p>` : ''}
${r.alternatives.length > 0 ? html`<p class="muted">Alternatives: ${r.alternatives.map((a) => `${a.levers.join(' + ')} (weight ${a.weight})`).join('; ')}</p>` : ''}
${r.files ? html`<p class="muted">Files: <code>${r.files.recommendation}</code>${r.files.safeBatch ? html`, Safe batch <code>${r.files.safeBatch}</code>` : ''}${r.files.undoBatch ? html`, undo <code>${r.files.undoBatch}</code>` : ''}</p>` : ''}`;
}
