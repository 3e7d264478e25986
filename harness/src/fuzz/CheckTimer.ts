import { isMainThread, Worker } from 'node:worker_threads';

/** Thrown into an evaluation that ran past its limit (and was stopped, if it held the thread). */
export class CheckTimeout extends Error {
  constructor(readonly limitMs: number) {
    super(`did not return within ${limitMs} ms`);
  }
}

/*
 * The watchdog thread. It watches a shared slot the main thread stamps before and clears after
 * each evaluation. Past the limit it first tells the main thread, which rejects the evaluation
 * if it is free to listen (a check looping through awaits). If the slot is still stamped a grace
 * period later, the main thread is held by a loop that never yields: the watchdog asks V8,
 * through the inspector (which interrupts running JavaScript), to terminate what is executing,
 * and tells it again. Plain CommonJS, so the thread starts without the TypeScript loader.
 */
const WATCHDOG = `
const { parentPort, workerData } = require('node:worker_threads');
const inspector = require('node:inspector');
const slot = new Int32Array(workerData.slot);
let seen = 0, since = 0, told = 0;
setInterval(() => {
  const gen = Atomics.load(slot, 0);
  if (gen === 0 || gen !== seen) { seen = gen; since = Date.now(); told = 0; return; }
  const now = Date.now();
  if (told === 0) {
    if (now - since < workerData.limitMs) return;
    told = now;
    parentPort.postMessage(gen);
  } else if (now - told >= workerData.graceMs) {
    told = now;
    // Connected only for this: a connected session would keep the main thread's loop alive.
    const session = new inspector.Session();
    session.connectToMainThread();
    session.post('Runtime.terminateExecution', () => {
      session.disconnect();
      parentPort.postMessage(gen);
    });
  }
}, workerData.pollMs);
`;

/**
 * Runs spec checks (user code) with a per-evaluation time limit that holds even for a loop
 * that never yields. Each evaluation starts in a microtask of its own, so stopping it unwinds
 * only the check, never the campaign awaiting it. After a timeout the chain the check was
 * reading may be mid-call: callers end the campaign and replay on a fresh session.
 * On the main thread only (the inspector reaches only the main thread). In a worker thread,
 * evaluations stamp a slot shared with the parent (`external`), which stops the whole worker
 * when one runs past the limit (see watchWorkerChecks).
 */
export class CheckTimer {
  private readonly slot: Int32Array;
  private worker: Worker | undefined;
  private generation = 0;
  private pending: { gen: number; reject: (e: Error) => void } | undefined;
  /** Set once an evaluation timed out: a check still looping through awaits must not read on. */
  timedOut = false;

  constructor(readonly limitMs: number, external?: SharedArrayBuffer) {
    this.slot = new Int32Array(external ?? new SharedArrayBuffer(4));
    this.external = external !== undefined;
  }

  private readonly external: boolean;

  get enabled(): boolean {
    return isMainThread && Number.isFinite(this.limitMs) && this.limitMs > 0;
  }

  run<T>(evaluate: () => T | Promise<T>): Promise<T> {
    if (!this.enabled) {
      if (!this.external) return Promise.resolve().then(evaluate);
      const gen = (this.generation = (this.generation % 0x7fffffff) + 1);
      Atomics.store(this.slot, 0, gen);
      const clear = () => void Atomics.compareExchange(this.slot, 0, gen, 0);
      return Promise.resolve().then(evaluate).finally(clear);
    }
    this.start();
    const gen = (this.generation = (this.generation % 0x7fffffff) + 1);
    return new Promise<T>((resolve, reject) => {
      this.pending = { gen, reject };
      // Held while an evaluation is pending: a stopped evaluation may leave nothing else alive
      // on the event loop, and the watchdog's message must still be heard.
      this.worker!.ref();
      Atomics.store(this.slot, 0, gen);
      Promise.resolve().then(evaluate).then(
        (v) => this.settle(gen) && resolve(v),
        (e: unknown) => this.settle(gen) && reject(e),
      );
    });
  }

  /** Stops the watchdog thread; idempotent. */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private settle(gen: number): boolean {
    if (this.pending?.gen !== gen) return false;
    this.pending = undefined;
    Atomics.compareExchange(this.slot, 0, gen, 0);
    this.worker?.unref();
    return true;
  }

  private start(): void {
    if (this.worker) return;
    const pollMs = Math.max(10, Math.min(250, Math.floor(this.limitMs / 4)));
    const graceMs = Math.max(100, Math.min(1_000, Math.floor(this.limitMs / 4)));
    const workerData = { slot: this.slot.buffer, limitMs: this.limitMs, pollMs, graceMs };
    this.worker = new Worker(WATCHDOG, { eval: true, workerData });
    this.worker.on('message', (gen: number) => {
      const p = this.pending;
      if (p?.gen !== gen) return;
      this.pending = undefined;
      Atomics.compareExchange(this.slot, 0, gen, 0);
      this.timedOut = true;
      // The checks are over for this session: no watchdog is needed any more.
      this.close();
      p.reject(new CheckTimeout(this.limitMs));
    });
    // A watchdog that cannot run (no inspector in this Node) leaves checks without a limit, never the run broken.
    this.worker.on('error', () => undefined);
    // After the listeners: attaching one refs the worker again.
    this.worker.unref();
  }
}
