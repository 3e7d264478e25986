import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VigilError } from '../errors/VigilError.js';
import { sampleReport } from './fixtures/sampleReport.js';
import { formatMarkdown } from './formatMarkdown.js';
import { readReport } from './readReport.js';
import { writeReports } from './writeReports.js';

async function readError(path: string): Promise<VigilError> {
  const err = await readReport(path).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(VigilError);
  return err as VigilError;
}

describe('writeReports and readReport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-report-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes pretty JSON and Markdown, leaving no temporary files, and reads the report back', async () => {
    const report = sampleReport();
    const out = join(dir, 'reports');
    const written = await writeReports(report, out);
    expect(written).toEqual({ json: join(out, 'vigil-report.json'), markdown: join(out, 'vigil-report.md') });
    expect((await readdir(out)).sort()).toEqual(['vigil-report.json', 'vigil-report.md']);
    expect(await readFile(written.json, 'utf8')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(await readFile(written.markdown, 'utf8')).toBe(formatMarkdown(report));
    expect(await readReport(written.json)).toEqual(report);
  });

  it('reports a missing file as IO', async () => {
    const err = await readError(join(dir, 'nope.json'));
    expect(err.code).toBe('IO');
    expect(err.message).toContain('report not found');
  });

  it('reports invalid JSON as REPORT_INVALID', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, '{"schemaVersion": 1,');
    const err = await readError(path);
    expect(err.code).toBe('REPORT_INVALID');
    expect(err.message).toContain('is not valid JSON');
  });

  it('reports schema violations as REPORT_INVALID with one meta line each', async () => {
    const data = JSON.parse(JSON.stringify(sampleReport()));
    data.specs[0].stats.calls = 'many';
    delete data.compiler;
    const path = join(dir, 'schema.json');
    await writeFile(path, JSON.stringify(data));
    const err = await readError(path);
    expect(err.code).toBe('REPORT_INVALID');
    expect(err.message).toContain('(2 problems)');
    expect(err.meta.sort()).toEqual(['compiler: is required', 'specs[0].stats.calls: must be integer']);
  });

  it('reports a newer schema version as REPORT_INVALID', async () => {
    const path = join(dir, 'future.json');
    await writeFile(path, JSON.stringify({ ...sampleReport(), schemaVersion: 2 }));
    const err = await readError(path);
    expect(err.meta).toEqual(['report schema version 2 is newer than this Vigil supports (1)']);
  });
});
