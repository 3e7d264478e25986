/** A Z3 context for weighted covers, and the one way to end its threads. */
export interface Optimizer {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ctx: any;
  /** Ends Z3's worker threads; Node does not exit while they live. */
  close(): Promise<void>;
}

/**
 * Opens Z3 (WebAssembly, imported only here) with the lifecycle of the maze benchmark's
 * guard solver (bench/maze/solveGuards.ts): one `init()`, one context, `killThreads` on close.
 */
export async function openOptimizer(): Promise<Optimizer> {
  const { init } = await import('z3-solver');
  const api = await init();
  const ctx = api.Context('recommend');
  let closed = false;
  return {
    ctx,
    async close() {
      if (closed) return;
      closed = true;
      const { killThreads } = await import('z3-solver');
      await killThreads(api.em);
    },
  };
}
