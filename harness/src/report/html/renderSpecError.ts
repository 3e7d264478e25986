import { html } from './html.js';
import type { SafeHtml } from './SafeHtml.js';
import type { SpecError } from '../types.js';

/** Why a spec could not run (or a check threw): the error's code, message, where, and what to do. */
export function renderSpecError(error: SpecError): SafeHtml {
  const meta = error.meta.length === 0 ? '' : html`<ul class="meta-lines">${error.meta.map((m) => html`<li><code>${m}</code></li>`)}</ul>`;
  return html`<div class="error-box" role="alert">
<p><span class="badge tone-bad">error</span> <code>${error.code}</code></p>
<pre class="message">${error.message}</pre>
${meta}
<p class="hint"><b>Hint:</b> ${error.hint}</p>
</div>`;
}
