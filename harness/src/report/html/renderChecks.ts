import { formatCount } from './formatCount.js';
import { formatSeconds } from './formatSeconds.js';
import { html } from './html.js';
import { statusBadge } from './statusBadge.js';
import type { SafeHtml } from './SafeHtml.js';
import type { CheckStatus, ProofRecord, SpecResult } from '../types.js';

/**
 * Each invariant and property with what fuzzing saw and, beside it, what the prover concluded and
 * within which bounds: one row per check, so the two never have to be matched up by eye.
 */
export function renderChecks(spec: SpecResult, anchorOf: (findingId: string) => string | undefined): SafeHtml {
  const proofs = spec.proofs ?? [];
  const key = (c: { kind: string; name: string }) => `${c.kind}:${c.name}`;
  const proofOf = new Map(proofs.map((p) => [key(p), p]));
  const checked = new Set(spec.checks.map(key));
  const rows = [
    ...spec.checks.map((c) => row(c, proofOf.get(key(c)), anchorOf)),
    // A verdict for a check the campaign never evaluated (proved without fuzzing) still belongs here.
    ...proofs.filter((p) => !checked.has(key(p))).map((p) => row(undefined, p, anchorOf)),
  ];
  if (rows.length === 0) return html`<p class="muted">No invariants or properties.</p>`;
  const note =
    proofs.length === 0 ? html`<p class="muted">No proof verdicts: this spec was fuzzed only.</p>` : '';
  return html`<table class="checks">
<thead><tr><th>Check</th><th>Fuzzing</th><th class="num">Evaluations</th><th>Proof verdict</th><th class="num">Depth k</th><th class="num">Loop bound</th><th>Reason</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
${note}`;
}

function row(check: CheckStatus | undefined, proof: ProofRecord | undefined, anchorOf: (id: string) => string | undefined): SafeHtml {
  const kind = check?.kind ?? proof!.kind;
  const name = check?.name ?? proof!.name;
  const provable = check?.provable === true ? html` <span class="tag" title="in the provable subset">provable</span>` : '';
  return html`<tr>
<td><span class="kind">${kind}</span> <b>${name}</b>${provable}</td>
<td class="nowrap">${check ? statusBadge(check.status) : html`<span class="muted">not fuzzed</span>`}</td>
<td class="num">${check ? formatCount(check.checks) : ''}</td>
${proof ? proofCells(proof, anchorOf) : html`<td class="muted">—</td><td></td><td></td><td></td>`}
</tr>
`;
}

function proofCells(p: ProofRecord, anchorOf: (id: string) => string | undefined): SafeHtml {
  const anchor = p.findingId === undefined ? undefined : anchorOf(p.findingId);
  const link = anchor === undefined ? '' : html` <a href="#${anchor}">see finding</a>`;
  const at = p.location ? html` <span class="muted">(${p.location.file}:${p.location.line})</span>` : '';
  return html`<td class="nowrap">${statusBadge(p.verdict)} <span class="muted">${formatSeconds(p.timeMs)}</span></td>
<td class="num">${p.depth ?? '—'}</td>
<td class="num">${p.loopBound ?? '—'}</td>
<td>${p.reason ?? ''}${at}${link}</td>`;
}
