import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../fixtures/sampleReport.js';
import { readFixtureSource } from './fixtures/readFixtureSource.js';
import { richReport } from './fixtures/richReport.js';
import { renderHtml } from './renderHtml.js';
import type { Report } from '../types.js';

const render = (report: Report = richReport()) => renderHtml(report, { readSource: readFixtureSource });

/** The markup from an element's id up to the next element of the same kind (or the end of its spec). */
function slice(page: string, id: string, until: RegExp): string {
  const start = page.indexOf(`id="${id}"`);
  expect(start, `no element with id ${id}`).toBeGreaterThan(0);
  const rest = page.slice(start);
  const end = rest.search(until);
  return end < 0 ? rest : rest.slice(0, end);
}

const finding = (page: string, id: string) => slice(page, id, /<details class="finding"|<section class="part /);
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('renderHtml', () => {
  const page = render();

  it('renders the same bytes for the same report, with no date but the report\'s own', () => {
    expect(render()).toBe(page);
    expect(page.match(/\d{4}-\d\d-\d\dT\d\d:\d\d/g)).toEqual(['2025-01-15T10:20']);
  });

  it('is one self-contained document: nothing to fetch, one script, allowed by hash alone', () => {
    expect(page.startsWith('<!doctype html>\n')).toBe(true);
    expect(page).not.toMatch(/(src|href)="(?!#|data:)/);
    expect(page).not.toMatch(/https?:\/\//);
    expect(count(page, '<script')).toBe(1);
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(page).toContain(`script-src &#39;sha256-${hash}&#39;`);
    expect(page).toContain('default-src &#39;none&#39;');
  });

  it('summarises status, specs, findings, checks, calls, seed and command', () => {
    const summary = slice(page, 'summary', /<section class="spec"/);
    expect(summary).toContain('<dt>Status</dt><dd><span class="badge tone-bad">failed</span>');
    expect(summary).toContain('<dt>Specs</dt><dd>2</dd>');
    expect(summary).toContain('<dt>Findings</dt><dd><b>2</b>, 1 stale</dd>');
    expect(summary).toContain('<dt>Checks</dt><dd>4 passed, 1 failed, 1 errored; 44,002 evaluations</dd>');
    expect(summary).toContain('<dt>Calls</dt><dd>34,600 (13% reverted)');
    expect(summary).toContain('<dt>Seed</dt><dd><code>0x2a</code></dd>');
    expect(summary).toContain('<dt>Command</dt><dd><code>npx vigil run specs --seed 0x2a</code></dd>');
    expect(summary).toContain('<td><a href="#spec-2">Vault</a></td>');
  });

  it('shows a finding collapsed, then its decoded trace: calls, jumps, results, events, storage, invariant values', () => {
    const f = finding(page, 'finding-2-1');
    expect(f).toMatch(/^id="finding-2-1">\n<summary><span class="badge tone-bad">invariant<\/span> <b class="name">accruedInterestBounded<\/b>/);
    const shrunk = f.slice(0, f.indexOf('<details class="original">'));
    expect(count(shrunk, '<tr class="step">')).toBe(2);
    expect(shrunk).toContain('<code class="call" title="deposit(uint256)">vault.deposit(1000)</code>');
    expect(shrunk).toContain('<div class="jump">after +86,400 s, +7,200 blocks</div>');
    expect(shrunk).toContain('from <span class="addr" title="0x0000000000000000000000000000000000010000">0x0000…010000</span>');
    expect(shrunk).toContain('<span class="gas">gas 68,231</span>');
    expect(shrunk).toContain('<code>BuggyVault.Deposit(owner=<span class="addr"');
    expect(shrunk).toContain('assets=1000, shares=1000)</code>');
    expect(shrunk).toContain('<code>slot 0x2: 0x0 → 0x3e8</code>');
    // Before, after call 1 (unchanged), after call 2 (the invariant broke: marked as changed, with its note).
    expect(count(shrunk, '<li class="inv holds">')).toBe(5);
    expect(shrunk).toContain('<li class="inv broken changed"><span class="mark">✗</span> accruedInterestBounded<span class="note">accrued 2000 &gt; cap 100</span></li>');
    expect(shrunk).toContain('<code>BuggyVault.accrue</code> at <code>targets/vault/BuggyVault.sol:29:5</code>');
    expect(shrunk).toContain('complete after 312 attempts: 5 calls → 2');

    const original = f.slice(f.indexOf('<details class="original">'));
    expect(original).toContain('Original sequence before shrinking (5 calls)');
    expect(original).toContain('<span class="badge tone-bad">revert</span> <span class="gas">gas 24,011</span><div class="reason"><code>Error(&quot;insufficient shares&quot;)</code></div>');
    expect(original).toContain('<td><span class="muted">not recorded</span></td>');
    expect(f).toContain('<pre><code>npx vigil replay reports/vigil-report.json --finding Vault:invariant:accruedInterestBounded</code></pre>');
    expect(f).toContain('<pre><code>npx vigil export --foundry reports/vigil-report.json --finding &#39;Vault:invariant:accruedInterestBounded&#39;</code></pre>');
  });

  it('says "not recorded" where a run kept no invariant values, and shows value and Panic reasons', () => {
    const f = finding(page, 'finding-2-2');
    expect(count(f, '<span class="muted">not recorded</span>')).toBe(3 + 4);
    expect(f).toContain(' · value <b>1,000,000,000,000,000,000</b> wei');
    expect(f).toContain('<code>Panic(0x01: assertion failed)</code>');
    expect(f).toContain('(replayed from the corpus)');
  });

  it('lists each check with its proof verdict and bounds, linking a counterexample to its finding', () => {
    const checks = slice(page, 'spec-2-checks', /<section class="part /);
    expect(checks).toMatch(/<b>accruedInterestBounded<\/b>[\s\S]*?counterexample[\s\S]*?<td class="num">2<\/td>\n<td class="num">—<\/td>\n<td> <a href="#finding-2-1">see finding<\/a>/);
    expect(checks).toMatch(/<b>solvent<\/b>[\s\S]*?unknown<\/span> <span class="muted">30.0 s<\/span><\/td>\n<td class="num">3<\/td>\n<td class="num">8<\/td>\n<td>solver timeout after 30000 ms<\/td>/);
    expect(checks).toContain('unsupported construct: await in a property <span class="muted">(specs/Vault.spec.ts:31)</span>');
    expect(checks).toMatch(/<b>sharesMatchAssets<\/b><\/td>\n<td class="nowrap"><span class="muted">not fuzzed<\/span>[\s\S]*?proved-inductive/);
    const token = slice(page, 'spec-1-checks', /<section class="part /);
    expect(token).toMatch(/proved-bounded[\s\S]*?<td class="num">2<\/td>\n<td class="num">4<\/td>/);
    const fuzzedOnly = sampleReport();
    fuzzedOnly.specs[0]!.proofs = undefined;
    expect(render(fuzzedOnly)).toContain('No proof verdicts: this spec was fuzzed only.');
  });

  it('marks each source line covered, coverable but never run, or without code, per collapsible file', () => {
    const cov = slice(page, 'spec-2-coverage', /<\/section>/);
    const vaultSource = cov.slice(cov.indexOf('<pre class="src">'), cov.indexOf('</pre>'));
    expect(count(vaultSource, 'class="l hit"')).toBe(19);
    expect(count(vaultSource, 'class="l miss"')).toBe(5);
    expect(count(vaultSource, 'class="l none"')).toBe(42 - 24);
    expect(vaultSource).toContain('<span class="l miss" data-n="25">        balanceOf[msg.sender] -= shares;\n</span>');
    expect(cov).toContain('<summary><code>targets/vault/BuggyVault.sol</code> <span class="figures">19 of 24 lines (79%)</span></summary>');
    expect(cov).toContain('Source not available to this report. Lines never run: 8, 9.');
    expect(count(cov, '<details class="src-file">')).toBe(2);
    expect(slice(page, 'spec-1-coverage', /<\/section>/)).toContain('Line coverage not recorded.');
  });

  it('plots coverage and findings over time with a point per sample', () => {
    const plot = slice(page, 'spec-2-timeline', /<\/section>/);
    expect(count(plot, '<circle class="pt-edges"')).toBe(12);
    expect(count(plot, '<circle class="pt-findings"')).toBe(12);
    expect(plot).toContain('<title>3.10 s, run 256, 8,960 calls: 212 edges</title>');
    expect(plot).toContain('<title>2.90 s, run 232, 8,120 calls: 2 findings</title>');
    const none = sampleReport();
    none.specs[1]!.timeline = undefined;
    expect(render(none)).toContain('Progress over time not recorded.');
  });

  it('counts calls and reverts per function', () => {
    const fns = slice(page, 'spec-2-functions', /<\/section>/);
    expect(fns).toContain('<td><code>vault.withdraw</code></td>\n<td class="num">3,000</td>\n<td class="num">1,300</td>\n<td class="num">43%</td>');
    expect(count(fns, '<svg class="bar"')).toBe(4);
  });

  it('shows spec errors with their hint, and stale counterexamples', () => {
    const err = slice(page, 'spec-2-error', /<section class="part /);
    expect(err).toContain('<code>INVARIANT_THREW</code>');
    expect(err).toContain('<p class="hint"><b>Hint:</b> An invariant must return a boolean and not throw;');
    expect(err).toContain('<li><code>at specs/Vault.spec.ts:31:7</code></li>');
    const stale = slice(page, 'spec-1-stale', /<section class="part /);
    expect(stale).toContain('<li><code>Token:invariant:supplyIsSumOfBalances</code>: totalSupply 10 != sum of balances 11</li>');
  });

  it('escapes every report string, so markup in a revert reason, event, file name or source is inert', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const report = richReport();
    const vault = report.specs[1]!;
    const call = vault.findings[0]!.original.calls[1]!;
    call.result!.decoded = `Error("${evil}")`;
    call.args = [evil];
    vault.findings[0]!.shrunk.calls[0]!.result!.events![0]!.args.owner = evil;
    vault.findings[0]!.message = evil;
    vault.name = evil;
    vault.coverage.lines![0]!.file = evil;
    report.settings.command = evil;
    const out = renderHtml(report, { readSource: (file) => (file === evil ? `// ${evil}\n` : undefined) });
    expect(count(out, '<script')).toBe(1);
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/<[^>]*\sonerror=/);
    expect(out).toContain('Error(&quot;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;)');
    expect(count(out, '&lt;script&gt;alert(1)&lt;/script&gt;')).toBeGreaterThanOrEqual(8);
  });

  it('renders a report with no specs and one with no findings without toggles', () => {
    const empty = { ...sampleReport(), specs: [], status: 'passed' as const };
    const out = render(empty);
    expect(out).toContain('<dt>Specs</dt><dd>0</dd>');
    expect(out).not.toContain('<button');
    expect(render()).toContain('<button type="button" data-findings="open" hidden>');
  });
});
