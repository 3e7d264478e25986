import { html } from './html.js';
import { renderCall } from './renderCall.js';
import { renderCallEffects } from './renderCallEffects.js';
import { renderCallResult } from './renderCallResult.js';
import { renderInvariantValues } from './renderInvariantValues.js';
import type { SafeHtml } from './SafeHtml.js';
import type { Counterexample } from '../types.js';

/** A counterexample step by step: the set-up state, then each call with its result, effects and the invariants after it. */
export function renderTrace(cx: Counterexample): SafeHtml {
  let previous = cx.invariantsBefore;
  const rows = cx.calls.map((call, i) => {
    const row = html`<tr class="step">
<td class="n">${i + 1}</td>
<td>${renderCall(call)}</td>
<td>${renderCallResult(call.result)}</td>
<td>${renderCallEffects(call)}</td>
<td>${renderInvariantValues(call.invariantsAfter, previous)}</td>
</tr>
`;
    previous = call.invariantsAfter;
    return row;
  });
  return html`<table class="trace">
<thead><tr><th>#</th><th>Call</th><th>Result</th><th>Events and storage</th><th>Invariants after</th></tr></thead>
<tbody>
<tr class="setup"><td class="n">0</td><td colspan="3" class="muted">state after set-up, before the first call</td><td>${renderInvariantValues(cx.invariantsBefore)}</td></tr>
${rows}</tbody>
</table>`;
}
