import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { defaultSettings } from './CampaignSettings.js';
import { openSession } from './openSession.js';
import { replayCounterexample } from './replayCounterexample.js';
import type { SpecSession } from './SpecSession.js';

const root = dirname(dirname(dirname(import.meta.dirname)));
let cacheDir: string;
let session: SpecSession;
beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'vigil-replay-ce-'));
  session = await openSession(join(import.meta.dirname, 'fixtures', 'ReportThrows.spec.ts'), { root, cacheDir, settings: defaultSettings });
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function call(fn: string, args: unknown[]): FuzzCall {
  const target = session.targets.find((t) => t.fn.name === fn)!;
  return { target, args, sender: session.senders[0]!, value: 0n, timeDelta: 0n, blockDelta: 0n };
}

describe('replayCounterexample', () => {
  it('records the invariants before and after each step, and leaves out a step where a check throws', async () => {
    const ce = await replayCounterexample(session, [call('bump', [3n]), call('drain', [5000n]), call('bump', [1n])], 'ReportThrows:invariant:notDrained');
    expect(ce.invariantsBefore).toEqual([{ name: 'notDrained', holds: true }, { name: 'readable', holds: true }]);
    // The sequence ends where the finding's check broke: the third call is not part of it.
    expect(ce.calls.map((c) => c.function)).toEqual(['bump', 'drain']);
    expect(ce.calls[0]!.invariantsAfter).toEqual([{ name: 'notDrained', holds: true }, { name: 'readable', holds: true }]);
    expect(ce.calls[1]!.result?.status).toBe('success');
    expect(ce.calls[1]).not.toHaveProperty('invariantsAfter');
  });

  it('says loudly when a counterexample does not replay', async () => {
    await expect(replayCounterexample(session, [call('bump', [3n])], 'ReportThrows:invariant:notDrained')).rejects.toThrow(/did not replay/);
  });
});
