import { parentPort } from 'node:worker_threads';
import { serveProofWorker } from '../worker/serveProofWorker.js';
import type { NativeResult, NativeTask } from './NativeTask.js';
import { emptyNativeCache, runNativeTask } from './runNativeTask.js';

/** A native proof worker thread (see NativeWorkerPool): its sessions are kept between tasks. */
if (parentPort !== null) {
  const cache = emptyNativeCache();
  serveProofWorker<NativeTask, NativeResult>(parentPort, (ctx, task, hooks) => runNativeTask(ctx, cache, task, hooks));
}
