import { formatCount } from './formatCount.js';
import { formatSeconds } from './formatSeconds.js';
import { html } from './html.js';
import { specAnchor } from './specAnchor.js';
import { statusBadge } from './statusBadge.js';
import type { SafeHtml } from './SafeHtml.js';
import { summarizeSpec, totalSummary } from '../summarizeSpec.js';
import type { Report } from '../types.js';

/** The run at a glance: status, totals, how to run it again, and one row per spec linking to its section. */
export function renderSummary(report: Report): SafeHtml {
  const total = totalSummary(report.specs);
  const checks = report.specs.flatMap((s) => s.checks);
  const evaluations = checks.reduce((a, c) => a + c.checks, 0);
  const s = report.settings;
  const limits =
    `${formatCount(s.runs)} runs × depth ${formatCount(s.depth)}, shrink limit ${formatCount(s.shrinkLimit)}, ` +
    `${s.workers} worker${s.workers === 1 ? '' : 's'}` +
    (s.timeLimitMs === undefined ? '' : `, time limit ${formatSeconds(s.timeLimitMs)}`);
  const coverage = total.coveragePercent === undefined ? 'n/a' : `${total.coveragePercent}% of instructions`;
  return html`<section class="summary" id="summary">
<h2>Summary</h2>
<dl class="facts">
<dt>Status</dt><dd>${statusBadge(report.status)}${report.interrupted === true ? ' (interrupted: partial report)' : ''}</dd>
<dt>Specs</dt><dd>${report.specs.length}</dd>
<dt>Findings</dt><dd><b>${total.failed}</b>${total.stale > 0 ? `, ${total.stale} stale` : ''}</dd>
<dt>Checks</dt><dd>${total.passed} passed, ${checks.filter((c) => c.status === 'failed').length} failed, ${total.errored} errored; ${formatCount(evaluations)} evaluations</dd>
<dt>Calls</dt><dd>${formatCount(total.calls)} (${total.revertPercent}% reverted), ${formatCount(total.callsPerSec)} calls/s</dd>
<dt>Coverage</dt><dd>${coverage}</dd>
<dt>Seed</dt><dd><code>${s.seed}</code></dd>
<dt>Limits</dt><dd>${limits}</dd>
<dt>Command</dt><dd><code>${s.command}</code></dd>
<dt>Compiler</dt><dd>solc ${report.compiler.version}, EVM ${report.compiler.evmVersion}, hardfork ${report.compiler.hardfork}</dd>
</dl>
${specTable(report)}
</section>
`;
}

function specTable(report: Report): SafeHtml {
  const rows = report.specs.map((spec, i) => {
    const s = summarizeSpec(spec);
    return html`<tr>
<td><a href="#${specAnchor(i)}">${spec.name}</a></td>
<td>${statusBadge(spec.status)}</td>
<td class="num">${s.failed}</td>
<td class="num">${s.passed} / ${spec.checks.length}</td>
<td class="num">${formatCount(s.calls)}</td>
<td class="num">${s.revertPercent}%</td>
<td class="num">${s.coveragePercent === undefined ? 'n/a' : `${s.coveragePercent}%`}</td>
<td class="num">${formatSeconds(spec.stats.durationMs)}</td>
</tr>
`;
  });
  return html`<table class="specs">
<thead><tr><th>Spec</th><th>Status</th><th class="num">Findings</th><th class="num">Checks passed</th><th class="num">Calls</th><th class="num">Reverts</th><th class="num">Coverage</th><th class="num">Time</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}
