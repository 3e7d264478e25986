import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../harness/src/report/types.js';
import { makeTempDir, repoRoot, vigilBin } from './helpers/runVigil.js';

/**
 * The example workflow (.github/workflows/vigil.yml) as GitHub would run it, short of GitHub:
 * its Fuzz command on four "runners" (separate folders), its artifacts laid out as
 * download-artifact lays them out, then its merge script run by bash as it is written.
 * Only `npx vigil` and the spec set differ (a small budget on one spec instead of specs/).
 */
let tmp: string;
let workflow: string;
beforeAll(async () => {
  tmp = await makeTempDir('ci-workflow');
  workflow = await readFile(join(repoRoot, '.github', 'workflows', 'vigil.yml'), 'utf8');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The `run:` of the step with this name: one line, or a `|` block up to the next key. */
function stepRun(name: string): string {
  const lines = workflow.split('\n');
  const start = lines.findIndex((l) => l.trim() === `- name: ${name}`);
  expect(start, `a step named "${name}"`).toBeGreaterThanOrEqual(0);
  const runAt = lines.findIndex((l, i) => i > start && /^\s+run: /.test(l));
  const head = lines[runAt]!.trim().slice('run: '.length);
  if (head !== '|') return head;
  const indent = lines[runAt + 1]!.search(/\S/);
  const body: string[] = [];
  for (let i = runAt + 1; i < lines.length && (lines[i]!.trim() === '' || lines[i]!.search(/\S/) >= indent); i++) body.push(lines[i]!.slice(indent));
  return body.join('\n').trim();
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('.github/workflows/vigil.yml', () => {
  it('caches the compile folder and the corpus, fuzzes a matrix of 4 shards with vigil ci and merges them with SARIF and HTML', () => {
    expect(workflow).toContain('node-version: 20');
    expect(workflow).toContain('shard: [1, 2, 3, 4]');
    expect(workflow).toMatch(/path: \.vigil\/cache\/compile\n\s+key: vigil-compile-\$\{\{ runner\.os \}\}-\$\{\{ hashFiles\('package-lock\.json'/);
    expect(workflow).toMatch(/uses: actions\/cache\/restore@v4\n\s+with:\n\s+path: \.vigil\/corpus/);
    expect(workflow).toMatch(/uses: actions\/cache\/save@v4\n\s+with:\n\s+path: \.vigil\/corpus/);
    expect(workflow).toMatch(/uses: github\/codeql-action\/upload-sarif@v3\n\s+with:\n\s+sarif_file: reports\/vigil-report\.sarif/);
    expect(workflow).toContain('reports/vigil-report.html');
    expect(stepRun('Fuzz')).toMatch(/^npx vigil ci --shard \$\{\{ matrix\.shard \}\}\/4 /);
  });

  it('its fuzz and merge commands, run as written, join the four shards\' reports and corpora', async () => {
    const vigil = `node ${vigilBin}`;
    const spec = join(repoRoot, 'specs', 'TokenBuggy.spec.ts');
    const fuzz = stepRun('Fuzz').replace('npx vigil', vigil).replace(' || [', ` ${spec} --runs 8 --depth 10 || [`);
    const merge = stepRun('Merge shard reports and corpora').replaceAll('npx vigil', vigil);
    const mergeDir = join(tmp, 'merge');
    for (const shard of [1, 2, 3, 4]) {
      const runner = join(tmp, `runner${shard}`);
      await mkdir(runner, { recursive: true });
      const r = await bash(fuzz.replace('${{ matrix.shard }}', String(shard)), runner, { VIGIL_SEED: '1' });
      expect(r.code, r.output).toBe(0);
      // download-artifact puts each artifact in shards/<name>/, with the paths upload-artifact kept.
      const artifact = join(mergeDir, 'shards', `vigil-shard-${shard}`);
      await cp(join(runner, 'shard', 'vigil-report.json'), join(artifact, 'shard', 'vigil-report.json'));
      await cp(join(runner, '.vigil', 'corpus'), join(artifact, '.vigil', 'corpus'), { recursive: true });
    }
    const r = await bash(merge, mergeDir, {});
    // A finding: exit 1, which the workflow lets through (continue-on-error) to upload, then fails on.
    expect(r.code, r.output).toBe(1);
    expect(r.output).toContain('Merged 4 shards');
    expect((await readdir(join(mergeDir, 'reports'))).sort()).toEqual([
      'vigil-report.html', 'vigil-report.json', 'vigil-report.junit.xml', 'vigil-report.md', 'vigil-report.sarif',
    ]);
    const report = JSON.parse(await readFile(join(mergeDir, 'reports', 'vigil-report.json'), 'utf8')) as Report;
    expect(report.shard).toMatchObject({ count: 4, workersPerShard: 1 });
    expect(report.settings.workers).toBe(4);
    expect(report.specs[0]!.stats.runs).toBe(8);
    expect(report.specs[0]!.findings.length).toBeGreaterThan(0);
    expect((await readdir(join(mergeDir, '.vigil', 'corpus'))).sort()).toEqual(['TokenBuggy.coverage.json', 'TokenBuggy.failures.json']);
  }, 600_000);
});
