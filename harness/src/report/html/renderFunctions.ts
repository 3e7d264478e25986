import { formatCount } from './formatCount.js';
import { html } from './html.js';
import type { SafeHtml } from './SafeHtml.js';
import type { FunctionStats } from '../types.js';

const BAR_WIDTH = 160;

/** Calls and reverts per target function, with a bar per row scaled to the most-called function. */
export function renderFunctions(functions: FunctionStats[]): SafeHtml {
  if (functions.length === 0) return html`<p class="muted">No calls recorded.</p>`;
  const most = Math.max(1, ...functions.map((f) => f.calls));
  const rows = functions.map((f) => {
    const calls = scale(f.calls, most);
    const reverts = scale(f.reverts, most);
    const percent = f.calls === 0 ? 0 : Math.round((f.reverts / f.calls) * 100);
    return html`<tr>
<td><code>${f.contract}.${f.function}</code></td>
<td class="num">${formatCount(f.calls)}</td>
<td class="num">${formatCount(f.reverts)}</td>
<td class="num">${percent}%</td>
<td><svg class="bar" width="${BAR_WIDTH}" height="12" viewBox="0 0 ${BAR_WIDTH} 12" aria-hidden="true"><rect class="bar-calls" x="0" y="1" width="${calls}" height="10"/><rect class="bar-reverts" x="0" y="1" width="${reverts}" height="10"/></svg></td>
</tr>
`;
  });
  return html`<table class="functions">
<thead><tr><th>Function</th><th class="num">Calls</th><th class="num">Reverts</th><th class="num">Revert %</th><th><span class="key key-calls"></span> calls <span class="key key-reverts"></span> reverts</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}

function scale(n: number, most: number): string {
  return ((n / most) * BAR_WIDTH).toFixed(1);
}
