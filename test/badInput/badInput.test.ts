import { existsSync, readdirSync } from 'node:fs';
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonReport, makeTempDir, repoRoot, stackFramePattern } from '../cli/helpers/runVigil.js';
import { everyFileUnder, runCli } from './helpers/runCli.js';

/**
 * Bad input of every kind: each case names what is wrong and where, says what to do, exits with
 * the documented code, prints no stack trace, and loses nothing already found. (Spec-file
 * mistakes found at load and deploy time are in test/cli/specErrors.test.ts; CASES.md lists
 * every case of the hardening issue and the test that covers it.)
 */
const fixtures = join(repoRoot, 'test/badInput/fixtures');
const spec = (name: string) => join(fixtures, 'specs', `${name}.spec.ts`);

/** A key planted in the environment: it must appear in no output and no file the run leaves. */
const PLANTED_KEY = `0x${'5eed'.repeat(16)}`;
const MALFORMED_KEY = `0x${'bad5eed'.repeat(9)}`;
/** Basic-auth password and path key of an RPC URL: never repeated in a message. */
const RPC_PASSWORD = 'pl4nted-passw0rd';
const RPC_PATH_KEY = 'f00dcafe'.repeat(4);

/** A node that fails every request (HTTP 500), and a port where nothing listens. */
let failingNode: Server;
let failingPort = 0;
let closedPort = 0;

