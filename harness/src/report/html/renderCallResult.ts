import { formatCount } from './formatCount.js';
import { html } from './html.js';
import { statusBadge } from './statusBadge.js';
import type { SafeHtml } from './SafeHtml.js';
import type { CallResultRecord } from '../types.js';

/** Success or revert with its decoded reason (or the raw return data when it did not decode), and the gas used. */
export function renderCallResult(result: CallResultRecord | undefined): SafeHtml {
  if (result === undefined) return html`<span class="muted">not recorded</span>`;
  const raw = result.returnData !== undefined && result.returnData !== '0x' ? result.returnData : undefined;
  const shown = result.decoded ?? (result.status === 'success' ? undefined : raw ?? '(no data)');
  return html`${statusBadge(result.status)} <span class="gas">gas ${formatCount(result.gasUsed)}</span>${
    shown === undefined ? '' : html`<div class="reason"><code>${shown}</code></div>`
  }`;
}
