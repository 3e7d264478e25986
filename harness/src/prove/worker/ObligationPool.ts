import { fileURLToPath } from 'node:url';
import type { Obligation, ObligationResult } from './Obligation.js';
import { ProofWorkerPool, type PoolOptions } from './ProofWorkerPool.js';

const workerEntry = fileURLToPath(new URL('../../../bin/prove-worker.mjs', import.meta.url));

/** Spec proof obligations in worker threads (see ProofWorkerPool), for `vigil prove`. */
export class ObligationPool extends ProofWorkerPool<Obligation, ObligationResult> {
  constructor(o: PoolOptions = {}) {
    super(workerEntry, 'obligation', o);
  }
}
