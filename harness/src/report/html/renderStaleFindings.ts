import { html } from './html.js';
import type { SafeHtml } from './SafeHtml.js';
import type { StaleFinding } from '../types.js';

export function renderStaleFindings(stale: StaleFinding[]): SafeHtml {
  return html`<p>These persisted counterexamples no longer fail: the bug may be fixed, or the corpus is out of date.</p>
<ul class="stale">${stale.map((s) => html`<li><code>${s.id}</code>: ${s.message}</li>`)}</ul>`;
}
