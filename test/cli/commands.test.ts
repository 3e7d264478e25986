import { describe, expect, it } from 'vitest';
import { fixtureSpec, runVigil, stackFramePattern } from './helpers/runVigil.js';

describe.concurrent('vigil list, --help and usage errors', () => {
  it('list shows each invariant as provable or fuzz-only, with file:line', async () => {
    const r = await runVigil(['list', fixtureSpec('Mixed'), fixtureSpec('Piggy')]);

    expect(r.code).toBe(0);
    expect(r.stdout).toContain('test/cli/fixtures/specs/Mixed.spec.ts: 1 of 2 checks provable');
    expect(r.stdout).toMatch(/^ {2}invariant totalIsSumOfBalances +provable +test\/cli\/fixtures\/specs\/Mixed\.spec\.ts:8$/m);
    // A fuzz-only check says what keeps it out of the prover, and where.
    expect(r.stdout).toMatch(/^ {2}invariant totalPrintsShort +fuzz-only +string operation .* at test\/cli\/fixtures\/specs\/Mixed\.spec\.ts:9:\d+$/m);
    expect(r.stdout).toContain('test/cli/fixtures/specs/Piggy.spec.ts: 1 of 1 checks provable');
    expect(r.stdout).toMatch(/^ {2}invariant totalIsSumOfBalances +provable +test\/cli\/fixtures\/specs\/Piggy\.spec\.ts:8$/m);
    expect(r.output).not.toMatch(stackFramePattern);
  });

  it('list reports a spec without a default export as a problem (exit 2)', async () => {
    const r = await runVigil(['list', fixtureSpec('NoDefault')]);

    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/problem .*no default export.* at test\/cli\/fixtures\/specs\/NoDefault\.spec\.ts:4:\d+/);
    expect(r.output).not.toMatch(stackFramePattern);
  });

  it('--help lists the commands (exit 0)', async () => {
    const r = await runVigil(['--help']);

    expect(r.code).toBe(0);
    for (const command of ['run [...specs]', 'list [...specs]', 'replay <report>', 'typegen [...specs]', 'bench']) {
      expect(r.stdout).toContain(`  ${command}`);
    }
    expect(r.output).not.toContain('error[');
  });

  it('--version prints the package version (exit 0)', async () => {
    const r = await runVigil(['--version']);

    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/vigil\/\d+\.\d+\.\d+/);
  });

  it('an unknown command is a usage error (exit 2)', async () => {
    const r = await runVigil(['frobnicate']);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[USAGE]: unknown command: frobnicate');
    expect(r.stderr).toMatch(/^Hint: Run `vigil --help`/m);
    expect(r.output).not.toMatch(stackFramePattern);
  });

  it('an unknown flag is a usage error (exit 2)', async () => {
    const r = await runVigil(['run', fixtureSpec('Piggy'), '--frobnicate']);

    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[USAGE\]: Unknown option `--frobnicate`/);
    expect(r.output).not.toMatch(stackFramePattern);
  });

  it('replay of a missing report is an IO error (exit 2)', async () => {
    const r = await runVigil(['replay', 'no/such/vigil-report.json']);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[IO]: report not found:');
    expect(r.output).not.toMatch(stackFramePattern);
  });
});
