import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec, makeTempDir, readJsonReport, runVigil, smallBudget, stackFramePattern } from './helpers/runVigil.js';

const assertId = 'Alarm:assertion:test/cli/fixtures/contracts/Alarm.sol:16';

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir('assertions');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('assertion mode', () => {
  it('reports a guarded assert(false) with the Solidity file:line (exit 1), and replays it', async () => {
    const out = join(tmp, 'on');
    const r = await runVigil(['run', fixtureSpec('Alarm'), ...smallBudget, '--out', out, '--no-corpus']);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FAIL: assertion failed: assert(trips == 0) (Panic(0x01))] assertion test/cli/fixtures/contracts/Alarm.sol:16');
    expect(r.stdout).toContain('at test/cli/fixtures/contracts/Alarm.sol:16:');
    expect(r.stdout).toMatch(/calldata=arm\(\)[\s\S]*calldata=trip\(\)/);
    expect(r.stdout).toContain('→ revert: Panic(0x01: assertion failed)');
    expect(r.stdout).toMatch(/\[PASS\] invariant alwaysTrue/);
    expect(r.output).not.toMatch(stackFramePattern);
    const report = await readJsonReport(out);
    const ids = report.specs[0]!.findings.map((f) => f.id);
    expect(ids).toEqual([assertId]);
    expect(ids[0]).toContain(':assertion:');
    expect(report.specs[0]!.findings[0]!.location).toMatchObject({ file: 'test/cli/fixtures/contracts/Alarm.sol', line: 16 });

    const replay = await runVigil(['replay', join(out, 'vigil-report.json'), '--finding', assertId]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toMatch(/→ Alarm\.arm\(\)[\s\S]*→ Alarm\.trip\(\)/);
    expect(replay.stdout).toContain('reproduced after call 2');
  });

  it('--no-assertions does not report it (exit 0)', async () => {
    const out = join(tmp, 'off');
    const r = await runVigil(['run', fixtureSpec('Alarm'), ...smallBudget, '--out', out, '--no-corpus', '--no-assertions']);

    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(':assertion:');
    expect(r.stdout).not.toContain('[FAIL');
    expect(r.stdout).toMatch(/\[PASS\] invariant alwaysTrue/);
    expect((await readJsonReport(out)).specs[0]!.findings).toEqual([]);
  });
});
