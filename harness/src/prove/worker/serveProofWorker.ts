import type { MessagePort } from 'node:worker_threads';
import { isVigilError } from '../../errors/VigilError.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import type { Ctx } from '../word/Word.js';

/** What the main thread sends a proof worker, whatever the task. */
export type ToProofWorker<Task> = { type: 'run'; id: number; task: Task } | { type: 'stop'; id: number } | { type: 'close' };

/** What a proof worker answers. */
export type FromProofWorker<Result> =
  | { type: 'started'; id: number }
  | { type: 'partial'; id: number; result: Result }
  | { type: 'result'; id: number; result: Result }
  | { type: 'error'; id: number; message: string; code?: string; hint?: string }
  | { type: 'stopped'; id: number };

/** What a task tells the main thread while it runs: the end of its set-up, and a result it would stand by if stopped now. */
export interface TaskHooks<Result> {
  started(): void;
  partial(result: Result): void;
}

/**
 * The message loop of a proof worker thread (ObligationPool, NativeWorkerPool): its own Z3
 * instance, loaded on the first task, one task at a time. 'stop' interrupts the solver call
 * under way (Z3's timeout alone is soft); the main thread terminates the thread if that is
 * not enough. 'close' ends Z3's threads so the worker exits by itself.
 */
export function serveProofWorker<Task, Result>(port: MessagePort, run: (ctx: Ctx, task: Task, hooks: TaskHooks<Result>) => Promise<Result>): void {
  let z3: Promise<Z3Session> | undefined;
  let current: number | undefined;
  const post = (m: FromProofWorker<Result>) => port.postMessage(m);
  port.on('message', (m: ToProofWorker<Task>) => {
    if (m.type === 'run') {
      current = m.id;
      void (async () => {
        try {
          z3 ??= openZ3();
          const result = await run((await z3).ctx, m.task, {
            started: () => post({ type: 'started', id: m.id }),
            partial: (r) => post({ type: 'partial', id: m.id, result: r }),
          });
          post({ type: 'result', id: m.id, result });
        } catch (e) {
          const err = e as Error & { code?: string; hint?: string };
          post({ type: 'error', id: m.id, message: err.message ?? String(e), ...(isVigilError(e) ? { code: err.code, hint: err.hint } : {}) });
        } finally {
          if (current === m.id) current = undefined;
        }
      })();
    } else if (m.type === 'stop') {
      if (current === m.id && z3 !== undefined) {
        void z3.then((s) => {
          s.ctx.interrupt();
          post({ type: 'stopped', id: m.id });
        });
      }
    } else {
      void (async () => {
        if (z3 !== undefined) await (await z3).close();
        port.close();
      })();
    }
  });
}
