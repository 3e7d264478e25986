/**
 * The page's whole stylesheet. Generic font families only: the report must look the same wherever
 * it is opened offline, and the screenshot test depends on fonts the machine surely has.
 */
export const PAGE_STYLE = `
:root {
  --fg: #1d2330; --muted: #66707f; --bg: #ffffff; --panel: #f5f7fa; --line: #dde2e9;
  --ok: #1a7f37; --ok-bg: #dcf3e3; --bad: #c62828; --bad-bg: #fde2e1; --warn: #9a6700; --warn-bg: #fff1c2;
  --accent: #2f5fb3; --edges: #2f5fb3; --findings: #c62828;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e3e7ee; --muted: #9aa4b2; --bg: #14171c; --panel: #1c2027; --line: #333a45;
    --ok: #57c27a; --ok-bg: #173a24; --bad: #ff7b72; --bad-bg: #43201f; --warn: #e3b341; --warn-bg: #3d3113;
    --accent: #79a6f2; --edges: #79a6f2; --findings: #ff7b72;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 sans-serif; }
code, pre { font-family: monospace; font-size: 12.5px; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: var(--accent); }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
header h1 { margin: 0; font-size: 24px; }
header .toggles { margin-left: auto; display: flex; gap: 6px; }
button { font: inherit; font-size: 12px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 4px; background: var(--panel); color: var(--fg); cursor: pointer; }
footer { color: var(--muted); font-size: 12px; padding-top: 8px; padding-bottom: 32px; }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; }
h4 { font-size: 13px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.muted { color: var(--muted); }
.warn-text { color: var(--warn); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: bold; line-height: 18px; vertical-align: 1px; }
.tone-ok { color: var(--ok); background: var(--ok-bg); }
.tone-bad { color: var(--bad); background: var(--bad-bg); }
.tone-warn { color: var(--warn); background: var(--warn-bg); }
.tone-muted { color: var(--muted); background: var(--panel); }
.tag { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
.kind { color: var(--muted); font-size: 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 6px 0 10px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: normal; white-space: nowrap; }
.nowrap { white-space: nowrap; }
table.specs, table.checks, table.trace { width: 100%; }
details > summary { cursor: pointer; }
details.finding { border: 1px solid var(--line); border-left: 4px solid var(--bad); border-radius: 4px; margin: 8px 0; background: var(--bg); }
details.finding > summary { padding: 8px 12px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; list-style: none; }
details.finding > summary::-webkit-details-marker { display: none; }
details.finding > summary::before { content: '▸'; color: var(--muted); width: 10px; }
details.finding[open] > summary::before { content: '▾'; }
details.finding > summary .msg { flex: 1 1 200px; min-width: 0; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
details.finding > summary .count { color: var(--muted); font-size: 12px; }
details.finding[open] > summary { border-bottom: 1px solid var(--line); background: var(--panel); }
details.finding .body { padding: 4px 12px 12px; }
pre.message { background: var(--panel); padding: 8px 10px; border-radius: 4px; margin: 8px 0; }
details.original { margin: 10px 0; }
details.original > summary { color: var(--accent); }
table.trace td { font-size: 13px; }
table.trace td.n { color: var(--muted); width: 2em; text-align: right; }
table.trace tr.setup td { background: var(--panel); }
.call { font-weight: bold; overflow-wrap: anywhere; }
.jump { font-size: 12px; color: var(--warn); }
.meta, .gas { font-size: 12px; color: var(--muted); }
.reason code { color: var(--bad); overflow-wrap: anywhere; }
.addr { border-bottom: 1px dotted var(--muted); }
ul.effects, ul.invs, ul.stale, ul.meta-lines { margin: 0; padding: 0; list-style: none; }
ul.effects li { overflow-wrap: anywhere; }
ul.stale li, ul.meta-lines li { margin: 2px 0; }
ul.invs { display: flex; flex-wrap: wrap; gap: 3px; }
li.inv { font-size: 12px; padding: 0 6px; border-radius: 3px; white-space: nowrap; }
li.inv.holds { color: var(--ok); background: var(--ok-bg); }
li.inv.broken { color: var(--bad); background: var(--bad-bg); font-weight: bold; }
li.inv.changed { outline: 2px solid currentColor; }
li.inv .note { font-weight: normal; white-space: normal; margin-left: 4px; }
dl.commands dt { color: var(--muted); font-size: 12px; margin-top: 6px; }
dl.commands dd { margin: 2px 0; }
dl.commands pre { background: var(--panel); padding: 6px 10px; border-radius: 4px; }
.error-box { border: 1px solid var(--bad); background: var(--bad-bg); border-radius: 4px; padding: 4px 12px; }
.error-box pre.message { background: transparent; padding: 0; }
.hint { margin: 6px 0; }
svg.bar .bar-calls, .key-calls { fill: var(--edges); background: var(--edges); opacity: 0.35; }
svg.bar .bar-reverts, .key-reverts { fill: var(--bad); background: var(--bad); }
.key { display: inline-block; width: 10px; height: 10px; vertical-align: -1px; }
svg.plot { max-width: 100%; height: auto; display: block; }
svg.plot .grid { stroke: var(--line); stroke-width: 1; }
svg.plot .tick, svg.plot .axis-label, svg.plot .panel-label { fill: var(--muted); font: 11px sans-serif; }
svg.plot .panel-label { fill: var(--fg); font-weight: bold; }
svg.plot .line-edges { fill: none; stroke: var(--edges); stroke-width: 1.5; }
svg.plot .line-findings { fill: none; stroke: var(--findings); stroke-width: 1.5; }
svg.plot .pt-edges { fill: var(--edges); }
svg.plot .pt-findings { fill: var(--findings); }
meter { width: 120px; }
details.src-file { margin: 4px 0; }
details.src-file > summary { padding: 2px 0; }
.figures { color: var(--muted); font-size: 12px; }
pre.src { border: 1px solid var(--line); border-radius: 4px; padding: 4px 0; margin: 4px 0 10px; white-space: pre; overflow-x: auto; tab-size: 4; }
pre.src .l { display: block; padding-right: 12px; border-left: 4px solid transparent; }
pre.src .l::before { content: attr(data-n); display: inline-block; width: 4.5em; padding-right: 1em; text-align: right; color: var(--muted); user-select: none; }
.l.hit { background: var(--ok-bg); border-left-color: var(--ok); }
.l.miss { background: var(--bad-bg); border-left-color: var(--bad); }
.l.none { color: var(--muted); }
p.legend .l { display: inline-block; padding: 0 6px; border-left: 4px solid transparent; font-size: 12px; }
`;
