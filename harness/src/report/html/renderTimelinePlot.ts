import { formatCount } from './formatCount.js';
import { html } from './html.js';
import { niceTicks } from './niceTicks.js';
import type { SafeHtml } from './SafeHtml.js';
import type { TimelineSample } from '../types.js';

const WIDTH = 720;
const LEFT = 56;
const RIGHT = 24;
const EDGES = { top: 24, height: 130 };
const FINDINGS = { top: 190, height: 60 };
const HEIGHT = FINDINGS.top + FINDINGS.height + 40;

interface Panel {
  top: number;
  height: number;
}

/**
 * Coverage (jump edges) and distinct findings over the campaign's time, as two panels over one
 * time axis: their scales differ by orders of magnitude, and two y axes on one panel mislead.
 * Every sample is a point with its figures in a tooltip.
 */
export function renderTimelinePlot(timeline: TimelineSample[]): SafeHtml {
  const x = niceTicks(Math.max(...timeline.map((s) => s.ms)) / 1000, 6);
  const xPos = (ms: number) => LEFT + (ms / 1000 / x.top) * (WIDTH - LEFT - RIGHT);
  const edges = niceTicks(Math.max(...timeline.map((s) => s.edges)), 4, true);
  const findings = niceTicks(Math.max(...timeline.map((s) => s.findings)), 2, true);
  const yPos = (panel: Panel, top: number) => (v: number) => panel.top + panel.height - (v / top) * panel.height;
  const yEdges = yPos(EDGES, edges.top);
  const yFindings = yPos(FINDINGS, findings.top);
  const decimals = Math.max(0, -Math.floor(Math.log10(x.step)));

  const edgeLine = timeline.map((s) => `${fx(xPos(s.ms))},${fx(yEdges(s.edges))}`).join(' ');
  // A finding appeared somewhere between two samples; the step rises at the later one.
  const findingPath = timeline
    .map((s, i) => (i === 0 ? `M${fx(xPos(s.ms))},${fx(yFindings(s.findings))}` : `H${fx(xPos(s.ms))}V${fx(yFindings(s.findings))}`))
    .join('');
  const points = (cls: string, y: (s: TimelineSample) => number, what: (s: TimelineSample) => string) =>
    timeline.map(
      (s) => html`<circle class="${cls}" cx="${fx(xPos(s.ms))}" cy="${fx(y(s))}" r="2.5"><title>${tooltip(s, what(s))}</title></circle>`,
    );

  return html`<svg class="plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Coverage and findings over time">
${xGrid(x.ticks, xPos, decimals)}
${yAxis(EDGES, edges.ticks, yEdges, 'edges covered')}
${yAxis(FINDINGS, findings.ticks, yFindings, 'findings')}
<polyline class="line-edges" points="${edgeLine}"/>
<path class="line-findings" d="${findingPath}"/>
${points('pt-edges', (s) => yEdges(s.edges), (s) => `${formatCount(s.edges)} edges`)}
${points('pt-findings', (s) => yFindings(s.findings), (s) => `${s.findings} finding${s.findings === 1 ? '' : 's'}`)}
<text class="axis-label" x="${LEFT + (WIDTH - LEFT - RIGHT) / 2}" y="${HEIGHT - 6}" text-anchor="middle">time since the campaign started (s)</text>
</svg>`;
}

function xGrid(ticks: number[], xPos: (ms: number) => number, decimals: number): SafeHtml {
  const bottom = FINDINGS.top + FINDINGS.height;
  return html`${ticks.map((t) => {
    const x = fx(xPos(t * 1000));
    return html`<line class="grid" x1="${x}" y1="${EDGES.top}" x2="${x}" y2="${bottom}"/><text class="tick" x="${x}" y="${bottom + 16}" text-anchor="middle">${t.toFixed(decimals)}</text>`;
  })}`;
}

function yAxis(panel: Panel, ticks: number[], y: (v: number) => number, label: string): SafeHtml {
  return html`<text class="panel-label" x="${LEFT}" y="${panel.top - 8}">${label}</text>${ticks.map(
    (t) =>
      html`<line class="grid" x1="${LEFT}" y1="${fx(y(t))}" x2="${WIDTH - RIGHT}" y2="${fx(y(t))}"/><text class="tick" x="${LEFT - 6}" y="${fx(y(t) + 4)}" text-anchor="end">${formatCount(t)}</text>`,
  )}`;
}

function tooltip(s: TimelineSample, what: string): string {
  return `${(s.ms / 1000).toFixed(2)} s, run ${formatCount(s.runs)}, ${formatCount(s.calls)} calls: ${what}`;
}

function fx(n: number): string {
  return n.toFixed(1);
}
