import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ProveBounds } from '../verify/types.js';
import type { FromProofWorker, ToProofWorker } from './serveProofWorker.js';

/** What the main thread concludes of one task: the worker's result, or why there is none. */
export type PoolOutcome<Result> =
  | { status: 'done'; result: Result; timeMs: number }
  | { status: 'timeout'; reason: string; timeMs: number; partial?: Result }
  | { status: 'error'; reason: string; timeMs: number };

export interface PoolOptions {
  /** Tasks solved at once, each in its own thread with its own Z3 (default 1). */
  workers?: number;
  /** After a stop request, how long a worker may take before it is terminated, ms. */
  graceMs?: number;
  /** Opening the spec or suite in a fresh worker (compile cache, deployment, check translation), ms. */
  setupMs?: number;
  /**
   * The worker's JS heap: a runaway allocation ends the worker, not the process. Z3's own
   * memory is its wasm heap, fixed at 2 GB per instance by the z3-solver build.
   */
  resourceLimits?: ResourceLimits;
}

interface Job<Task, Result> {
  id: number;
  task: Task;
  resolve: (o: PoolOutcome<Result>) => void;
}

interface Slot<Task, Result> {
  worker?: Worker;
  job?: Job<Task, Result>;
  /** The job's latest partial result (what it would stand by if stopped). */
  partial?: Result;
  startedAt: number;
  timer?: NodeJS.Timeout;
}

/**
 * Proof tasks in worker threads that run `serveProofWorker` (spec obligations, native
 * suites' tasks). The main thread owns the clock: once a worker reports a task started, it
 * has the task's `bounds.timeoutMs`; past that the worker is asked to stop (it interrupts
 * Z3), then terminated after a grace period, and the task is `timeout`. A worker that dies
 * (out of memory, a crash) makes its task `error`. Either way the next task gets a fresh
 * worker. A `timeout` carries the task's latest partial result, if it sent one (a bounded
 * search proved through a smaller depth). Outcomes are plain data.
 */
export class ProofWorkerPool<Task extends { bounds: ProveBounds }, Result> {
  private readonly slots: Slot<Task, Result>[];
  private readonly queue: Job<Task, Result>[] = [];
  private readonly ending = new Set<Promise<unknown>>();
  private nextId = 0;
  private closed = false;
  private readonly graceMs: number;
  private readonly setupMs: number;
  private readonly limits: ResourceLimits;

  /** `entry`: the worker's script; `noun`: what a task is called in messages. */
  constructor(private readonly entry: string, private readonly noun: string, o: PoolOptions = {}) {
    this.slots = Array.from({ length: Math.max(1, o.workers ?? 1) }, () => ({ startedAt: 0 }));
    this.graceMs = o.graceMs ?? 3_000;
    this.setupMs = o.setupMs ?? 180_000;
    this.limits = o.resourceLimits ?? { maxOldGenerationSizeMb: 2048 };
  }

  run(task: Task): Promise<PoolOutcome<Result>> {
    if (this.closed) return Promise.reject(new Error(`internal: ${this.noun} pool already closed`));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.dispatch();
    });
  }

  /** Ends every worker (Z3's threads first, so nothing keeps the process alive). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ status: 'error', reason: `prover closed before this ${this.noun} ran`, timeMs: 0 });
    for (const slot of this.slots) {
      if (slot.job) this.finish(slot, { status: 'error', reason: `prover closed while this ${this.noun} ran`, timeMs: Date.now() - slot.startedAt });
      if (slot.worker) this.retire(slot, true);
    }
    await Promise.all([...this.ending]);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job !== undefined) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.startedAt = Date.now();
      const worker = slot.worker ?? this.spawn(slot);
      this.arm(slot, this.setupMs, `set-up of the ${this.noun} took more than ${seconds(this.setupMs)} s (worker stopped)`);
      worker.postMessage({ type: 'run', id: job.id, task: job.task } satisfies ToProofWorker<Task>);
    }
  }

  private spawn(slot: Slot<Task, Result>): Worker {
    const worker = new Worker(this.entry, { resourceLimits: this.limits });
    slot.worker = worker;
    worker.on('message', (m: FromProofWorker<Result>) => {
      const job = slot.job;
      if (slot.worker !== worker || job === undefined || m.id !== job.id) return;
      if (m.type === 'started') {
        slot.startedAt = Date.now();
        const limit = job.task.bounds.timeoutMs;
        this.arm(slot, limit, `timeout after ${seconds(limit)} s (worker stopped)`);
      } else if (m.type === 'partial') {
        slot.partial = m.result;
      } else if (m.type === 'result') {
        this.finish(slot, { status: 'done', result: m.result, timeMs: Date.now() - slot.startedAt });
        this.dispatch();
      } else if (m.type === 'error') {
        this.finish(slot, { status: 'error', reason: m.message.split('\n')[0]!, timeMs: Date.now() - slot.startedAt });
        // A throw may leave Z3's wasm state broken (an abort, memory out of bounds): start afresh.
        this.retire(slot, false);
        this.dispatch();
      }
    });
    const died = (why: string) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      if (slot.job) this.finish(slot, { status: 'error', reason: `worker died: ${why}`, timeMs: Date.now() - slot.startedAt });
      this.dispatch();
    };
    worker.on('error', (e: Error & { code?: string }) => died(`${e.code ? `${e.code}: ` : ''}${e.message.split('\n')[0]}`));
    worker.on('exit', (code) => died(`exited with code ${code}`));
    return worker;
  }

  /** The slot's clock: past `ms`, ask the worker to stop, and terminate it after the grace period. */
  private arm(slot: Slot<Task, Result>, ms: number, reason: string): void {
    clearTimeout(slot.timer);
    const job = slot.job!;
    slot.timer = setTimeout(() => {
      if (slot.job !== job) return;
      const partial = slot.partial;
      this.finish(slot, { status: 'timeout', reason, timeMs: Date.now() - slot.startedAt, ...(partial !== undefined ? { partial } : {}) });
      this.retire(slot, false, job.id);
      this.dispatch();
    }, ms);
  }

  private finish(slot: Slot<Task, Result>, outcome: PoolOutcome<Result>): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const job = slot.job!;
    slot.job = undefined;
    slot.partial = undefined;
    job.resolve(outcome);
  }

  /**
   * Takes the slot's worker out of service. A running obligation is interrupted first
   * ('stop'); an idle worker closes Z3 and exits by itself ('close'); after the grace
   * period it is terminated either way.
   */
  private retire(slot: Slot<Task, Result>, idle: boolean, stopId?: number): void {
    const worker = slot.worker;
    if (worker === undefined) return;
    slot.worker = undefined;
    const gone = new Promise<void>((resolve) => {
      let grace: NodeJS.Timeout | undefined;
      worker.once('exit', () => {
        clearTimeout(grace);
        resolve();
      });
      const terminate = () => void worker.terminate().catch(() => undefined);
      grace = setTimeout(terminate, this.graceMs);
      try {
        if (stopId !== undefined) {
          worker.on('message', (m: FromProofWorker<Result>) => {
            if (m.type === 'stopped' && m.id === stopId) terminate();
          });
          worker.postMessage({ type: 'stop', id: stopId } satisfies ToProofWorker<Task>);
        } else if (idle) worker.postMessage({ type: 'close' } satisfies ToProofWorker<Task>);
        else terminate();
      } catch {
        terminate();
      }
    });
    this.ending.add(gone);
    void gone.then(() => this.ending.delete(gone));
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
