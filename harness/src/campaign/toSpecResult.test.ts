import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeReport } from '../report/normalizeReport.js';
import { REPORT_SCHEMA_VERSION, type Finding, type Report, type SpecResult } from '../report/types.js';
import { validateReport } from '../report/validateReport.js';
import { defaultSettings, type CampaignSettings } from './CampaignSettings.js';
import { openSession } from './openSession.js';
import { runCampaign } from './runCampaign.js';
import { toSpecResult } from './toSpecResult.js';

const root = dirname(dirname(dirname(import.meta.dirname)));
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', `${name}.spec.ts`);
const fixtureSol = (name: string) => relative(process.cwd(), join(import.meta.dirname, 'fixtures', `${name}.sol`));

let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'vigil-report-data-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

async function campaign(spec: string, settings: Partial<CampaignSettings>): Promise<SpecResult> {
  const session = await openSession(spec, { root, cacheDir, settings: { ...defaultSettings, ...settings } });
  return toSpecResult(await runCampaign(session), { seed: session.settings.seed, reportPath: 'reports/vigil-report.json' });
}

function reportOf(spec: SpecResult): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'vigil', version: '0.0.0' },
    status: spec.status,
    createdAt: new Date(0).toISOString(),
    durationMs: 0,
    settings: { seed: '1', runs: 1, depth: 1, shrinkLimit: 1, workers: 1, command: 'vigil run' },
    compiler: { version: 'x', evmVersion: 'x', hardfork: 'x' },
    specs: [spec],
  };
}

/** The source line a location points at. */
function lineAt(file: string, line: number): string {
  return readFileSync(join(process.cwd(), file), 'utf8').split('\n')[line - 1]!;
}

