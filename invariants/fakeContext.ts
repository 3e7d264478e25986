import type { Hex } from 'viem';
import type { CallInfo } from '../harness/src/index.js';

// For the library's unit tests: check contexts without a chain, so each rule can be
// tried on hand-made states, including the broken ones a target rarely reaches.

/** A view's fixed value, or a function of its arguments. */
export type FakeView = bigint | boolean | string | ((...args: never[]) => unknown);

/** A contract handle whose view functions answer from `views`. */
export function fakeHandle(views: Record<string, FakeView>): Record<string, (...args: unknown[]) => Promise<unknown>> {
  return Object.fromEntries(
    Object.entries(views).map(([name, v]) => [name, async (...args: unknown[]) => (typeof v === 'function' ? v(...(args as never[])) : v)]),
  );
}

/** balanceOf over a table; absent addresses hold nothing. */
export function balances(table: Record<Hex, bigint>): (a: Hex) => bigint {
  return (a) => table[a] ?? 0n;
}

export interface FakeContextOptions {
  actors?: readonly Hex[];
  holders?: readonly Hex[];
  /** Handles as they were before the call, by the same keys; `old(handle)` returns these. */
  before?: Record<string, object>;
  call?: Partial<CallInfo>;
}

/** A check context holding `handles` by key; cast it to the check's parameter type. */
export function fakeContext(handles: Record<string, object>, options: FakeContextOptions = {}): never {
  const pre = new Map<object, object>();
  for (const [key, handle] of Object.entries(handles)) {
    const before = options.before?.[key];
    if (before !== undefined) pre.set(handle, before);
  }
  return {
    ...handles,
    contracts: handles,
    actors: options.actors ?? [],
    holders: options.holders ?? options.actors ?? [],
    call: fakeCall(options.call),
    old: (x: object) => {
      const before = pre.get(x);
      if (before === undefined) throw new Error('old() of a handle without a `before` state');
      return before;
    },
  } as never;
}

/** A successful call with no arguments from the first default actor, overridden by `partial`. */
export function fakeCall(partial: Partial<CallInfo> = {}): CallInfo {
  return {
    contract: 'token',
    function: 'f',
    signature: 'f()',
    sender: '0x0000000000000000000000000000000000010000',
    args: [],
    value: 0n,
    reverted: false,
    result: undefined,
    events: [],
    ...partial,
  };
}
