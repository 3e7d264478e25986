import { formatCount } from './formatCount.js';
import { html } from './html.js';
import { renderSourceFile } from './renderSourceFile.js';
import type { SafeHtml } from './SafeHtml.js';
import type { CoverageRecord } from '../types.js';

/** Instructions covered per contract, then the targets' source line by line when the run recorded it. */
export function renderCoverage(coverage: CoverageRecord, readSource: (file: string) => string | undefined): SafeHtml {
  const contracts = coverage.contracts.map((c) => {
    const percent = c.instructionsTotal === 0 ? 0 : Math.round((c.instructionsCovered / c.instructionsTotal) * 100);
    return html`<tr><td><code>${c.name}</code></td><td class="num">${formatCount(c.instructionsCovered)} of ${formatCount(c.instructionsTotal)}</td><td class="num">${percent}%</td><td><meter min="0" max="100" value="${percent}">${percent}%</meter></td></tr>
`;
  });
  const table =
    contracts.length === 0
      ? html`<p class="muted">No bytecode measured.</p>`
      : html`<table class="contracts">
<thead><tr><th>Contract</th><th class="num">Instructions covered</th><th class="num">%</th><th></th></tr></thead>
<tbody>
${contracts}</tbody>
</table>`;
  const files =
    coverage.lines === undefined
      ? html`<p class="muted">Line coverage not recorded.</p>`
      : html`<p class="legend"><span class="l hit">covered</span> <span class="l miss">holds code, never ran</span> <span class="l none">no code</span></p>
${coverage.lines.map((record) => renderSourceFile(record, readSource(record.file)))}`;
  return html`${table}
${files}`;
}
