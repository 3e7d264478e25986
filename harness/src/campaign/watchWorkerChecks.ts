/**
 * The parent's side of a campaign worker's check limit: the worker's checks stamp `slot`
 * while they evaluate (CheckTimer); a stamp that stays the same past the limit, plus a
 * second of grace, means a check that never returns, and `onStuck` runs once.
 * Returns the interval, to clear when the worker ends.
 */
export function watchWorkerChecks(slot: SharedArrayBuffer, limitMs: number, onStuck: () => void): NodeJS.Timeout {
  const stamps = new Int32Array(slot);
  let seen = 0;
  let since = Date.now();
  let fired = false;
  const timer = setInterval(() => {
    const gen = Atomics.load(stamps, 0);
    const now = Date.now();
    if (gen === 0 || gen !== seen) {
      seen = gen;
      since = now;
      return;
    }
    if (!fired && now - since >= limitMs + 1_000) {
      fired = true;
      onStuck();
    }
  }, Math.max(20, Math.min(250, Math.floor(limitMs / 4))));
  timer.unref();
  return timer;
}