function lineOf(file: string, needle: string): number {
  const index = readFileSync(join(process.cwd(), file), 'utf8').split('\n').findIndex((l) => l.includes(needle));
  expect(index, `${needle} in ${file}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Every invariant holds before the first call and after each call but the last, where `name` is broken. */
function expectFlipsAtLastStep(f: Finding, name: string, counterexample: 'original' | 'shrunk'): void {
  const ce = f[counterexample];
  expect(ce.invariantsBefore!.every((v) => v.holds), `${counterexample}: before`).toBe(true);
  ce.calls.forEach((c, i) => {
    const value = c.invariantsAfter!.find((v) => v.name === name)!;
    expect(value.holds, `${counterexample}: ${name} after call ${i}`).toBe(i < ce.calls.length - 1);
  });
}

describe('toSpecResult: the data reporters read', () => {
  let result: SpecResult;
  // Seed 4 finds notDrained after 8 calls, so the original counterexample has steps where it holds.
  beforeAll(async () => {
    result = await campaign(fixture('ReportData'), { runs: 60, depth: 12, seed: 4 });
  }, 120_000);

  it('records invariant values before the first call and after every call, flipping at the failing step', () => {
    const f = result.findings.find((x) => x.id === 'ReportData:invariant:notDrained')!;
    expect(f, result.findings.map((x) => x.id).join(', ')).toBeDefined();
    expect(f.original.calls.length).toBeGreaterThan(1);
    expectFlipsAtLastStep(f, 'notDrained', 'original');
    expectFlipsAtLastStep(f, 'notDrained', 'shrunk');
    // Every invariant of the spec, in declaration order, at every step.
    for (const c of f.shrunk.calls) expect(c.invariantsAfter!.map((v) => v.name)).toEqual(['notDrained', 'totalBounded']);
    expect(f.shrunk.calls.at(-1)!.invariantsAfter!.find((v) => v.name === 'totalBounded')!.holds).toBe(true);
  });

  it('locates an invariant finding at the definition of the last call, in the base contract that writes it', () => {
    const f = result.findings.find((x) => x.id === 'ReportData:invariant:notDrained')!;
    expect(f.shrunk.calls.at(-1)!.function).toBe('drain');
    const at = f.solidityLocation!;
    expect(at).toMatchObject({ file: fixtureSol('ReportBase'), contract: 'ReportBase', function: 'drain' });
    expect(at.line).toBe(lineOf(at.file, 'function drain('));
    expect(lineAt(at.file, at.line).slice(at.column - 1)).toMatch(/^function drain\(/);
  });

  it('locates an assertion at its assert, with the contract and function around it', () => {
    const f = result.findings.find((x) => x.kind === 'assertion')!;
    expect(f, result.findings.map((x) => x.id).join(', ')).toBeDefined();
    const at = f.solidityLocation!;
    expect(at).toMatchObject({ file: fixtureSol('ReportData'), contract: 'ReportData', function: 'checked' });
    expect(at.line).toBe(f.location!.line);
    expect(lineAt(at.file, at.line).slice(at.column - 1)).toMatch(/^assert\(y % 8 != 5\)/);
  });

  it('covers lines of the called functions, in both files, and never the body of the function never called', () => {
    const lines = result.coverage.lines!;
    expect(lines.map((l) => l.file)).toEqual([fixtureSol('ReportBase'), fixtureSol('ReportData')]);
    for (const l of lines) {
      expect(l.covered.every((n) => l.coverable.includes(n))).toBe(true);
      expect([...l.coverable].sort((a, b) => a - b)).toEqual(l.coverable);
    }
    const [base, data] = lines as [typeof lines[0], typeof lines[0]];
    const bump = lineOf(data.file, 'total += x % 7;');
    const drain = lineOf(base.file, 'if (amount > 1000)');
    const never = lineOf(data.file, 'level = (z << 3) ^ 0x5eed;');
    expect(data.covered).toContain(bump);
    expect(base.covered).toContain(drain);
    expect(data.coverable).toContain(never);
    expect(data.covered).not.toContain(never);
  });

  it('samples the timeline at the end of every run, monotone, ending with the whole search', () => {
    const t = result.timeline!;
    expect(t.map((s) => s.runs)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (let i = 1; i < t.length; i++) {
      for (const k of ['ms', 'runs', 'calls', 'findings', 'edges'] as const) expect(t[i]![k]).toBeGreaterThanOrEqual(t[i - 1]![k]);
    }
    expect(t.at(-1)).toMatchObject({ runs: result.stats.runs, calls: result.stats.calls, findings: result.findings.length });
    expect(t.at(-1)!.edges).toBeGreaterThan(t[0]!.edges);
  });

  it('validates against the report schema', () => {
    const v = validateReport(JSON.parse(JSON.stringify(reportOf(result))));
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('gives the same data for the same seed, timings aside', async () => {
    const again = await campaign(fixture('ReportData'), { runs: 60, depth: 12, seed: 4 });
    expect(JSON.stringify(normalizeReport(reportOf(again)))).toBe(JSON.stringify(normalizeReport(reportOf(result))));
  }, 120_000);
});

describe('toSpecResult on the example TokenBuggy', () => {
  it('locates the broken supply at `function transfer` and samples every ceil(runs / 200)-th run', async () => {
    const result = await campaign(join(root, 'specs', 'TokenBuggy.spec.ts'), { runs: 450, depth: 3, seed: 2 });
    const f = result.findings.find((x) => x.id === 'TokenBuggy:invariant:supplyIsSumOfBalances')!;
    expect(f).toBeDefined();
    const at = f.solidityLocation!;
    const name = f.shrunk.calls.at(-1)!.function;
    expect(at).toMatchObject({ file: 'targets/token/TokenBuggy.sol', contract: 'TokenBuggy', function: name });
    expect(lineAt(at.file, at.line)).toContain(`function ${name}(`);
    expectFlipsAtLastStep(f, 'supplyIsSumOfBalances', 'shrunk');
    // 450 runs: a sample every 3rd run, the last one included.
    expect(result.timeline!.map((s) => s.runs)).toEqual(Array.from({ length: 150 }, (_, i) => 3 * (i + 1)));
    const v = validateReport(JSON.parse(JSON.stringify(reportOf(result))));
    expect(v.ok ? [] : v.errors).toEqual([]);
  }, 120_000);
});
