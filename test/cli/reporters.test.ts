import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStrictXml } from '../../harness/src/report/junit/testing/parseStrictXml.js';
import { sarifSchemaErrors } from '../../harness/src/report/sarif/testing/sarifSchemaErrors.js';
import { fixtureSpec, makeTempDir, repoRoot, runVigil, smallBudget, stackFramePattern } from './helpers/runVigil.js';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('reporters');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const FILES = ['vigil-report.json', 'vigil-report.junit.xml', 'vigil-report.sarif', 'vigil-report.md', 'vigil-report.html'];

describe('vigil run --reporter and vigil report', () => {
  it('writes every format from one run; the SARIF validates, the JUnit parses, and vigil report re-renders the same bytes', async () => {
    const out = join(tmp, 'all');
    const r = await runVigil(['run', fixtureSpec('Piggy'), ...smallBudget, '--out', out, '--no-corpus', '--reporter', 'console,json,junit,sarif,markdown,html']);
    expect(r.code).toBe(1);
    expect(r.output).not.toMatch(stackFramePattern);
    expect(r.stdout).toContain('[FAIL: invariant totalIsSumOfBalances broken] invariant totalIsSumOfBalances');
    const rel = relative(repoRoot, out);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`Reports: ${FILES.map((f) => `${rel}/${f}`).join(', ')}`);
    const read = (dir: string, f: string) => readFile(join(dir, f), 'utf8');

    const sarif = JSON.parse(await read(out, 'vigil-report.sarif'));
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const [result] = sarif.runs[0].results;
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(result.ruleId).toBe('vigil/Piggy/invariant/totalIsSumOfBalances');
    expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'test/cli/fixtures/contracts/Piggy.sol', uriBaseId: 'SRCROOT' });
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('Piggy.withdrawAll');
    expect(result.message.text).toMatch(/\n1\. 0x[0-9a-f]{40} calls Piggy\.deposit\(\d+\)\n2\. 0x[0-9a-f]{40} calls Piggy\.withdrawAll\(\)\nReplay: npx vigil replay /);
    expect(sarif.runs[0].invocations[0]).toMatchObject({ exitCode: 1, executionSuccessful: true });
    expect(sarif.runs[0].originalUriBaseIds.SRCROOT.uri).toBe(`file://${repoRoot}/`);

    const junit = parseStrictXml(await read(out, 'vigil-report.junit.xml'));
    const suite = junit.children[0]!;
    expect(suite.attributes).toMatchObject({ name: 'Piggy', failures: '1', errors: '0' });
    const failure = suite.children.find((c) => c.attributes.name === 'invariant totalIsSumOfBalances')!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.text).toContain('calls Piggy.withdrawAll()');
    expect(failure.text).toContain("Replay: npx vigil replay");

    expect((await read(out, 'vigil-report.html')).slice(0, 15).toLowerCase()).toBe('<!doctype html>');

    // Every file reporter is a pure render of the JSON: re-rendered later, the bytes are the same.
    const again = join(tmp, 'again');
    const re = await runVigil(['report', join(out, 'vigil-report.json'), '--reporter', 'json,junit,sarif,markdown,html', '--out', again]);
    expect(re.code).toBe(0);
    for (const f of FILES) expect(await read(again, f), f).toBe(await read(out, f));
    // And the console, which streamed during the run, prints the same text from the saved report.
    const text = await runVigil(['report', join(out, 'vigil-report.json')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(r.stdout.slice(0, r.stdout.lastIndexOf('Reports: ')));
  });

  it('always writes the JSON that replay commands name, even when not asked for', async () => {
    const out = join(tmp, 'sarif-only');
    const r = await runVigil(['run', fixtureSpec('PiggyFixed'), ...smallBudget, '--out', out, '--no-corpus', '--reporter', 'sarif']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Reports: ${relative(repoRoot, join(out, 'vigil-report.json'))}, ${relative(repoRoot, join(out, 'vigil-report.sarif'))}\n`);
    expect((await readdir(out)).sort()).toEqual(['vigil-report.json', 'vigil-report.sarif']);
    expect(JSON.parse(await readFile(join(out, 'vigil-report.sarif'), 'utf8')).runs[0].results).toEqual([]);
  });

  it('rejects an unknown reporter as a usage error listing the valid ones, before any campaign runs', async () => {
    const out = join(tmp, 'unknown');
    const r = await runVigil(['run', fixtureSpec('Piggy'), '--out', out, '--reporter', 'json,pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[USAGE]: --reporter: unknown reporter "pdf"');
    expect(r.stderr).toContain('Hint: Pick from: console, json, markdown, junit, sarif, html');
    expect(r.output).not.toMatch(stackFramePattern);
    expect(existsSync(out)).toBe(false);
  });

  it('reports a missing or invalid report file clearly', async () => {
    const missing = await runVigil(['report', join(tmp, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error[IO]: report not found');
    const bad = join(tmp, 'bad.json');
    await writeFile(bad, JSON.stringify({ schemaVersion: 1, specs: 'x' }));
    const invalid = await runVigil(['report', bad, '--reporter', 'sarif']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/error\[REPORT_INVALID\]: .*bad\.json is not a valid Vigil report/);
    expect(invalid.output).not.toMatch(stackFramePattern);
  });
});
