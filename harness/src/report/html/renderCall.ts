import { formatCount } from './formatCount.js';
import { html } from './html.js';
import { renderValue } from './renderValue.js';
import type { SafeHtml } from './SafeHtml.js';
import type { CallRecord } from '../types.js';

/** One call as written in a spec: `contract.function(args)`, with the time and blocks skipped before it, sender and value. */
export function renderCall(call: CallRecord): SafeHtml {
  const jumps = [
    call.timeDelta !== '0' ? `+${formatCount(call.timeDelta)} s` : '',
    call.blockDelta !== '0' ? `+${formatCount(call.blockDelta)} blocks` : '',
  ].filter((j) => j !== '');
  const args = call.args.map((a, i) => html`${i > 0 ? ', ' : ''}${renderValue(a)}`);
  const value = call.value !== '0' ? html` · value <b>${formatCount(call.value)}</b> wei` : '';
  return html`${jumps.length > 0 ? html`<div class="jump">after ${jumps.join(', ')}</div>` : ''}<code class="call" title="${call.signature}">${call.contract}.${call.function}(${args})</code>
<div class="meta">from ${renderValue(call.sender)}${value} · ${call.contractName} ${renderValue(call.address)}</div>`;
}
