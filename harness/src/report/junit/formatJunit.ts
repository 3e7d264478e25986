import type { Report, SpecResult } from '../types.js';
import { junitCases, type JunitCase } from './junitCases.js';
import { xmlElement } from './xmlElement.js';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * `vigil-report.junit.xml` in the shape CI systems read (Jenkins, GitLab, GitHub test reporters):
 * `testsuites` > a `testsuite` per spec > a `testcase` per check, each with `failure`, `error` or
 * `skipped`, and counts and times on both levels. Timing lives only in `time` and `timestamp`
 * attributes (a suite's timestamp is the run's start: the report keeps no start per spec).
 */
export function formatJunit(report: Report): string {
  const suites = report.specs.map((spec) => ({ spec, cases: junitCases(spec, report.settings.depth) }));
  const total = sum(suites.map((s) => count(s.cases)));
  // The schema Jenkins and Ant follow: local date-time without zone or fraction (here UTC).
  const timestamp = new Date(Date.parse(report.createdAt) - report.durationMs).toISOString().slice(0, 19);
  const body = suites.map(({ spec, cases }) => suite(spec, cases, timestamp));
  const root = xmlElement(0, 'testsuites', { name: 'vigil', ...total, time: seconds(report.durationMs / 1000) }, { children: body });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

function suite(spec: SpecResult, cases: JunitCase[], timestamp: string): string {
  const s = spec.settings;
  const properties = [
    ...(s ? [['seed', s.seed], ['runs', String(s.runs)], ['depth', String(s.depth)]] : []),
    ['calls', String(spec.stats.calls)],
    ['reverts', String(spec.stats.reverts)],
    ...(spec.suite ? [['suite', `${spec.suite.kind} ${spec.suite.contract}`]] : []),
  ].map(([name, value]) => xmlElement(3, 'property', { name, value }));
  const stale = (spec.staleFindings ?? []).map((x) => `stale counterexample ${x.id}: no longer fails (${x.message})`);
  return xmlElement(1, 'testsuite', { name: spec.name, ...count(cases), time: seconds(spec.stats.durationMs / 1000), timestamp }, {
    children: [
      xmlElement(2, 'properties', {}, { children: properties }),
      ...cases.map((c) => testcase(spec, c)),
      ...(stale.length > 0 ? [xmlElement(2, 'system-out', {}, { text: stale.join('\n') })] : []),
    ],
  });
}

function testcase(spec: SpecResult, c: JunitCase): string {
  const attrs = { name: c.name, classname: spec.name, time: seconds(c.time), file: c.file, line: c.line };
  const o = c.outcome;
  const children = o.kind === 'passed'
    ? (o.note !== undefined ? [xmlElement(3, 'system-out', {}, { text: o.note })] : [])
    : o.kind === 'skipped'
      ? [xmlElement(3, 'skipped', { message: o.message })]
      : [xmlElement(3, o.kind, { message: o.message, type: o.type }, { text: o.body })];
  return xmlElement(2, 'testcase', attrs, { children });
}

function count(cases: JunitCase[]): Counts {
  const n = (kind: string) => cases.filter((c) => c.outcome.kind === kind).length;
  return { tests: cases.length, failures: n('failure'), errors: n('error'), skipped: n('skipped') };
}

function sum(counts: Counts[]): Counts {
  const add = (k: keyof Counts) => counts.reduce((a, c) => a + c[k], 0);
  return { tests: add('tests'), failures: add('failures'), errors: add('errors'), skipped: add('skipped') };
}

function seconds(s: number): string {
  return s.toFixed(3);
}
