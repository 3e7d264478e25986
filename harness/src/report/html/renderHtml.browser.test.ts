import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePng } from './fixtures/comparePng.js';
import { readFixtureSource } from './fixtures/readFixtureSource.js';
import { richReport } from './fixtures/richReport.js';
import { renderHtml } from './renderHtml.js';
import type { Report } from '../types.js';

const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../../..');
const BASELINE = join(HERE, 'fixtures', 'report-screenshot.png');
/**
 * Share of pixels allowed to differ (beyond pixelmatch's anti-aliasing detection): about 400 of
 * the page's 4 million, room for a few glyphs drawn differently. Two renders on this machine
 * differ by 0; right- to left-aligned numbers differ by ~6,000 and a slightly other green by ~1,700.
 */
const TOLERANCE = 0.0001;

const available = existsSync(CHROMIUM);
const skipped = `SKIPPED: no Chromium at ${CHROMIUM}; apt-get install chromium, or set VIGIL_CHROMIUM to its path`;
if (!available) console.warn(`renderHtml browser tests ${skipped}`);
const title = available ? 'renderHtml in headless Chromium' : `renderHtml in headless Chromium (${skipped})`;

/** The CLI as a user runs it, with a deadline so a run that never exits fails with its output instead of hanging the suite. */
function runVigil(args: string[], deadlineMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['harness/bin/vigil.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`vigil ${args.join(' ')} did not exit within ${deadlineMs} ms. Its output:\n${output}`));
    }, deadlineMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

interface LoadedPage {
  page: Page;
  /** Console errors and warnings, uncaught page errors, dialogs, and loads of anything but the file itself. */
  problems: string[];
}

describe.skipIf(!available)(title, () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-html-'));
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: root ? ['--no-sandbox'] : [] });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function load(name: string, report: Report, readSource = readFixtureSource, javaScriptEnabled = true): Promise<LoadedPage> {
    const file = join(dir, name);
    writeFileSync(file, renderHtml(report, { readSource }));
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce', javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url() !== url && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return { page, problems };
  }

  it('loads the report with no console errors, page errors or requests, and its script runs', async () => {
    const { page, problems } = await load('rich.html', richReport());
    await expect(page.locator('button[data-findings="open"]').isVisible()).resolves.toBe(true);
    expect(await page.locator('details.finding').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('expands a finding to its trace on a click on its summary', async () => {
    const { page, problems } = await load('expand.html', richReport());
    const trace = page.locator('#finding-2-1 > .body > table.trace');
    expect(await trace.isVisible()).toBe(false);
    await page.locator('#finding-2-1 > summary').click();
    expect(await trace.isVisible()).toBe(true);
    expect(await trace.locator('tr.step').count()).toBe(2);
    const first = await trace.locator('tr.step').first().innerText();
    expect(first).toContain('vault.deposit(1000)');
    expect(first).toContain('BuggyVault.Deposit(owner=0x0000…010000, assets=1000, shares=1000)');
    expect(await trace.locator('li.inv.broken').innerText()).toContain('accruedInterestBounded');
    // The other finding stays closed until "expand all".
    expect(await page.locator('#finding-2-2 > .body').isVisible()).toBe(false);
    await page.locator('button[data-findings="open"]').click();
    expect(await page.locator('#finding-2-2 > .body').isVisible()).toBe(true);
    await page.locator('button[data-findings="close"]').click();
    expect(await trace.isVisible()).toBe(false);
    // A proof's link to its counterexample opens the finding it points into.
    await page.locator('a[href="#finding-2-1"]').click();
    // The page opens it on `hashchange`, which the browser fires after the click returns.
    await trace.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    expect(await trace.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('reads without JavaScript: findings still open, the script-only buttons stay hidden', async () => {
    const { page, problems } = await load('nojs.html', richReport(), readFixtureSource, false);
    expect(await page.locator('button[data-findings="open"]').isVisible()).toBe(false);
    const trace = page.locator('#finding-2-2 > .body > table.trace');
    await page.locator('#finding-2-2 > summary').click();
    expect(await trace.isVisible()).toBe(true);
    expect(await trace.innerText()).toContain('vault.withdraw(2000000000000000000)');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('draws the timeline plot with a point per sample and the coverage of each source line', async () => {
    const { page, problems } = await load('plot.html', richReport());
    const plot = page.locator('#spec-2-timeline svg.plot');
    expect(await plot.locator('circle.pt-edges').count()).toBe(12);
    expect(await plot.locator('circle.pt-findings').count()).toBe(12);
    const box = (await plot.boundingBox())!;
    expect(box.width).toBeGreaterThan(600);
    expect(box.height).toBeGreaterThan(200);
    // The highest coverage sample sits above the lowest: the y axis points up.
    const ys = await plot.locator('circle.pt-edges').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().y));
    expect(ys[ys.length - 1]!).toBeLessThan(ys[0]!);
    expect(await page.locator('#spec-1-timeline circle.pt-edges').count()).toBe(2);

    const file = page.locator('#spec-2-coverage details.src-file').first();
    expect(await file.locator('pre.src').isVisible()).toBe(false);
    await file.locator('summary').click();
    expect(await file.locator('pre.src .l').count()).toBe(42);
    expect(await file.locator('pre.src .l.hit').count()).toBe(19);
    expect(await file.locator('pre.src .l.miss').count()).toBe(5);
    const colour = (sel: string) => file.locator(sel).first().evaluate((e) => getComputedStyle(e).backgroundColor);
    const [hit, miss, none] = await Promise.all([colour('.l.hit'), colour('.l.miss'), colour('.l.none')]);
    expect(new Set([hit, miss, none]).size).toBe(3);
    // Line numbers are drawn by CSS, so the copied text is the source itself.
    expect(await file.locator('pre.src .l[data-n="25"]').innerText()).toBe('        balanceOf[msg.sender] -= shares;\n');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows markup from the report as text: a <script> in a revert reason does not run', async () => {
    const report = richReport();
    const evil = '<script>alert("reason")</script><img src=x onerror="alert(1)">';
    const call = report.specs[1]!.findings[0]!.shrunk.calls[1]!;
    call.result = { status: 'revert', decoded: `Error("${evil}")`, gasUsed: '21000' };
    report.specs[1]!.findings[0]!.shrunk.calls[0]!.result!.events![0]!.args.owner = evil;
    report.specs[1]!.coverage.lines![1]!.file = `${evil}.sol`;
    const { page, problems } = await load('evil.html', report);
    await page.locator('#finding-2-1 > summary').click();
    expect(await page.locator('#finding-2-1 .reason code').first().innerText()).toBe(`Error("${evil}")`);
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('keeps its layout: a screenshot matches the committed baseline', async () => {
    const { page, problems } = await load('shot.html', richReport());
    await page.locator('#finding-2-1 > summary').click();
    const shot = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
    await page.context().close();
    expect(problems).toEqual([]);
    if (!existsSync(BASELINE) || process.env.VIGIL_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(dirname(BASELINE), { recursive: true });
      writeFileSync(BASELINE, shot);
      throw new Error(
        `Wrote a new screenshot baseline to ${BASELINE}; this run compared nothing. ` +
          'Look at the image, commit it, and run the test again without VIGIL_UPDATE_SCREENSHOTS.',
      );
    }
    const result = comparePng(readFileSync(BASELINE), shot);
    if (result.mismatched === -1 || result.mismatched > result.total * TOLERANCE) {
      const out = join(ROOT, '.vigil', 'tmp', 'html-screenshot');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'actual.png'), shot);
      if (result.diff) writeFileSync(join(out, 'diff.png'), result.diff);
      const what =
        result.mismatched === -1
          ? `its size changed (${result.sizes})`
          : `${result.mismatched} of ${result.total} pixels differ (tolerance ${Math.floor(result.total * TOLERANCE)}); see ${out}/diff.png`;
      throw new Error(
        `The HTML report no longer looks like its baseline: ${what}. The new screenshot is ${out}/actual.png. ` +
          'If the change is intended, run with VIGIL_UPDATE_SCREENSHOTS=1 and commit the new baseline.',
      );
    }
  });

  it('renders the report of a real campaign (LockBuggy) without errors', async () => {
    const out = join(dir, 'campaign');
    const run = await runVigil(['run', 'specs/LockBuggy.spec.ts', '--runs', '20', '--depth', '20', '--no-corpus', '--quiet', '--out', out]);
    // Exit code 1 means "findings": what this buggy target must produce.
    expect(run.code, run.output).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'vigil-report.json'), 'utf8')) as Report;
    const findings = report.specs.flatMap((s) => s.findings);
    expect(findings.length).toBeGreaterThan(0);
    const readSource = (file: string) => {
      const path = resolve(ROOT, file);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    };
    const { page, problems } = await load('campaign.html', report, readSource);
    expect(await page.locator('details.finding').count()).toBe(findings.length);
    await page.locator('details.finding > summary').first().click();
    const first = findings[0]!.shrunk.calls[0]!;
    const trace = page.locator('details.finding').first().locator('> .body > table.trace');
    expect(await trace.isVisible()).toBe(true);
    expect(await trace.locator('tr.step').count()).toBe(findings[0]!.shrunk.calls.length);
    const call = trace.locator('tr.step code.call').first();
    expect(await call.innerText()).toMatch(new RegExp(`^${first.contract}\\.${first.function}\\(.*\\)$`));
    expect(await call.getAttribute('title')).toBe(first.signature);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
