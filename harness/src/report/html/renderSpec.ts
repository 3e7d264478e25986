import { findingAnchor } from './findingAnchor.js';
import { formatCount } from './formatCount.js';
import { formatSeconds } from './formatSeconds.js';
import { html } from './html.js';
import { renderChecks } from './renderChecks.js';
import { renderCoverage } from './renderCoverage.js';
import { renderFinding } from './renderFinding.js';
import { renderFunctions } from './renderFunctions.js';
import { renderSpecError } from './renderSpecError.js';
import { renderStaleFindings } from './renderStaleFindings.js';
import { renderTimelinePlot } from './renderTimelinePlot.js';
import { specAnchor } from './specAnchor.js';
import { statusBadge } from './statusBadge.js';
import type { SafeHtml } from './SafeHtml.js';
import type { SpecResult } from '../types.js';

interface SpecContext {
  spec: SpecResult;
  index: number;
  readSource: (file: string) => string | undefined;
}

interface SpecSection {
  id: string;
  title: string;
  /** Nothing when the section has nothing to say for this spec. */
  render: (ctx: SpecContext) => SafeHtml | undefined;
}

/**
 * The sections of a spec, in reading order. A new kind of result (the pause-lever recommendation
 * of issue 6) is one more entry here.
 */
const SECTIONS: SpecSection[] = [
  { id: 'error', title: 'Error', render: ({ spec }) => (spec.error ? renderSpecError(spec.error) : undefined) },
  {
    id: 'findings',
    title: 'Findings',
    render: ({ spec, index }) =>
      spec.findings.length === 0
        ? html`<p class="muted">No findings.</p>`
        : html`${spec.findings.map((f, i) => renderFinding(f, findingAnchor(index, i)))}`,
  },
  {
    id: 'stale',
    title: 'Stale counterexamples',
    render: ({ spec }) => (spec.staleFindings?.length ? renderStaleFindings(spec.staleFindings) : undefined),
  },
  {
    id: 'checks',
    title: 'Invariants, properties and proof verdicts',
    render: ({ spec, index }) => renderChecks(spec, (id) => anchorOf(spec, index, id)),
  },
  { id: 'functions', title: 'Calls and reverts per function', render: ({ spec }) => renderFunctions(spec.functions) },
  {
    id: 'timeline',
    title: 'Findings and coverage over time',
    render: ({ spec }) =>
      spec.timeline?.length ? renderTimelinePlot(spec.timeline) : html`<p class="muted">Progress over time not recorded.</p>`,
  },
  { id: 'coverage', title: 'Coverage', render: ({ spec, readSource }) => renderCoverage(spec.coverage, readSource) },
];

export function renderSpec(spec: SpecResult, index: number, readSource: (file: string) => string | undefined): SafeHtml {
  const ctx = { spec, index, readSource };
  const sections = SECTIONS.flatMap((s) => {
    const body = s.render(ctx);
    if (body === undefined) return [];
    const count = s.id === 'findings' ? ` (${spec.findings.length})` : '';
    return [html`<section class="part part-${s.id}" id="${specAnchor(index)}-${s.id}">
<h3>${s.title}${count}</h3>
${body}
</section>
`];
  });
  return html`<section class="spec" id="${specAnchor(index)}">
<h2>${spec.name} ${statusBadge(spec.status)}</h2>
${specFacts(spec)}
${sections}</section>
`;
}

function anchorOf(spec: SpecResult, index: number, findingId: string): string | undefined {
  const i = spec.findings.findIndex((f) => f.id === findingId);
  return i < 0 ? undefined : findingAnchor(index, i);
}

function specFacts(spec: SpecResult): SafeHtml {
  const s = spec.settings;
  const settings = s
    ? `seed ${s.seed}, ${formatCount(s.runs)} runs × depth ${formatCount(s.depth)}, shrink limit ${formatCount(s.shrinkLimit)}` +
      (s.timeLimitMs === undefined ? '' : `, time limit ${formatSeconds(s.timeLimitMs)}`)
    : undefined;
  const suite = spec.suite;
  const st = spec.stats;
  return html`<dl class="facts">
<dt>File</dt><dd><code>${spec.file}</code></dd>
${suite ? html`<dt>Suite</dt><dd>${suite.kind} <code>${suite.contract}</code> in <code>${suite.file}</code></dd>` : ''}
${settings ? html`<dt>Settings</dt><dd>${settings}</dd>` : ''}
<dt>Ran</dt><dd>${formatCount(st.runs)} runs, ${formatCount(st.calls)} calls (${formatCount(st.reverts)} reverted) in ${formatSeconds(st.durationMs)}, ${formatCount(Math.round(st.callsPerSec))} calls/s</dd>
</dl>`;
}
