/**
 * The parts of a z3-solver instance this guard touches: the low-level API object the
 * high-level closures call through, and the Emscripten module whose `async_call` starts
 * the long-running calls (check, simplify…) on a worker thread.
 */
export interface Z3Internals {
  Z3: Record<string, unknown>;
  em: { async_call: (...args: unknown[]) => Promise<unknown> };
}

/** Called by JS finalizers of collected terms, solvers, models: safe to postpone. */
const deferrable = (name: string) => name === 'dec_ref' || name.endsWith('_dec_ref') || name.startsWith('del_');

/**
 * `interrupt` is made to be called while a check runs; z3-solver itself reads the error
 * code right after starting an async call (a plain field read).
 */
const concurrentSafe = new Set(['interrupt', 'get_error_code', 'get_error_msg']);

/**
 * A Z3 context is not thread-safe, yet z3-solver runs `check` on a worker thread while
 * the JS thread goes on: its FinalizationRegistry callbacks call `dec_ref` when terms are
 * garbage-collected, which frees memory inside the context the search is using. That
 * corrupts Z3's heap under GC pressure (seen as wasm traps "memory access out of bounds" /
 * "table index is out of bounds" inside the search, and then a promise that never settles).
 * From here on every release made while a call is in flight waits until it ends, and any
 * other use of the context during a call throws at once instead of corrupting it.
 */
export function serializeZ3Calls(z3: Z3Internals): void {
  let inFlight = 0;
  const postponed: Array<() => void> = [];
  const flush = () => {
    while (inFlight === 0 && postponed.length > 0) postponed.shift()!();
  };

  const asyncCall = z3.em.async_call.bind(z3.em);
  z3.em.async_call = (...args: unknown[]) => {
    inFlight++;
    let started: Promise<unknown>;
    try {
      started = asyncCall(...args);
    } catch (e) {
      inFlight--;
      throw e;
    }
    const settle = () => {
      inFlight--;
      flush();
    };
    started.then(settle, settle);
    return started;
  };

  for (const [name, value] of Object.entries(z3.Z3)) {
    if (typeof value !== 'function' || concurrentSafe.has(name)) continue;
    const fn = value as (...a: unknown[]) => unknown;
    if (deferrable(name)) {
      z3.Z3[name] = (...a: unknown[]) => {
        if (inFlight === 0) return fn(...a);
        postponed.push(() => fn(...a));
        return undefined;
      };
    } else if (!isAsync(fn)) {
      // Async functions reach `async_call`, which z3-solver's own lock already serialises.
      z3.Z3[name] = (...a: unknown[]) => {
        if (inFlight > 0) {
          throw new Error(`Z3 was used (${name}) while a solver call was running; await each solver call before using the context again`);
        }
        return fn(...a);
      };
    }
  }
}

const isAsync = (fn: (...a: unknown[]) => unknown) => fn.constructor.name === 'AsyncFunction' || /async_call/.test(Function.prototype.toString.call(fn));
