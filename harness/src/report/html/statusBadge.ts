import { html } from './html.js';
import type { SafeHtml } from './SafeHtml.js';

type Tone = 'ok' | 'bad' | 'warn' | 'muted';

/** Every status word the report uses (run, check, call, verdict, finding kind) and how it reads. */
const TONE: Record<string, Tone> = {
  passed: 'ok',
  success: 'ok',
  'proved-inductive': 'ok',
  'proved-bounded': 'ok',
  failed: 'bad',
  error: 'bad',
  revert: 'bad',
  halt: 'bad',
  counterexample: 'bad',
  invariant: 'bad',
  property: 'bad',
  assertion: 'bad',
  inconclusive: 'warn',
  interrupted: 'warn',
  unknown: 'warn',
  vacuous: 'warn',
  'fuzz-only': 'muted',
};

/** A coloured word; an unknown status (a newer report) still shows, in a neutral tone. */
export function statusBadge(status: string): SafeHtml {
  return html`<span class="badge tone-${TONE[status] ?? 'muted'}">${status}</span>`;
}
