import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, readJsonReport, repoRoot, runVigil, stackFramePattern } from '../cli/helpers/runVigil.js';

/**
 * Bad input of every kind: each case names what is wrong and where, says what to do, exits with
 * the documented code, prints no stack trace, and loses nothing already found. (Spec-file
 * mistakes found at load and deploy time are in test/cli/specErrors.test.ts.)
 */
const spec = (name: string) => join(repoRoot, 'test/badInput/fixtures/specs', `${name}.spec.ts`);

interface Case {
  name: string;
  args: (dir: string) => string[];
  /** Runs in this folder (a fresh one per case), after `prepare`. */
  prepare?: (dir: string) => Promise<void>;
  exit: number;
  code?: string;
  says: (string | RegExp)[];
  /** Finding ids the report must still hold. */
  keeps?: string[];
}

const small = ['--runs', '50', '--depth', '20', '--no-corpus'];

const cases: Case[] = [
  {
    name: 'an empty Solidity file',
    args: (d) => ['run', spec('Empty'), ...small, '--out', d],
    exit: 2, code: 'COMPILE_EMPTY',
    says: [/the Solidity sources define no contract: \S*Empty\.sol/, 'Empty.sol: the file is empty'],
  },
  {
    name: 'a pragma the compiler cannot meet',
    args: (d) => ['run', spec('OldPragma'), ...small, '--out', d],
    exit: 2, code: 'COMPILER_VERSION',
    says: ['Source file requires different compiler version', 'OldPragma.sol:2:1', 'pragma solidity 0.4.11;'],
  },
  {
    name: 'a missing import',
    args: (d) => ['run', spec('MissingImport'), ...small, '--out', d],
    exit: 2, code: 'COMPILE_IMPORT',
    says: ['DoesNotExist.sol" not found', 'MissingImport.sol:4:1'],
  },
  {
    name: 'a contract with no callable function',
    args: (d) => ['run', spec('NoFunctions'), ...small, '--out', d],
    exit: 2, code: 'SPEC_INVALID',
    says: ['the spec leaves the fuzzer no function to call', 'NoFunctions.spec.ts'],
  },
  {
    name: 'a view that returns malformed data',
    args: (d) => ['run', spec('MalformedView'), ...small, '--out', d],
    exit: 2, code: 'INVARIANT_THREW',
    says: ['odd.total() returned 1 byte (0x01) that do not decode as (uint256)', /MalformedView\.spec\.ts:8:\d+/],
  },
  {
    name: 'an invariant that never returns',
    args: (d) => ['run', spec('InvariantLoops'), ...small, '--check-timeout', '1', '--out', d],
    exit: 2, code: 'INVARIANT_TIMEOUT',
    says: ['invariant countIsSmall did not return within 1 s and was stopped', /InvariantLoops\.spec\.ts:9\b/, '--check-timeout'],
  },
  {
    name: 'an invariant that throws after a finding was made',
    args: (d) => ['run', spec('ThrowsLater'), ...small, '--out', d],
    exit: 2, code: 'INVARIANT_THREW',
    says: ['count 4 is more than this check can handle', /ThrowsLater\.spec\.ts:12:\d+/, '[FAIL: property shortNeverReverts broken]'],
    keeps: ['ThrowsLater:property:shortNeverReverts'],
  },
  {
    name: 'an invariant that stops returning after a finding was made',
    args: (d) => ['run', spec('LoopsLater'), ...small, '--check-timeout', '1', '--out', d],
    exit: 2, code: 'INVARIANT_TIMEOUT',
    says: ['invariant countIsSmall did not return within 1 s', '[FAIL: property shortNeverReverts broken]'],
    keeps: ['LoopsLater:property:shortNeverReverts'],
  },
  {
    name: 'a check that never returns inside a campaign worker thread (--workers 2)',
    args: (d) => ['run', spec('LoopsLater'), ...small, '--check-timeout', '1', '--workers', '2', '--out', d],
    exit: 2, code: 'INVARIANT_TIMEOUT',
    says: [/a check in campaign worker \d did not return within 1 s; the worker was stopped/],
  },
  {
    name: 'targets that revert with odd data (short, 64 KiB, not UTF-8, lying about its length)',
    args: (d) => ['run', spec('OddReverts'), ...small, '--out', d],
    exit: 1,
    says: ['revert (data 0xabcdef)', '…(65536 bytes)', 'Error("', 'revert (malformed 0x08c379a0 data'],
    keeps: ['OddReverts:property:short', 'OddReverts:property:huge', 'OddReverts:property:badUtf8', 'OddReverts:property:lying'],
  },
  {
    name: 'targets that self-destruct and deploy code over the size limit',
    args: (d) => ['run', spec('Odd'), ...small, '--out', d],
    exit: 0,
    says: ['[PASS] invariant countIsSmall', ': PASSED.'],
  },
  {
    name: 'a config file with unknown keys, wrong types and absurd budgets',
    prepare: (d) => writeFile(join(d, 'vigil.config.json'), JSON.stringify({ fuzz: { runs: -5, depth: 'deep', time: 0, speed: 3 }, colour: true })),
    args: (d) => ['run', spec('Odd'), '--out', join(d, 'out')],
    exit: 2, code: 'CONFIG_INVALID',
    says: ['5 problems in vigil.config.json', 'fuzz.runs: must be a whole number from 1', 'got -5', 'fuzz.depth: must be a whole number', 'got "deep"', 'fuzz.time: must be', 'fuzz.speed: unknown key', 'colour: unknown key (known: specs, out, fuzz)'],
  },
  {
    name: 'a config file that is not JSON',
    prepare: (d) => writeFile(join(d, 'vigil.config.json'), '{ "fuzz": { runs: 5 } }'),
    args: (d) => ['run', spec('Odd'), '--out', join(d, 'out')],
    exit: 2, code: 'CONFIG_INVALID',
    says: ['vigil.config.json'],
  },
  {
    name: 'flags out of range',
    args: (d) => ['run', spec('Odd'), '--runs', '0', '--time', '-3', '--check-timeout', 'soon', '--out', d],
    exit: 2, code: 'USAGE',
    says: ['3 bad flags', '--runs: must be a whole number from 1', '--time: must be', '--check-timeout: must be'],
  },
  {
    name: 'a corrupt report given to replay',
    prepare: (d) => writeFile(join(d, 'broken.json'), '{"schemaVersion": 1, "specs": ['),
    args: (d) => ['replay', join(d, 'broken.json')],
    exit: 2, code: 'REPORT_INVALID',
    says: ['broken.json is not valid JSON'],
  },
  {
    name: 'a report from a newer Vigil given to replay',
    prepare: (d) => writeFile(join(d, 'future.json'), JSON.stringify({ schemaVersion: 99, tool: { name: 'vigil', version: '9.0.0' } })),
    args: (d) => ['replay', join(d, 'future.json')],
    exit: 2, code: 'REPORT_INVALID',
    says: ['report schema version 99 is newer than this Vigil supports'],
  },
  {
    name: 'a report folder that cannot be created (a file is in the way)',
    prepare: (d) => writeFile(join(d, 'taken'), 'a file, not a folder'),
    args: (d) => ['run', spec('OddReverts'), '--runs', '20', '--depth', '20', '--out', join(d, 'taken', 'reports')],
    exit: 2, code: 'IO',
    // The findings were printed before the write failed, and the corpus kept them.
    says: ['[FAIL: property short broken]', 'could not write', 'taken/reports'],
  },
];

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('bad-input');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.concurrent('bad input', () => {
  cases.forEach((c, i) => {
    it(`${c.name} → ${c.code ? `error[${c.code}], ` : ''}exit ${c.exit}`, async () => {
      const dir = join(tmp, `case-${i}`);
      await mkdir(dir, { recursive: true });
      await c.prepare?.(dir);
      const r = await runVigil(c.args(dir), { cwd: dir, timeoutMs: 120_000 });

      expect(r.output).not.toMatch(stackFramePattern);
      expect(r.output).not.toContain('error[INTERNAL]');
      if (c.code) {
        expect(r.output).toContain(`error[${c.code}]: `);
        expect(r.output).toMatch(/^Hint: \S/m);
      }
      for (const text of c.says) {
        if (typeof text === 'string') expect(r.output).toContain(text);
        else expect(r.output).toMatch(text);
      }
      expect(r.code).toBe(c.exit);
      if (c.keeps) {
        const report = await readJsonReport(dir);
        const ids = report.specs.flatMap((s) => s.findings.map((f) => f.id));
        for (const id of c.keeps) expect(ids).toContain(id);
        for (const f of report.specs.flatMap((s) => s.findings)) expect(f.shrunk.calls.length).toBeGreaterThan(0);
      }
    }, 150_000);
  });

  it('a report folder that cannot be written still leaves the findings in the corpus', async () => {
    const dir = join(tmp, 'corpus-kept');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'taken'), 'x');
    const r = await runVigil(['run', spec('OddReverts'), '--runs', '20', '--depth', '20', '--out', join(dir, 'taken', 'reports')], { cwd: dir });
    expect(r.code).toBe(2);
    const corpus = join(dir, '.vigil', 'corpus');
    expect(existsSync(corpus) && readdirSync(corpus).some((f) => f.startsWith('OddReverts'))).toBe(true);
  }, 150_000);
});
