import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleReport } from '../fixtures/sampleReport.js';
import { formatJson } from '../formatJson.js';
import { formatMarkdown } from '../formatMarkdown.js';
import { formatJunit } from '../junit/formatJunit.js';
import { formatSarif } from '../sarif/formatSarif.js';
import { renderHtml } from '../html/renderHtml.js';
import { loadReporters } from './loadReporters.js';
import type { Reporter, ReporterContext } from './Reporter.js';
import { ReporterGroup } from './ReporterGroup.js';
import { reporterNames } from './reporterRegistry.js';

describe('reporters through the registry', () => {
  let dir: string;
  let context: ReporterContext;
  const text: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-reporters-'));
    text.length = 0;
    context = { outDir: dir, root: dir, write: (s) => text.push(s), color: false };
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each file reporter as a pure render of the report, and lists the files in order', async () => {
    const report = sampleReport();
    const group = new ReporterGroup(await loadReporters(reporterNames, context));
    const written = await group.onRunEnd(report);
    const files = ['vigil-report.json', 'vigil-report.md', 'vigil-report.junit.xml', 'vigil-report.sarif', 'vigil-report.html'];
    expect(written).toEqual(files.map((f) => join(dir, f)));
    expect((await readdir(dir)).sort()).toEqual([...files].sort());
    const read = (f: string) => readFile(join(dir, f), 'utf8');
    expect(await read('vigil-report.json')).toBe(formatJson(report));
    expect(await read('vigil-report.md')).toBe(formatMarkdown(report));
    expect(await read('vigil-report.junit.xml')).toBe(formatJunit(report));
    expect(await read('vigil-report.sarif')).toBe(formatSarif(report, { root: dir }));
    expect(await read('vigil-report.html')).toBe(renderHtml(report, { readSource: () => undefined }));
    expect(text.join('')).toMatch(/Ran 2 specs in 10\.95s: FAILED/);
  });

  it('gives every reporter its turn when one fails, then rethrows the first failure', async () => {
    const calls: string[] = [];
    const failing: Reporter = { name: 'broken', onRunEnd: async () => { calls.push('broken'); throw new Error('render failed'); } };
    const [json] = await loadReporters(['json'], context);
    const group = new ReporterGroup([failing, json!]);
    await expect(group.onRunEnd(sampleReport())).rejects.toThrow('render failed');
    expect(calls).toEqual(['broken']);
    expect(await readdir(dir)).toEqual(['vigil-report.json']);
  });

  it('fires onSpecDone per spec and onFinding per finding, in run order', async () => {
    const events: string[] = [];
    const spy: Reporter = {
      name: 'spy',
      onRunStart: (i) => events.push(`start ${i.targets}`),
      onSpecDone: (s) => events.push(`spec ${s.name}`),
      onFinding: (f) => events.push(`finding ${f.id}`),
      onRunEnd: async () => { events.push('end'); return []; },
    };
    const group = new ReporterGroup([spy]);
    const report = sampleReport();
    group.onRunStart({ targets: 2, command: report.settings.command });
    for (const s of report.specs) group.onSpecDone(s);
    await group.onRunEnd(report);
    expect(events).toEqual([
      'start 2',
      'spec Token',
      'spec Vault',
      'finding Vault:invariant:accruedInterestBounded',
      'finding Vault:assertion:targets/vault/BuggyVault.sol:57',
      'end',
    ]);
  });
});
