import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec, makeTempDir, readJsonReport, runVigil, stackFramePattern } from './helpers/runVigil.js';

interface ErrorCase {
  /** Fixture under test/cli/fixtures/specs/. */
  spec: string;
  code: string;
  /** Text the message must hold. */
  says: (string | RegExp)[];
  /** Where the mistake is: `file:line` as printed. */
  at: RegExp;
}

const cases: ErrorCase[] = [
  {
    spec: 'SyntaxError',
    code: 'SPEC_LOAD',
    says: ['cannot load test/cli/fixtures/specs/SyntaxError.spec.ts', /SyntaxError\.spec\.ts:7:\d+: Unexpected "="/],
    at: /at test\/cli\/fixtures\/specs\/SyntaxError\.spec\.ts:7:\d+/,
  },
  {
    spec: 'NoDefault',
    code: 'SPEC_NO_DEFAULT',
    says: ['has no default export made by defineSpec(...)', 'default export: none'],
    at: /at test\/cli\/fixtures\/specs\/NoDefault\.spec\.ts:\d+/,
  },
  {
    spec: 'UnknownContract',
    code: 'SPEC_UNKNOWN_CONTRACT',
    says: ['contracts.gate: no contract named "Gait"', 'compiled: Gate'],
    at: /at test\/cli\/fixtures\/specs\/UnknownContract\.spec\.ts:8\b/,
  },
  {
    spec: 'UnknownContractDoubleQuotes',
    code: 'SPEC_UNKNOWN_CONTRACT',
    says: ['contracts.gate: no contract named "Gait"'],
    at: /at test\/cli\/fixtures\/specs\/UnknownContractDoubleQuotes\.spec\.ts:8\b/,
  },
  {
    spec: 'ZeroRuns',
    code: 'SPEC_INVALID',
    says: ['2 problems in the spec', /fuzz\.runs: must be a whole number from 1 .*got 0/, /fuzz\.depth: must be a whole number from 1 .*got 0/],
    at: /ZeroRuns\.spec\.ts:10\b/,
  },
  {
    spec: 'UnknownFunction',
    code: 'SPEC_UNKNOWN_FUNCTION',
    says: ['gate.unlock is not a function of Gate', 'functions: close, minimum, open, opened'],
    at: /at test\/cli\/fixtures\/specs\/UnknownFunction\.spec\.ts:9\b/,
  },
  {
    spec: 'BadArgs',
    code: 'SPEC_BAD_ARGS',
    says: ['gate.open("seven")', 'expected: open(uint256)'],
    at: /at test\/cli\/fixtures\/specs\/BadArgs\.spec\.ts:9\b/,
  },
  {
    spec: 'DeployReverted',
    code: 'DEPLOY_REVERTED',
    says: ['deploying contracts.gate (Gate) reverted: Error("Gate: zero minimum")', 'args [0]'],
    at: /at test\/cli\/fixtures\/specs\/DeployReverted\.spec\.ts:7\b/,
  },
  {
    spec: 'SetupReverted',
    code: 'SETUP_REVERTED',
    says: ['gate.open(3n)', 'reverted: Error("Gate: wrong code")'],
    at: /at test\/cli\/fixtures\/specs\/SetupReverted\.spec\.ts:8\b/,
  },
  {
    spec: 'InvariantThrows',
    code: 'INVARIANT_THREW',
    says: ['invariant minimumIsSet threw: kaboom: the invariant gave up'],
    at: /at test\/cli\/fixtures\/specs\/InvariantThrows\.spec\.ts:10\b/,
  },
  {
    spec: 'InvariantNotBoolean',
    code: 'INVARIANT_THREW',
    says: ['invariant minimumValue returned 5n, not a boolean'],
    at: /at test\/cli\/fixtures\/specs\/InvariantNotBoolean\.spec\.ts:9\b/,
  },
  {
    spec: 'UnknownExclude',
    code: 'SPEC_UNKNOWN_FUNCTION',
    says: ['targets: "gate.shut" matches no state-changing function', 'callable: gate.close, gate.open'],
    at: /at test\/cli\/fixtures\/specs\/UnknownExclude\.spec\.ts:8\b/,
  },
  {
    spec: 'BadFuzz',
    code: 'SPEC_INVALID',
    says: [
      '4 problems in the spec',
      /fuzz\.runs: must be a whole number .*got -1 \(at test\/cli\/fixtures\/specs\/BadFuzz\.spec\.ts:10\)/,
      /fuzz\.depth: must be a whole number .*got deep \(at test\/cli\/fixtures\/specs\/BadFuzz\.spec\.ts:11\)/,
      /fuzz\.speed: is not a setting .*\(at test\/cli\/fixtures\/specs\/BadFuzz\.spec\.ts:12\)/,
      /fuzz\.assertions: must be true or false \(at test\/cli\/fixtures\/specs\/BadFuzz\.spec\.ts:13\)/,
    ],
    at: /BadFuzz\.spec\.ts:10\b/,
  },
  {
    spec: 'CompileError',
    code: 'COMPILE_ERROR',
    says: ['TypeError: Type literal_string "not a number" is not implicitly convertible to expected type uint256'],
    at: /test\/cli\/fixtures\/contracts\/Broken\.sol:9:17/,
  },
];

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('spec-errors');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.concurrent('spec and compile errors', () => {
  for (const c of cases) {
    it(`${c.spec}.spec.ts → error[${c.code}] with its location (exit 2)`, async () => {
      const out = join(tmp, c.spec);
      const r = await runVigil(['run', fixtureSpec(c.spec), '--runs', '5', '--depth', '5', '--out', out, '--no-corpus']);

      expect(r.code).toBe(2);
      expect(r.output).toContain(`error[${c.code}]: `);
      for (const text of c.says) {
        if (typeof text === 'string') expect(r.output).toContain(text);
        else expect(r.output).toMatch(text);
      }
      expect(r.output).toMatch(c.at);
      expect(r.output).toMatch(/^Hint: \S/m);
      expect(r.output).toMatch(/: ERROR\./);
      expect(r.output).not.toContain('error[INTERNAL]');
      expect(r.output).not.toMatch(stackFramePattern);

      // The report still gets written, carrying the same error.
      const report = await readJsonReport(out);
      expect(report.status).toBe('error');
      expect(report.specs[0]).toMatchObject({ status: 'error', error: { code: c.code } });
    });
  }
});

describe('spec errors under --quiet', () => {
  it('still prints the error, its location and the hint', async () => {
    const r = await runVigil(['run', fixtureSpec('DeployReverted'), '--quiet', '--out', join(tmp, 'quiet'), '--no-corpus']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('error[DEPLOY_REVERTED]: deploying contracts.gate (Gate) reverted');
    expect(r.output).toMatch(/at test\/cli\/fixtures\/specs\/DeployReverted\.spec\.ts:7\b/);
    expect(r.output).toMatch(/^Hint: \S/m);
  });
});
