import { html } from './html.js';
import type { SafeHtml } from './SafeHtml.js';
import type { InvariantValue } from '../types.js';

/**
 * The spec's invariants on one state, one chip each; a chip whose value differs from the previous
 * state is marked, so the step that broke an invariant stands out.
 */
export function renderInvariantValues(values: InvariantValue[] | undefined, previous?: InvariantValue[]): SafeHtml {
  if (values === undefined) return html`<span class="muted">not recorded</span>`;
  if (values.length === 0) return html`<span class="muted">no invariants</span>`;
  const before = new Map((previous ?? []).map((v) => [v.name, v.holds]));
  const chips = values.map((v) => {
    const changed = before.has(v.name) && before.get(v.name) !== v.holds;
    const classes = `inv ${v.holds ? 'holds' : 'broken'}${changed ? ' changed' : ''}`;
    const note = v.note === undefined ? '' : html`<span class="note">${v.note}</span>`;
    return html`<li class="${classes}"><span class="mark">${v.holds ? '✓' : '✗'}</span> ${v.name}${note}</li>`;
  });
  return html`<ul class="invs">${chips}</ul>`;
}
