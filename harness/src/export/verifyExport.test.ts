import { describe, expect, it } from 'vitest';
import type { ExportedTest } from './ExportedTest.js';
import { judgeVerification } from './verifyExport.js';

const complete: ExportedTest = { source: '', contractName: 'C', testName: 't', status: 'complete', warnings: [], expectedFailure: 'invariant x broken' };
const partial: ExportedTest = { source: '', contractName: 'C', testName: 't', status: 'partial', warnings: [] };

describe('judgeVerification', () => {
  it('keeps a test complete when it fails with the promised reason (forge adds the values of an assertEq)', () => {
    expect(judgeVerification(complete, { outcome: 'failed', reason: 'invariant x broken: 1 != 2' })).toEqual({
      status: 'complete',
      note: "checked in Vigil's EVM: fails with invariant x broken: 1 != 2",
    });
  });

  it('makes it partial when the translated check overflows, and says so', () => {
    const j = judgeVerification(complete, { outcome: 'failed', reason: 'panic: arithmetic underflow or overflow (0x11)' });
    expect(j.status).toBe('partial');
    expect(j.warning).toContain('overflows or goes below zero where JavaScript bigints do not');
  });

  it('makes it partial when it passes', () => {
    expect(judgeVerification(complete, { outcome: 'passed' })).toMatchObject({ status: 'partial', warning: expect.stringContaining('passes instead of failing with "invariant x broken"') });
  });

  it('flags a replay-only test that fails: the replay diverged', () => {
    expect(judgeVerification(partial, { outcome: 'failed', reason: 'Error' })).toMatchObject({ status: 'partial', warning: expect.stringContaining('diverges') });
  });

  it('leaves the status alone when the test could not be run', () => {
    expect(judgeVerification(complete, { outcome: 'unverified', why: 'no compiler' })).toEqual({ status: 'complete', note: "not checked in Vigil's EVM: no compiler" });
  });
});
