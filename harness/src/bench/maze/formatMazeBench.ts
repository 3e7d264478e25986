import type { MazeBenchEntry, MazeBenchResult } from './runMazeBench.js';
import type { MazeToolResult } from './runVigilMaze.js';

/** The table of one maze: Z3's verdict, then one row per tool. */
export function formatMazeEntry(m: MazeBenchEntry): string[] {
  const walls = m.unreachable.filter((u) => u.reason.startsWith('walls')).length;
  const guards = m.unreachable.length - walls;
  const unknown = m.unknown.length > 0 ? `, ${m.unknown.length} undecided` : '';
  const lines = [
    `maze seed ${m.seed}: ${m.bugs} bugs, reachable (Z3) ${m.reachable.length}: [${m.reachable.join(' ')}]; unreachable ${m.unreachable.length} (walls ${walls}, guards ${guards})${unknown}`,
    `  ${'tool'.padEnd(14)} ${'found'.padStart(5)}  ${'bugs'.padEnd(22)} ${'first bug'.padStart(9)}  ${'calls'.padStart(9)}  ${'calls/s'.padStart(8)}  ${'edges'.padStart(5)}  hybrid`,
    row('vigil', m.vigil, m.reachable.length),
  ];
  if (m.vigilNoHybrid) lines.push(row('vigil, no hyb.', m.vigilNoHybrid, m.reachable.length));
  if (m.forge) lines.push(row(`forge ${m.forge.forgeVersion}`, m.forge, m.reachable.length));
  return lines;
}

export function formatMazeTotals(r: MazeBenchResult): string {
  const s = r.settings;
  const forge = r.totals.forge === undefined ? '' : ` · forge ${r.totals.forge}`;
  const off = r.totals.vigilNoHybrid === undefined ? '' : ` · vigil without hybrid ${r.totals.vigilNoHybrid}`;
  return `total over ${r.mazes.length} maze${r.mazes.length === 1 ? '' : 's'} (${s.budgetSeconds} s per tool per maze): reachable ${r.totals.reachable} · vigil ${r.totals.vigil}${off}${forge} distinct bugs`;
}

function row(name: string, t: MazeToolResult, reachable: number): string {
  const first = t.firstBugMs === undefined ? 'n/a' : `${(t.firstBugMs / 1000).toFixed(2)} s`;
  const found = `${t.found.length}/${reachable}`;
  const perSec = Math.round(t.callsPerSec).toLocaleString('en-US');
  const edges = t.edges === undefined ? '' : String(t.edges).padStart(5);
  const h = t.hybrid;
  const hybrid = h === undefined ? '' : `  ${h.rounds} rounds, ${h.queries} queries, ${h.corpusEntries}/${h.candidates} confirmed, ${(h.timeMs / 1000).toFixed(1)} s`;
  return `  ${name.padEnd(14)} ${found.padStart(5)}  ${`[${t.found.join(' ')}]`.padEnd(22)} ${first.padStart(9)}  ${String(t.calls).padStart(9)}  ${perSec.padStart(8)}  ${edges}${hybrid}`;
}
