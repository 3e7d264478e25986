import { fileURLToPath } from 'node:url';
import { ProofWorkerPool, type PoolOptions } from '../worker/ProofWorkerPool.js';
import type { NativeResult, NativeTask } from './NativeTask.js';

const entry = fileURLToPath(new URL('./nativeWorkerEntry.mjs', import.meta.url));

/** Native suites' tasks in worker threads (see ProofWorkerPool); each worker keeps its sessions between tasks. */
export class NativeWorkerPool extends ProofWorkerPool<NativeTask, NativeResult> {
  constructor(o: PoolOptions = {}) {
    super(entry, 'task', o);
  }
}
