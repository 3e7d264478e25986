import type { Context } from 'z3-solver';
import { serializeZ3Calls, type Z3Internals } from './serializeZ3Calls.js';

/** A Z3 instance for one user; `close` ends its threads so the process can exit. */
export interface Z3Session<Name extends string = 'sevm'> {
  readonly ctx: Context<Name>;
  /** Ends this instance's worker threads (Node does not exit while they live). Idempotent. */
  close(): Promise<void>;
}

/**
 * Loads a fresh Z3 (a few MB of WebAssembly and a pool of threads, ~0.25 s) on first use
 * only, one instance per session: an instance that crashed or grew large dies with its
 * session instead of poisoning the next user, and no state is shared between callers.
 * Calls into the context are serialised against running checks (see serializeZ3Calls).
 */
export async function openZ3<Name extends string = 'sevm'>(name: Name = 'sevm' as Name): Promise<Z3Session<Name>> {
  const z3 = await import('z3-solver');
  const api = await z3.init();
  serializeZ3Calls(api as unknown as Z3Internals);
  const ctx = api.Context(name) as unknown as Context<Name>;
  let closed = false;
  return {
    ctx,
    async close() {
      if (closed) return;
      closed = true;
      await settleThreads(api.em as unknown as EmThreads);
      await z3.killThreads(api.em);
    },
  };
}

interface EmThreads {
  PThread: { runningWorkers: unknown[] };
}

/**
 * A thread that has just answered a check is still "running" until it reports back to
 * the pool; terminating it at that moment left the process unable to exit (seen under
 * load in about one close in four). Waits a little for the pool to settle first.
 */
async function settleThreads(em: EmThreads): Promise<void> {
  for (let waited = 0; waited < 2000 && em.PThread.runningWorkers.length > 0; waited += 10) {
    await new Promise((r) => setTimeout(r, 10));
  }
}
