import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { defaultSettings } from './CampaignSettings.js';
import { openSession } from './openSession.js';
import { runSequence } from './runSequence.js';
import type { SpecSession } from './SpecSession.js';

const root = dirname(dirname(dirname(import.meta.dirname)));
const id = (name: string) => `Shrinkable:invariant:${name}`;

let session: SpecSession;
let cacheDir: string;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'vigil-seq-'));
  session = await openSession(join(import.meta.dirname, 'fixtures/Shrinkable.spec.ts'), { root, cacheDir, settings: { ...defaultSettings } });
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function call(fn: string, args: unknown[] = [], extra: Partial<FuzzCall> = {}): FuzzCall {
  const target = session.targets.find((t) => t.fn.name === fn)!;
  return { target, args, sender: session.senders[0]!, value: 0n, timeDelta: 0n, blockDelta: 0n, ...extra };
}

describe('runSequence', () => {
  it('stops at the first call after which a check fails, with its index', async () => {
    const outcome = await runSequence(session, [call('noise', [1n]), call('setX', [2000n]), call('touch'), call('noise', [2n])]);
    expect(outcome.violation).toMatchObject({ id: id('xSmall'), kind: 'invariant', name: 'xSmall' });
    expect(outcome.index).toBe(1);
    expect(outcome.executed).toHaveLength(2);
    expect(outcome.executed.every((e) => !e.reverted)).toBe(true);
  });

  it('reports nothing for a passing sequence and runs all of it', async () => {
    const outcome = await runSequence(session, [call('noise', [1n]), call('setX', [1000n]), call('start')]);
    expect(outcome.violation).toBeUndefined();
    expect(outcome.index).toBe(2);
    expect(outcome.executed).toHaveLength(3);
  });

  it('with a target, skips other checks and finds the one asked for', async () => {
    const outcome = await runSequence(session, [call('touch'), call('setX', [2000n])], { target: id('xSmall') });
    expect(outcome.violation?.id).toBe(id('xSmall'));
    expect(outcome.index).toBe(1);
  });

  it('starts every run from the post-set-up state', async () => {
    await runSequence(session, [call('setX', [2000n])]);
    const again = await runSequence(session, [call('noise', [1n])]);
    expect(again.violation).toBeUndefined();
  });

  it('advances the clock before a call by its time jump', async () => {
    const t0 = session.chain.timestamp;
    const early = await runSequence(session, [call('start'), call('poke', [], { timeDelta: 86_399n })]);
    expect(early.violation).toBeUndefined();
    expect(session.chain.timestamp).toBe(t0 + 86_399n);
    const late = await runSequence(session, [call('start'), call('poke', [], { timeDelta: 86_400n })]);
    expect(late.violation?.id).toBe(id('notLate'));
    // and back to the base clock for the next run
    await runSequence(session, []);
    expect(session.chain.timestamp).toBe(t0);
  });

  it('passes each executed call to onStep in order', async () => {
    const seen: [string, number][] = [];
    await runSequence(session, [call('noise', [1n]), call('start'), call('touch')], {
      onStep: async (ex, i) => void seen.push([ex.call.target.fn.name, i]),
    });
    expect(seen).toEqual([['noise', 0], ['start', 1], ['touch', 2]]);
  });
});
