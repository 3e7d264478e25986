/** Delay before retry number `attempt` (0-based): doubling from `base`, capped, so a node that is down is not hammered. */
export function backoffMs(attempt: number, base = 200, cap = 5_000): number {
  return Math.min(cap, base * 2 ** Math.min(attempt, 16));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      done();
    }
    signal?.addEventListener('abort', finish, { once: true });
  });
}
