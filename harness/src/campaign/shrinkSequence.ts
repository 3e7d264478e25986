import type { Hex } from 'viem';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { runSequence } from './runSequence.js';
import { yieldToEventLoop } from './yieldToEventLoop.js';
import type { SpecSession } from './SpecSession.js';

export interface ShrinkBudget {
  attempts: number;
  deadline: number;
  signal?: AbortSignal;
}

export interface ShrinkResult {
  calls: FuzzCall[];
  attempts: number;
  status: 'complete' | 'budget-exhausted';
}

class OutOfBudget extends Error {}

/**
 * Makes a counterexample small while it still breaks the same check: drops calls
 * (carrying their time and block jumps to the next call), shrinks arguments toward
 * zero, reduces senders to the first one, clears values and delays. Each candidate is
 * replayed from the post-set-up state; the budget counts those replays.
 */
export async function shrinkSequence(session: SpecSession, calls: FuzzCall[], findingId: string, budget: ShrinkBudget): Promise<ShrinkResult> {
  let attempts = 0;
  const fails = async (candidate: FuzzCall[]): Promise<FuzzCall[] | undefined> => {
    if (attempts % 8 === 0) await yieldToEventLoop();
    if (attempts >= budget.attempts || Date.now() >= budget.deadline || budget.signal?.aborted) throw new OutOfBudget();
    attempts++;
    const outcome = await runSequence(session, candidate, { target: findingId });
    return outcome.violation ? candidate.slice(0, outcome.index + 1) : undefined;
  };

  let current = calls;
  try {
    current = (await fails(current)) ?? current;
    for (let changed = true; changed; ) {
      changed = false;
      for (const pass of [dropCalls, shrinkArgs, reduceSenders, clearValuesAndDelays]) {
        const next = await pass(current, fails, session.senders[0]!);
        if (next !== current) {
          current = next;
          changed = true;
        }
      }
    }
    return { calls: current, attempts, status: 'complete' };
  } catch (e) {
    if (e instanceof OutOfBudget) return { calls: current, attempts, status: 'budget-exhausted' };
    throw e;
  }
}

type Fails = (candidate: FuzzCall[]) => Promise<FuzzCall[] | undefined>;

async function dropCalls(calls: FuzzCall[], fails: Fails): Promise<FuzzCall[]> {
  let current = calls;
  for (let size = Math.max(1, Math.floor(current.length / 2)); size >= 1; size = Math.floor(size / 2)) {
    for (let i = current.length - size; i >= 0; i--) {
      if (i + size > current.length) continue;
      const candidate = without(current, i, size);
      const kept = await fails(candidate);
      if (kept) current = kept;
    }
  }
  return current;
}

/** The calls without [i, i+size), whose time and block jumps move to the call after them. */
function without(calls: FuzzCall[], i: number, size: number): FuzzCall[] {
  const removed = calls.slice(i, i + size);
  const rest = [...calls.slice(0, i), ...calls.slice(i + size)];
  const next = rest[i];
  if (next !== undefined) {
    rest[i] = {
      ...next,
      timeDelta: next.timeDelta + removed.reduce((s, c) => s + c.timeDelta, 0n),
      blockDelta: next.blockDelta + removed.reduce((s, c) => s + c.blockDelta, 0n),
    };
  }
  return rest;
}

async function shrinkArgs(calls: FuzzCall[], fails: Fails, firstSender: Hex): Promise<FuzzCall[]> {
  let current = calls;
  for (let i = 0; i < current.length; i++) {
    for (let a = 0; a < current[i]!.args.length; a++) {
      const withArg = (v: unknown) => current.map((c, k) => (k === i ? { ...c, args: c.args.map((x, j) => (j === a ? v : x)) } : c));
      const value = current[i]!.args[a];
      if (typeof value === 'bigint') {
        const smaller = await shrinkBigint(value, (v) => fails(withArg(v)));
        if (smaller) current = smaller;
        continue;
      }
      for (const candidate of simpler(value, firstSender)) {
        const kept = await fails(withArg(candidate));
        if (kept) {
          current = kept;
          break;
        }
      }
    }
  }
  return current;
}

/** Small values people read at a glance; tried in order before any search. */
const SMALL = [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 10n, 16n, 32n, 64n, 100n, 128n, 255n, 256n, 1000n, 1024n];

/**
 * The value closest to zero that still fails: first the small round values (this also
 * settles guards that are not monotone, like `x % 4 == 3`, in a few replays), then a
 * binary search toward zero, which is exact for monotone guards like `x > 1000`.
 */
async function shrinkBigint(value: bigint, fails: (v: bigint) => Promise<FuzzCall[] | undefined>): Promise<FuzzCall[] | undefined> {
  if (value === 0n) return undefined;
  const sign = value < 0n ? -1n : 1n;
  for (const small of SMALL) {
    if (small >= value * sign) break;
    const kept = await fails(small * sign);
    if (kept) return kept;
  }
  let lo = 0n;
  let hi = value * sign;
  let best: FuzzCall[] | undefined;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    const kept = await fails(mid * sign);
    if (kept) {
      hi = mid;
      best = kept;
    } else lo = mid;
  }
  return best;
}

function simpler(value: unknown, firstSender: Hex): unknown[] {
  if (typeof value === 'boolean') return value ? [false] : [];
  if (typeof value === 'string') {
    if (/^0x[0-9a-fA-F]{40}$/.test(value)) return value.toLowerCase() === firstSender ? [] : [firstSender];
    if (value.startsWith('0x')) return value === '0x' || /^0x0*$/.test(value) ? [] : [value.length === 2 ? '0x' : `0x${'0'.repeat(value.length - 2)}`, '0x'];
    return value === '' ? [] : [''];
  }
  if (Array.isArray(value)) return value.length === 0 ? [] : [[], ...value.map((_, i) => value.filter((__, j) => j !== i))];
  return [];
}

async function reduceSenders(calls: FuzzCall[], fails: Fails, firstSender: Hex): Promise<FuzzCall[]> {
  let current = calls;
  for (let i = 0; i < current.length; i++) {
    if (current[i]!.sender === firstSender) continue;
    const kept = await fails(current.map((c, k) => (k === i ? { ...c, sender: firstSender } : c)));
    if (kept) current = kept;
  }
  return current;
}

async function clearValuesAndDelays(calls: FuzzCall[], fails: Fails): Promise<FuzzCall[]> {
  let current = calls;
  for (let i = 0; i < current.length; i++) {
    const c = current[i]!;
    if (c.value !== 0n) {
      const kept = await fails(current.map((x, k) => (k === i ? { ...x, value: 0n } : x)));
      if (kept) current = kept;
    }
    if (c.timeDelta !== 0n || c.blockDelta !== 0n) {
      const kept = await fails(current.map((x, k) => (k === i ? { ...x, timeDelta: 0n, blockDelta: 0n } : x)));
      if (kept) current = kept;
    }
  }
  return current;
}
