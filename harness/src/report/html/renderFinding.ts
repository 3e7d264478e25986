import { exportCommandFor } from './exportCommandFor.js';
import { formatSeconds } from './formatSeconds.js';
import { html } from './html.js';
import { renderRecommendation } from './renderRecommendation.js';
import { renderTrace } from './renderTrace.js';
import { statusBadge } from './statusBadge.js';
import type { SafeHtml } from './SafeHtml.js';
import type { Finding, SolidityLocation, SourceLocation } from '../types.js';

/** A finding, collapsed to one line until opened: its facts, the shrunk trace, the original one, and how to replay and export it. */
export function renderFinding(f: Finding, anchor: string): SafeHtml {
  const firstLine = f.message.split('\n')[0] ?? '';
  const calls = f.shrunk.calls.length;
  const original =
    f.original.calls.length === calls && f.shrink.status === 'skipped'
      ? ''
      : html`<details class="original"><summary>Original sequence before shrinking (${f.original.calls.length} calls)</summary>
${renderTrace(f.original)}
</details>`;
  return html`<details class="finding" id="${anchor}">
<summary>${statusBadge(f.kind)} <b class="name">${f.name}</b> <span class="muted">${f.spec}</span> <span class="msg">${firstLine}</span> <span class="count">${calls} call${calls === 1 ? '' : 's'}</span></summary>
<div class="body">
<pre class="message">${f.message}</pre>
<dl class="facts">
<dt>Id</dt><dd><code>${f.id}</code></dd>
${f.location ? html`<dt>Check</dt><dd><code>${where(f.location)}</code></dd>` : ''}
${f.solidityLocation ? html`<dt>Solidity</dt><dd>${solidity(f.solidityLocation)}</dd>` : ''}
<dt>Seed</dt><dd><code>${f.seed}</code>, run ${f.run}${f.replayedFromCorpus === true ? ' (replayed from the corpus)' : ''}</dd>
<dt>Found</dt><dd>after ${formatSeconds(f.firstFoundMs)}</dd>
<dt>Shrink</dt><dd>${f.shrink.status} after ${f.shrink.attempts} attempts: ${f.original.calls.length} calls → ${calls}</dd>
</dl>
<h4>Trace</h4>
${renderTrace(f.shrunk)}
${original}
<h4>Reproduce</h4>
<dl class="commands">
<dt>Replay</dt><dd><pre><code>${f.replayCommand}</code></pre></dd>
<dt>Export as a Foundry test</dt><dd><pre><code>${exportCommandFor(f)}</code></pre></dd>
</dl>
${f.recommendation ? renderRecommendation(f.recommendation) : ''}
</div>
</details>`;
}

function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

function solidity(loc: SolidityLocation): SafeHtml {
  const fn = loc.function === undefined ? '' : `.${loc.function}`;
  return html`<code>${loc.contract}${fn}</code> at <code>${where(loc)}</code>`;
}
