import { html } from './html.js';
import type { SafeHtml } from './SafeHtml.js';
import type { LineCoverageRecord } from '../types.js';

/**
 * One target file, collapsed to its name and figures: each source line marked covered, coverable
 * but never run, or holding no code. Line numbers come from CSS so copying the code copies code.
 */
export function renderSourceFile(record: LineCoverageRecord, source: string | undefined): SafeHtml {
  const covered = new Set(record.covered);
  const coverable = new Set(record.coverable);
  const percent = record.coverable.length === 0 ? 100 : Math.round((record.covered.length / record.coverable.length) * 100);
  const summary = html`<summary><code>${record.file}</code> <span class="figures">${record.covered.length} of ${record.coverable.length} lines (${percent}%)</span></summary>`;
  if (source === undefined) {
    const missed = record.coverable.filter((n) => !covered.has(n));
    return html`<details class="src-file">${summary}
<p class="muted">Source not available to this report. Lines never run: ${missed.length > 0 ? missed.join(', ') : 'none'}.</p>
</details>`;
  }
  const lines = source.replace(/\r?\n$/, '').split(/\r?\n/);
  const beyond = record.coverable.some((n) => n > lines.length)
    ? html`<p class="warn-text">The file has fewer lines than the run measured: it changed since the report was written.</p>`
    : '';
  const rows = lines.map((text, i) => {
    const n = i + 1;
    const cls = covered.has(n) ? 'hit' : coverable.has(n) ? 'miss' : 'none';
    return html`<span class="l ${cls}" data-n="${n}">${text}\n</span>`;
  });
  return html`<details class="src-file">${summary}
${beyond}<pre class="src">${rows}</pre>
</details>`;
}
