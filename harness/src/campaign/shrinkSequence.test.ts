import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { defaultSettings } from './CampaignSettings.js';
import { openSession } from './openSession.js';
import { runSequence } from './runSequence.js';
import { shrinkSequence } from './shrinkSequence.js';
import type { SpecSession } from './SpecSession.js';

const root = dirname(dirname(dirname(import.meta.dirname)));
const specFile = join(import.meta.dirname, 'fixtures/Shrinkable.spec.ts');
const id = (name: string) => `Shrinkable:invariant:${name}`;
const DAY = 86_400n;

let session: SpecSession;
let cacheDir: string;
let actors: Hex[];

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'vigil-shrink-'));
  session = await openSession(specFile, { root, cacheDir, settings: { ...defaultSettings } });
  actors = session.senders;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function call(fn: string, args: unknown[] = [], extra: Partial<FuzzCall> = {}): FuzzCall {
  const target = session.targets.find((t) => t.fn.name === fn);
  if (target === undefined) throw new Error(`no target ${fn}`);
  return { target, args, sender: actors[1]!, value: 0n, timeDelta: 0n, blockDelta: 0n, ...extra };
}
const unlimited = () => ({ attempts: 10_000, deadline: Date.now() + 60_000 });
const names = (calls: FuzzCall[]) => calls.map((c) => c.target.fn.name);

describe('shrinkSequence', () => {
  it('drops the irrelevant calls around the failing one', async () => {
    const calls = [
      call('noise', [5n]),
      call('touch', [], { sender: actors[2] }),
      call('noise', [7n]),
      call('setX', [5000n]),
      call('noise', [1n]),
      call('start'),
      call('noise', [9n]),
    ];
    const before = await runSequence(session, calls, { target: id('xSmall') });
    expect(before.violation?.id).toBe(id('xSmall'));
    const result = await shrinkSequence(session, calls, id('xSmall'), unlimited());
    expect(result.status).toBe('complete');
    expect(names(result.calls)).toEqual(['setX']);
    // The result is still a counterexample.
    expect((await runSequence(session, result.calls, { target: id('xSmall') })).violation?.id).toBe(id('xSmall'));
  });

  it('shrinks an argument to the smallest value that still fails (x > 1000 → 1001)', async () => {
    const result = await shrinkSequence(session, [call('noise', [3n]), call('setX', [987_654_321_987n])], id('xSmall'), unlimited());
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0]!.args).toEqual([1001n]);
  });

  it('shrinks huge arguments too, within a few hundred replays', async () => {
    const result = await shrinkSequence(session, [call('setX', [(1n << 256n) - 1n])], id('xSmall'), unlimited());
    expect(result.calls[0]!.args).toEqual([1001n]);
    expect(result.attempts).toBeLessThan(300);
  });

  it('carries the time jumps of dropped calls to the next call', async () => {
    const calls = [
      call('start'),
      call('noise', [1n], { timeDelta: DAY / 2n, blockDelta: 100n }),
      call('noise', [2n], { timeDelta: DAY / 2n + 10n, blockDelta: 200n }),
      call('poke'),
    ];
    expect((await runSequence(session, calls, { target: id('notLate') })).violation).toBeDefined();
    const result = await shrinkSequence(session, calls, id('notLate'), unlimited());
    expect(names(result.calls)).toEqual(['start', 'poke']);
    expect(result.calls[0]!.timeDelta).toBe(0n);
    expect(result.calls[1]!.timeDelta).toBe(DAY + 10n);
    expect(result.calls[1]!.blockDelta).toBe(300n);
    expect((await runSequence(session, result.calls, { target: id('notLate') })).violation?.id).toBe(id('notLate'));
  });

  it('drops a time jump that does not matter', async () => {
    const calls = [call('setX', [2000n], { timeDelta: 5n * DAY, blockDelta: 9n })];
    const result = await shrinkSequence(session, calls, id('xSmall'), unlimited());
    expect(result.calls[0]).toMatchObject({ timeDelta: 0n, blockDelta: 0n });
  });

  it('moves every call to the first sender when that still fails', async () => {
    const calls = [call('noise', [1n], { sender: actors[2] }), call('touch', [], { sender: actors[2] })];
    const result = await shrinkSequence(session, calls, id('untouched'), unlimited());
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0]!.sender).toBe(actors[0]);
  });

  it('simplifies addresses, booleans, arrays and strings', async () => {
    const calls = [call('mark', [actors[2], true, [5n, 6n, 7n], 'some note'])];
    const result = await shrinkSequence(session, calls, id('unmarked'), unlimited());
    expect(result.calls[0]!.args).toEqual([actors[0], false, [], '']);
  });

  it('shrinks only toward the finding it is given', async () => {
    // touch() breaks `untouched` first; shrinking for `xSmall` must keep setX.
    const calls = [call('touch'), call('setX', [1500n])];
    const result = await shrinkSequence(session, calls, id('xSmall'), unlimited());
    expect(names(result.calls)).toEqual(['setX']);
  });

  it('stops at the attempt budget and says so', async () => {
    const calls = [call('noise', [1n]), call('noise', [2n]), call('setX', [5000n]), call('noise', [3n])];
    const result = await shrinkSequence(session, calls, id('xSmall'), { attempts: 3, deadline: Date.now() + 60_000 });
    expect(result.status).toBe('budget-exhausted');
    expect(result.attempts).toBe(3);
    // What it has so far still fails.
    expect((await runSequence(session, result.calls, { target: id('xSmall') })).violation?.id).toBe(id('xSmall'));
  });

  it('stops at the deadline and on an aborted signal', async () => {
    const calls = [call('noise', [1n]), call('setX', [5000n])];
    const late = await shrinkSequence(session, calls, id('xSmall'), { attempts: 10_000, deadline: Date.now() - 1 });
    expect(late).toEqual({ calls, attempts: 0, status: 'budget-exhausted' });
    const controller = new AbortController();
    controller.abort();
    const aborted = await shrinkSequence(session, calls, id('xSmall'), { attempts: 10_000, deadline: Date.now() + 60_000, signal: controller.signal });
    expect(aborted.status).toBe('budget-exhausted');
    expect(aborted.attempts).toBe(0);
  });

  it('returns a result whose attempts stay within the budget for any budget', async () => {
    const calls = [call('noise', [1n]), call('noise', [2n]), call('setX', [5000n]), call('noise', [3n])];
    for (const attempts of [1, 5, 20]) {
      const result = await shrinkSequence(session, calls, id('xSmall'), { attempts, deadline: Date.now() + 60_000 });
      expect(result.attempts).toBeLessThanOrEqual(attempts);
    }
  });
});
