import { html } from './html.js';
import { renderValue } from './renderValue.js';
import { renderWord } from './renderWord.js';
import type { SafeHtml } from './SafeHtml.js';
import type { CallRecord } from '../types.js';

/** What a call left behind: the events it emitted and the storage words it changed. */
export function renderCallEffects(call: CallRecord): SafeHtml {
  const events = call.result?.events ?? [];
  const changes = call.result?.storageChanges ?? [];
  if (events.length === 0 && changes.length === 0) return html`<span class="muted">none</span>`;
  const eventItems = events.map((e) => {
    const args = Object.entries(e.args).map(([k, v], i) => html`${i > 0 ? ', ' : ''}${k}=${renderValue(v)}`);
    return html`<li class="event"><code>${e.contract}.${e.name}(${args})</code></li>`;
  });
  const changeItems = changes.map((c) => {
    // The called contract's own storage is the usual case; another address is worth naming.
    const where = c.address.toLowerCase() === call.address.toLowerCase() ? '' : html`${renderValue(c.address)} `;
    return html`<li class="sstore"><code>${where}slot ${renderWord(c.slot)}: ${renderWord(c.before)} → ${renderWord(c.after)}</code></li>`;
  });
  return html`<ul class="effects">${eventItems}${changeItems}</ul>`;
}