interface Case {
  name: string;
  args: (dir: string) => string[];
  /** Runs in this folder (a fresh one per case), after `prepare`. */
  prepare?: (dir: string) => Promise<void>;
  env?: Record<string, string>;
  exit: number;
  code?: string;
  says: (string | RegExp)[];
  /** Where the hint is not an `error[...]`'s (prove verdicts, warnings): text that says what to do. */
  hint?: string | RegExp;
  /** Finding ids the report must still hold. */
  keeps?: string[];
  /** Texts that must appear nowhere: not in the output, not in any file under the case's folder. */
  secrets?: string[];
  /** Further checks on what the run left in the case folder (its JSON report, corpus, files). */
  after?: (dir: string) => Promise<void>;
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
  {
    name: 'a set-up call with too many arguments',
    args: (d) => ['run', spec('WrongArgCount'), ...small, '--out', d],
    exit: 2, code: 'SPEC_BAD_ARGS',
    says: ['odd.bump(5n): bump takes 0 arguments, 1 given', /WrongArgCount\.spec\.ts:9:\d+/, 'expected: bump()'],
  },
  {
    name: 'a spec whose fields have the wrong types',
    args: (d) => ['run', spec('WrongShape'), ...small, '--out', d],
    exit: 2, code: 'SPEC_INVALID',
    says: ['2 problems in the spec', /contracts\.odd\.contract: must be the Solidity contract name \(at \S*WrongShape\.spec\.ts:7\)/, /invariants: must be an object of named checks \(\{ name: \.\.\. \}\), got a list \(at \S*WrongShape\.spec\.ts:8\)/],
  },
  {
    name: 'a type error thrown in the set-up',
    args: (d) => ['run', spec('TypeErrorSetup'), ...small, '--out', d],
    exit: 2, code: 'SPEC_INVALID',
    says: ['setup threw TypeError: count.toFixed is not a function', /TypeErrorSetup\.spec\.ts:10:\d+/],
  },
  {
    name: 'a type error thrown in an invariant',
    args: (d) => ['run', spec('TypeErrorInvariant'), ...small, '--out', d],
    exit: 2, code: 'INVARIANT_THREW',
    says: ['invariant countIsSmall threw: (intermediate value).toFixed is not a function', /TypeErrorInvariant\.spec\.ts:9:\d+/],
  },
  {
    name: 'a Solidity suite that needs a library linked',
    args: (d) => ['run', join(fixtures, 'contracts', 'LinkedSuite.sol'), ...small, '--out', d],
    exit: 2, code: 'LIBRARY_LINK',
    says: ['LinkedSuite needs linked libraries, which Solidity suites do not support yet: LinkedSuite.sol:HalfLib', /at \S*LinkedSuite\.sol/],
  },
  {
    name: 'a spec whose contract calls an external library (linked for it)',
    args: (d) => ['run', spec('Linked'), ...small, '--out', d],
    exit: 0,
    says: ['[PASS] invariant valueIsEven', ': PASSED.'],
  },
  {
    name: 'a campaign worker whose check calls process.exit (--workers 2)',
    args: (d) => ['run', spec('WorkerExits'), ...small, '--workers', '2', '--out', d],
    exit: 2, code: 'CAMPAIGN_WORKER_FAILED',
    says: ["campaign worker 1 failed (worker 1 exited with code 7 before reporting); the other workers' runs and findings are kept", '[FAIL: property shortNeverReverts broken]'],
    keeps: ['WorkerExits:property:shortNeverReverts'],
  },
  {
    name: 'a campaign worker that runs out of memory (--workers 2)',
    // The check-time limit well above the time the heap takes to fill, however busy the machine.
    args: (d) => ['run', spec('WorkerOutOfMemory'), ...small, '--workers', '2', '--check-timeout', '300', '--out', d],
    exit: 2, code: 'CAMPAIGN_WORKER_FAILED',
    says: [/campaign worker 1 failed \(ERR_WORKER_OUT_OF_MEMORY: .*\); the other workers' runs and findings are kept/],
    keeps: ['WorkerOutOfMemory:property:shortNeverReverts'],
  },
  {
    name: 'every campaign worker dying (--workers 2)',
    args: (d) => ['run', spec('AllWorkersExit'), ...small, '--workers', '2', '--out', d],
    exit: 2, code: 'CAMPAIGN_WORKER_FAILED',
    says: [/campaign worker 0 failed \(worker 0 exited with code 7 before reporting\); no worker finished/],
    after: async (d) => expect((await readJsonReport(d)).specs[0]).toMatchObject({ status: 'error', error: { code: 'CAMPAIGN_WORKER_FAILED' } }),
  },
  {
    name: 'a proof obligation Z3 cannot finish in time (vigil prove --timeout 1)',
    args: (d) => ['prove', spec('SolverTimeout'), '--depth', '1', '--timeout', '1', '--fuzz-runs', '0', '--out', d],
    exit: 3,
    says: ['invariant staysShut: unknown', 'timeout after 1 s (worker stopped)', ': INCONCLUSIVE.'],
    hint: 'Hint: give each proof obligation more time with --timeout <seconds> (now 1), or search fewer calls deep with --depth (now 1).',
    after: async (d) => expect((await readJsonReport(d)).specs[0]!.proofs).toMatchObject([{ name: 'staysShut', verdict: 'unknown', reason: 'timeout after 1 s (worker stopped)' }]),
  },
  {
    name: 'a prover worker that runs out of memory (vigil prove)',
    args: (d) => ['prove', spec('ProverOutOfMemory'), '--depth', '1', '--fuzz-runs', '0', '--out', d],
    exit: 3,
    says: ['invariant countersMatch: error', /engine failure: worker died: ERR_WORKER_OUT_OF_MEMORY/, 'invariant leftIsBounded: proved-inductive', ': INCONCLUSIVE.'],
    hint: 'Hint: the prover failed on the checks marked error (the others have their verdicts)',
    after: async (d) => expect((await readJsonReport(d)).specs[0]!.proofs!.map((p) => [p.name, p.verdict])).toEqual([['countersMatch', 'error'], ['leftIsBounded', 'proved-inductive']]),
  },
  {
    name: 'a report folder that does not exist yet',
    args: (d) => ['run', spec('OddReverts'), ...small, '--out', join(d, 'not', 'yet', 'there')],
    exit: 1,
    says: ['Reports: not/yet/there/vigil-report.json'],
    after: async (d) => expect((await readJsonReport(join(d, 'not', 'yet', 'there'))).specs[0]!.findings).toHaveLength(4),
  },
  {
    name: 'a damaged corpus from an earlier run',
    prepare: async (d) => {
      await mkdir(join(d, '.vigil', 'corpus'), { recursive: true });
      await writeFile(join(d, '.vigil', 'corpus', 'OddReverts.failures.json'), '{"failures": [{"id": 3');
      await writeFile(join(d, '.vigil', 'corpus', 'OddReverts.coverage.json'), 'garbage');
    },
    args: (d) => ['run', spec('OddReverts'), '--runs', '50', '--depth', '20', '--out', d],
    exit: 1,
    says: [
      /warning: \.vigil\/corpus\/OddReverts\.failures\.json is damaged \(.*JSON.*\) and was ignored; kept as \.vigil\/corpus\/OddReverts\.failures\.json\.damaged/,
      'OddReverts.coverage.json is damaged',
    ],
    keeps: ['OddReverts:property:short', 'OddReverts:property:huge', 'OddReverts:property:badUtf8', 'OddReverts:property:lying'],
    after: async (d) => expect(readdirSync(join(d, '.vigil', 'corpus')).sort()).toEqual([
      'OddReverts.coverage.json', 'OddReverts.coverage.json.damaged', 'OddReverts.failures.json', 'OddReverts.failures.json.damaged',
    ]),
  },
  {
    name: 'a report that is JSON but not a Vigil report, given to replay',
    prepare: (d) => writeFile(join(d, 'odd.json'), JSON.stringify({ schemaVersion: 1, tool: { name: 'vigil', version: '0.1.0' }, specs: [{ name: 3 }] })),
    args: (d) => ['replay', join(d, 'odd.json')],
    exit: 2, code: 'REPORT_INVALID',
    says: [/odd\.json is not a valid Vigil report \(13 problems\)/, 'status: is required', 'specs[0].name: must be string'],
  },
  {
    name: 'monitor: a malformed guardian key in the environment',
    env: { VIGIL_GUARDIAN_KEY: MALFORMED_KEY },
    args: (d) => ['monitor', '--rpc', `http://127.0.0.1:${closedPort}`, '--spec', spec('Odd'), '--address', `odd=0x${'11'.repeat(20)}`, '--auto-pause', '--out', d],
    exit: 2, code: 'MONITOR_NO_KEY',
    says: ['--auto-pause: $VIGIL_GUARDIAN_KEY does not hold a private key (0x + 64 hex digits)'],
    secrets: [MALFORMED_KEY.slice(2)],
  },
  {
    name: 'monitor: no guardian key in the environment',
    env: { VIGIL_GUARDIAN_KEY: '' },
    args: (d) => ['monitor', '--rpc', `http://127.0.0.1:${closedPort}`, '--spec', spec('Odd'), '--address', `odd=0x${'11'.repeat(20)}`, '--auto-pause', '--guardian-key-env', 'NO_SUCH_VIGIL_KEY', '--out', d],
    exit: 2, code: 'MONITOR_NO_KEY',
    says: ['--auto-pause: $NO_SUCH_VIGIL_KEY is not set'],
  },
  {
    name: 'monitor: an unreachable node, with a guardian key planted',
    env: { VIGIL_GUARDIAN_KEY: PLANTED_KEY },
    args: (d) => ['monitor', '--rpc', `http://127.0.0.1:${closedPort}`, '--spec', spec('Odd'), '--address', `odd=0x${'11'.repeat(20)}`, '--auto-pause', '--out', d],
    exit: 2, code: 'RPC_UNREACHABLE',
    says: [/the node at http:\/\/127\.0\.0\.1:\d+\/ did not answer eth_chainId after 5 attempts: eth_chainId: ECONNREFUSED/],
    secrets: [PLANTED_KEY.slice(2)],
  },
  {
    name: 'monitor: a node that fails every request, its URL holding a password and a key',
    env: { VIGIL_GUARDIAN_KEY: PLANTED_KEY },
    args: (d) => ['monitor', '--rpc', `http://guard:${RPC_PASSWORD}@127.0.0.1:${failingPort}/v3/${RPC_PATH_KEY}`, '--spec', spec('Odd'), '--address', `odd=0x${'11'.repeat(20)}`, '--auto-pause', '--out', d],
    exit: 2, code: 'RPC_UNREACHABLE',
    says: [/the node at http:\/\/\*\*\*@127\.0\.0\.1:\d+\/v3\/\*\*\* did not answer eth_chainId after 5 attempts: eth_chainId: HTTP 500 node is down/],
    secrets: [PLANTED_KEY.slice(2), RPC_PASSWORD, RPC_PATH_KEY],
  },
  {
    name: 'monitor: an --rpc that is not an http(s) URL',
    args: (d) => ['monitor', '--rpc', `wss://node.example/v2/${RPC_PATH_KEY}`, '--spec', spec('Odd'), '--address', 'odd=0x1', '--out', d],
    exit: 2, code: 'USAGE',
    says: ['vigil monitor: 1 problem with the flags', '--rpc wss://node.example/v2/***: an http(s):// URL is expected'],
    secrets: [RPC_PATH_KEY],
  },
];

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('bad-input');
  failingNode = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(500);
      res.end('node is down');
    });
  });
  await new Promise<void>((r) => failingNode.listen(0, '127.0.0.1', r));
  failingPort = (failingNode.address() as AddressInfo).port;
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
});
afterAll(async () => {
  await new Promise<void>((r) => failingNode.close(() => r()));
  await rm(tmp, { recursive: true, force: true });
});

