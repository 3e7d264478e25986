import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { NativeOutcome, NativeTask } from './NativeTask.js';
import type { FromNativeWorker, ToNativeWorker } from './nativeWorker.js';

const entry = fileURLToPath(new URL('./nativeWorkerEntry.mjs', import.meta.url));

function spawn(): Worker {
  const w = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: 2048 } });
  // An error (out of memory, a crash) is followed by 'exit', where the task gets its outcome.
  w.on('error', () => undefined);
  return w;
}

interface Slot {
  worker?: Worker;
  busy: boolean;
}

/**
 * Native tasks in worker threads, each worker with its own Z3. The main thread owns the
 * clock: from the worker's 'started' (set-up done) a task has `bounds.timeoutMs`; past it
 * the worker is asked to stop (Z3 interrupted), terminated after `graceMs`, and the task is
 * `timeout`. A worker that dies or throws makes its task `error`; the next task gets a
 * fresh worker. `close()` ends every worker, so the process exits by itself.
 */
export class NativeWorkerPool {
  private readonly slots: Slot[];
  private readonly waiting: (() => void)[] = [];
  private readonly ending = new Set<Promise<void>>();
  private nextId = 0;

  constructor(private readonly o: { workers?: number; graceMs?: number; setupMs?: number } = {}) {
    this.slots = Array.from({ length: Math.max(1, o.workers ?? 1) }, () => ({ busy: false }));
  }

  readonly run = async (task: NativeTask): Promise<NativeOutcome> => {
    const slot = await this.acquire();
    try {
      return await this.runOn(slot, task);
    } finally {
      slot.busy = false;
      this.waiting.shift()?.();
    }
  };

  async close(): Promise<void> {
    for (const slot of this.slots) if (slot.worker) this.retire(slot, 'close');
    await Promise.all([...this.ending]);
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private runOn(slot: Slot, task: NativeTask): Promise<NativeOutcome> {
    const id = this.nextId++;
    const worker = slot.worker ?? (slot.worker = spawn());
    let startedAt = Date.now();
    return new Promise<NativeOutcome>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (o: NativeOutcome, retire?: 'stop' | 'terminate') => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        if (retire !== undefined) this.retire(slot, retire, id);
        resolve(o);
      };
      const arm = (ms: number, reason: string) => {
        clearTimeout(timer);
        timer = setTimeout(() => done({ status: 'timeout', reason, timeMs: Date.now() - startedAt }, 'stop'), ms);
      };
      const onMessage = (m: FromNativeWorker) => {
        if (m.id !== id) return;
        if (m.type === 'started') {
          startedAt = Date.now();
          arm(task.bounds.timeoutMs, `timeout after ${task.bounds.timeoutMs / 1000} s (worker stopped)`);
        } else if (m.type === 'result') done({ status: 'done', result: m.result, timeMs: Date.now() - startedAt });
        // A throw may leave Z3's wasm state broken: the next task gets a fresh worker.
        else if (m.type === 'error') done({ status: 'error', reason: m.message.split('\n')[0]!, timeMs: Date.now() - startedAt }, 'terminate');
      };
      const onExit = (code: number) => {
        if (slot.worker === worker) slot.worker = undefined;
        done({ status: 'error', reason: `worker died: exited with code ${code}`, timeMs: Date.now() - startedAt });
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      arm(this.o.setupMs ?? 180_000, 'set-up of the task took too long (worker stopped)');
      worker.postMessage({ type: 'run', id, task } satisfies ToNativeWorker);
    });
  }

  /** Takes the slot's worker out of service: asked to stop or close, terminated after the grace period either way. */
  private retire(slot: Slot, how: 'stop' | 'terminate' | 'close', id = -1): void {
    const worker = slot.worker;
    if (worker === undefined) return;
    slot.worker = undefined;
    const gone = new Promise<void>((resolve) => {
      const terminate = () => void worker.terminate().catch(() => undefined);
      const grace = setTimeout(terminate, this.o.graceMs ?? 3_000);
      worker.once('exit', () => {
        clearTimeout(grace);
        resolve();
      });
      if (how === 'stop') {
        worker.on('message', (m: FromNativeWorker) => m.type === 'stopped' && m.id === id && terminate());
        worker.postMessage({ type: 'stop', id } satisfies ToNativeWorker);
      } else if (how === 'close') worker.postMessage({ type: 'close' } satisfies ToNativeWorker);
      else terminate();
    });
    this.ending.add(gone);
    void gone.then(() => this.ending.delete(gone));
  }
}
