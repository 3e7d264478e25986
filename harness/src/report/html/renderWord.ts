import { html } from './html.js';
import type { SafeHtml } from './SafeHtml.js';

/** A storage slot or value: leading zero digits dropped (`0x0…02` shows as `0x2`), the full word in a tooltip. */
export function renderWord(hex: string): SafeHtml {
  const match = /^0x0*([0-9a-fA-F]+)$/.exec(hex);
  if (!match) return html`${hex}`;
  const short = `0x${match[1]}`;
  return short === hex ? html`${hex}` : html`<span title="${hex}">${short}</span>`;
}