/**
 * With VIGIL_BAD_INPUT_LOG=<file>, each case appends what it printed (the error line and its
 * hint), so the table of cases in CASES.md is written from real runs.
 */
async function logCase(c: Case, dir: string, output: string, exit: number | null): Promise<void> {
  const file = process.env.VIGIL_BAD_INPUT_LOG;
  if (file === undefined) return;
  const lines = output.split('\n');
  const error = lines.find((l) => /^error\[[A-Z_]+\]: /.test(l) || /^warning: /.test(l) || /: (unknown|error)\s/.test(l)) ?? '';
  const hint = lines.find((l) => l.startsWith('Hint: ')) ?? '';
  const command = ['vigil', ...c.args(dir)].join(' ').replaceAll(dir, '<dir>').replaceAll(repoRoot + '/', '');
  await appendFile(file, `${JSON.stringify({ name: c.name, command, exit, error, hint })}\n`);
}

describe.concurrent('bad input', () => {
  cases.forEach((c, i) => {
    it(`${c.name} → ${c.code ? `error[${c.code}], ` : ''}exit ${c.exit}`, async () => {
      const dir = join(tmp, `case-${i}`);
      await mkdir(dir, { recursive: true });
      await c.prepare?.(dir);
      const r = await runCli(c.args(dir), { cwd: dir, env: c.env, timeoutMs: 150_000 });
      await logCase(c, dir, r.output, r.code);

      expect(r.output).not.toMatch(stackFramePattern);
      expect(r.output).not.toContain('error[INTERNAL]');
      if (c.code) {
        expect(r.output).toContain(`error[${c.code}]: `);
        expect(r.output).toMatch(/^Hint: \S/m);
      }
      if (c.hint !== undefined) {
        if (typeof c.hint === 'string') expect(r.output).toContain(c.hint);
        else expect(r.output).toMatch(c.hint);
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
      await c.after?.(dir);
      for (const secret of c.secrets ?? []) {
        expect(r.output.toLowerCase()).not.toContain(secret.toLowerCase());
        expect(everyFileUnder(dir).toLowerCase()).not.toContain(secret.toLowerCase());
      }
    }, 180_000);
  });

  it('a report folder that cannot be written still leaves the findings in the corpus', async () => {
    const dir = join(tmp, 'corpus-kept');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'taken'), 'x');
    const r = await runCli(['run', spec('OddReverts'), '--runs', '20', '--depth', '20', '--out', join(dir, 'taken', 'reports')], { cwd: dir });
    expect(r.code).toBe(2);
    const corpus = join(dir, '.vigil', 'corpus');
    expect(existsSync(corpus) && readdirSync(corpus).some((f) => f.startsWith('OddReverts'))).toBe(true);
  }, 150_000);
});
