import { parentPort } from 'node:worker_threads';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import type { NativeResult, NativeTask } from './NativeTask.js';
import { emptyNativeCache, runNativeTask } from './runNativeTask.js';

export type ToNativeWorker = { type: 'run'; id: number; task: NativeTask } | { type: 'stop'; id: number } | { type: 'close' };
export type FromNativeWorker =
  | { type: 'started'; id: number }
  | { type: 'result'; id: number; result: NativeResult }
  | { type: 'error'; id: number; message: string }
  | { type: 'stopped'; id: number };

/**
 * A native proof worker thread (see NativeWorkerPool): its own Z3 and sessions, one task
 * at a time. 'stop' interrupts the solver call under way; the pool terminates the thread if
 * that is not enough. 'close' ends Z3's threads so the worker exits by itself.
 */
const port = parentPort;
if (port !== null) {
  const cache = emptyNativeCache();
  let z3: Promise<Z3Session> | undefined;
  let current: number | undefined;
  const post = (m: FromNativeWorker) => port.postMessage(m);
  port.on('message', (m: ToNativeWorker) => {
    if (m.type === 'run') {
      current = m.id;
      void (async () => {
        try {
          z3 ??= openZ3();
          const result = await runNativeTask((await z3).ctx, cache, m.task, () => post({ type: 'started', id: m.id }));
          post({ type: 'result', id: m.id, result });
        } catch (e) {
          post({ type: 'error', id: m.id, message: (e as Error).message ?? String(e) });
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
