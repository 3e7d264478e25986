import { html } from './html.js';
import type { SafeHtml } from './SafeHtml.js';

/**
 * A display value from the trace. Addresses are shortened to their ends (senders and contracts
 * differ there), with the whole address in a tooltip and in the copied text.
 */
export function renderValue(text: string): SafeHtml {
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) {
    return html`<span class="addr" title="${text}">${text.slice(0, 6)}…${text.slice(-6)}</span>`;
  }
  return html`${text}`;
}
