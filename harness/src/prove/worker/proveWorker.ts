import { parentPort } from 'node:worker_threads';
import type { Obligation, ObligationResult } from './Obligation.js';
import { runObligation, type WorkerCache } from './runObligation.js';
import { serveProofWorker } from './serveProofWorker.js';

/** A proof worker thread of ObligationPool: its sessions are kept between obligations of the same spec. */
const cache: WorkerCache = { sessions: new Map() };
serveProofWorker<Obligation, ObligationResult>(parentPort!, (ctx, obligation, hooks) => runObligation(ctx, cache, obligation, hooks));
