import { createHash } from 'node:crypto';
import { formatSeconds } from './formatSeconds.js';
import { html } from './html.js';
import { PAGE_SCRIPT } from './pageScript.js';
import { PAGE_STYLE } from './pageStyle.js';
import { renderSpec } from './renderSpec.js';
import { renderSummary } from './renderSummary.js';
import { SafeHtml } from './SafeHtml.js';
import type { Report } from '../types.js';

export interface RenderHtmlOptions {
  /** The text of a target's source file (as named in the report's line coverage), or undefined when it cannot be read. */
  readSource: (file: string) => string | undefined;
}

/**
 * The report as one self-contained HTML page: inline style, script and SVG, nothing fetched.
 * The same report renders to the same bytes. The content security policy forbids every load and
 * every script but the page's own, so even a string that slipped past escaping could not run.
 */
export function renderHtml(report: Report, options: RenderHtmlOptions): string {
  const scriptHash = createHash('sha256').update(PAGE_SCRIPT).digest('base64');
  const csp = `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const anyFindings = report.specs.some((s) => s.findings.length > 0);
  const toggles = anyFindings
    ? html`<div class="toggles"><button type="button" data-findings="open" hidden>Expand all findings</button><button type="button" data-findings="close" hidden>Collapse all</button></div>`
    : '';
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>Vigil report: ${report.status}</title>
<style>${new SafeHtml(PAGE_STYLE)}</style>
</head>
<body>
<header><h1>Vigil report</h1><span class="muted">${report.tool.name} ${report.tool.version} · created ${report.createdAt} · took ${formatSeconds(report.durationMs)}</span>${toggles}</header>
<main>
${renderSummary(report)}
${report.specs.map((spec, i) => renderSpec(spec, i, options.readSource))}</main>
<footer>Report schema version ${report.schemaVersion}.</footer>
<script>${new SafeHtml(PAGE_SCRIPT)}</script>
</body>
</html>
`;
  return page.text;
}
