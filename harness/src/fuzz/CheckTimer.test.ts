import { afterEach, describe, expect, it } from 'vitest';
import { CheckTimeout, CheckTimer } from './CheckTimer.js';

let timer: CheckTimer | undefined;
afterEach(() => timer?.close());

describe('CheckTimer', () => {
  it('passes values and errors of checks that finish through unchanged', async () => {
    timer = new CheckTimer(2_000);
    expect(await timer.run(async () => { await null; return true; })).toBe(true);
    await expect(timer.run(() => { throw new Error('boom'); })).rejects.toThrow('boom');
  });

  it('stops a check that loops without ever yielding, and the thread goes on', async () => {
    timer = new CheckTimer(300);
    const spin = async () => {
      await null;
      for (;;) { /* never yields */ }
    };
    const err = await timer.run(spin).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckTimeout);
    // The thread is free again: later evaluations run normally.
    expect(await timer.run(async () => 7)).toBe(7);
  });

  it('stops a check that loops forever through awaits', async () => {
    timer = new CheckTimer(300);
    let turns = 0;
    const err = await timer.run(async () => {
      for (;;) { turns++; await new Promise((r) => setTimeout(r, 5)); }
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckTimeout);
    expect(turns).toBeGreaterThan(0);
  });

  it('a loop in the synchronous part of a check stops too, without unwinding the caller', async () => {
    timer = new CheckTimer(300);
    let after = false;
    const err = await timer.run(() => { for (;;) { /* spins before any await */ } }).catch((e: unknown) => e);
    after = true;
    expect(err).toBeInstanceOf(CheckTimeout);
    expect(after).toBe(true);
  });
});
